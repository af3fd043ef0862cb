// Joint coordination meetings: agenda on the map, minutes, decisions, actions and a shared map view.
import type { ReportCategory } from './reports';

export interface MapCenter {
  lat: number;
  lng: number;
}
/** Extension: the edges of a map view, named so that their order is never in doubt. */
export interface MapBounds {
  south: number;
  west: number;
  north: number;
  east: number;
}
/** The shared map view of a meeting (sent with `meeting:view`, kept with the meeting). */
export interface MeetingView {
  center: MapCenter;
  zoom: number;
  /**
   * Extension: what the presenter's map shows (it contains `center`). A follower with a smaller map fits these
   * bounds so it sees the whole view; absent from clients that send only centre and zoom.
   */
  bounds?: MapBounds;
}

export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const MINUTES_FORMATS = ['md', 'html'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/** Extension: the language of the exported minutes' headings (user text is never translated). */
export const MINUTES_LANGUAGES = ['sv', 'en'] as const;
export type MinutesLanguage = (typeof MINUTES_LANGUAGES)[number];

export const MEETING_LIMITS = {
  /** Titles of meetings and agenda items, and series names: the contract's names, 1–200 code points. */
  maxTitle: 200,
  maxPlace: 500,
  maxMinutes: 20_000,
  maxDecision: 4000,
  maxActionTitle: 1000,
  maxOrganisations: 50,
  maxAgendaItems: 100,
  defaultListLimit: 200,
  maxListLimit: 500,
  /** Without a previous meeting of the same series, the summary covers this many days. */
  summaryFallbackDays: 30,
  /** Zoom levels a shared map view may have. */
  minZoom: 0,
  maxZoom: 22,
} as const;

export interface AgendaItem {
  id: string;
  title: string;
  /** The site discussed (a zone's or linked report's site when only those were given). */
  siteId: string | null;
  zoneId: string | null;
  /** Extension: the field report discussed; it becomes `discussed` when the minutes are exported. */
  reportId: string | null;
  minutes: string;
  /** 1, 2, 3 … without gaps. */
  position: number;
  /** Rises with every change of the item's title, links or minutes (not with moves). A stale one → 409. */
  version: number;
  /** Extension. */
  updatedAt: string;
  /** Extension: who changed the item last. */
  updatedBy: string | null;
}

export interface Decision {
  id: string;
  text: string;
  agendaItemId: string | null;
  zoneId: string | null;
  /** Extension: the zone version the decision is about (the zone's current version when it was recorded, unless given). */
  zoneVersion: number | null;
  /** Extension. */
  createdAt: string;
  /** Extension. */
  createdBy: string | null;
}

export interface ActionItem {
  id: string;
  title: string;
  ownerId: string;
  /** The last day (YYYY-MM-DD). */
  dueDate: string;
  status: ActionStatus;
  /** Extension: open and its due date has passed in Europe/Stockholm. */
  overdue: boolean;
  /** Extension: the meeting that agreed the action. */
  meetingId: string;
  /** Extension: the agenda item the action arose from, if any. */
  agendaItemId: string | null;
  /** Extension: rises with every change; PATCH may send it (a stale one → 409). */
  version: number;
  /** Extension: when it was marked done. */
  doneAt: string | null;
  /** Extension. */
  updatedAt: string;
}

export interface Meeting {
  id: string;
  title: string;
  startsAt: string;
  /** Where, or a link to the video call. */
  place: string | null;
  /** The participating organisations: their members see the meeting. */
  organisationIds: string[];
  /** Ordered by `position`. */
  agenda: AgendaItem[];
  decisions: Decision[];
  actions: ActionItem[];
  /** The meeting's `meeting` channel (null only for a moment after creation if creating it failed; reading the meeting retries). */
  channelId: string | null;
  presenterId: string | null;
  /**
   * Extension: the series for "since last meeting". Meetings with the same `series` form one series; meetings
   * without one form a series with the meetings that have exactly the same organisations and no series either.
   */
  series: string | null;
  /** Extension: the shared map view the presenter last set. */
  view: MeetingView | null;
  /** Extension: the agenda item the presenter is on. */
  currentItemId: string | null;
  /** Extension: rises with every change of title, time, place, organisations or series. */
  version: number;
  /**
   * Extension: rises with every change to the meeting or anything in it (agenda, minutes, decisions, actions);
   * of two `meeting:updated` snapshots, keep the one with the higher revision.
   */
  revision: number;
  /** Extension. */
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateMeetingRequest {
  title: string;
  startsAt: string;
  place?: string | null;
  organisationIds: string[];
  series?: string | null;
}

export interface UpdateMeetingRequest {
  /** Extension: the version read; a stale one → 409. Without it, the change applies to whatever is current. */
  version?: number;
  title?: string;
  startsAt?: string;
  place?: string | null;
  organisationIds?: string[];
  series?: string | null;
}

export interface CreateAgendaItemRequest {
  title: string;
  siteId?: string | null;
  zoneId?: string | null;
  reportId?: string | null;
  /** Extension: where to insert (1 = first); default last. */
  position?: number;
  minutes?: string;
}

export interface UpdateAgendaItemRequest {
  version: number;
  title?: string;
  siteId?: string | null;
  zoneId?: string | null;
  reportId?: string | null;
  minutes?: string;
  /** Moves the item; the items between shift by one. */
  position?: number;
}

/** Extension: the 409 answered for a stale agenda item `version`: `current` is the item as it is now. */
export interface AgendaItemConflict {
  statusCode: 409;
  error: string;
  message: string;
  current: AgendaItem;
}

export interface CreateDecisionRequest {
  text: string;
  agendaItemId?: string | null;
  zoneId?: string | null;
  zoneVersion?: number | null;
}

export type UpdateDecisionRequest = Partial<CreateDecisionRequest>;

export interface CreateActionRequest {
  title: string;
  ownerId: string;
  dueDate: string;
  status?: ActionStatus;
  agendaItemId?: string | null;
}

export interface UpdateActionRequest {
  version?: number;
  title?: string;
  ownerId?: string;
  dueDate?: string;
  status?: ActionStatus;
  agendaItemId?: string | null;
}

/** `GET /api/actions`: an action with its meeting's title and time, for a "my actions" list. */
export interface ActionListItem extends ActionItem {
  meetingTitle: string;
  meetingStartsAt: string;
}

/** Extension: `GET /api/meetings/:id/summary`. Counts only: no positions, no personal data. */
export interface MeetingSummary {
  meetingId: string;
  /** The counts cover `since` ≤ t < `until`. */
  since: string;
  /** The meeting's start, or now when it lies ahead. */
  until: string;
  /** `previous_meeting`: since the previous meeting of the same series; `fallback`: the 30 days before `until`. */
  basis: 'previous_meeting' | 'fallback';
  /** The previous meeting of the series (null when none, or when the caller may not see it). */
  previousMeetingId: string | null;
  /** Zones of sites of the participating organisations, each counted once per kind of event in the period. */
  zones: { proposed: number; agreed: number; suspended: number; withdrawn: number };
  /** Extension: zones of those sites whose review date (of the version in force) is within 30 days or past, today. */
  zonesDueForReview?: number;
  /**
   * Urgent messages sent in the period by members of the participating organisations; acknowledged means by
   * someone other than the sender, timed to the first such acknowledgement.
   */
  alerts: {
    total: number;
    acknowledged: number;
    unacknowledged: number;
    medianAckSeconds: number | null;
    maxAckSeconds: number | null;
  };
  /** Actions of this series' meetings up to this one: open now, overdue now, and done within the period. */
  actions: { open: number; overdue: number; doneInPeriod: number };
  /** Field reports by or about the participating organisations that happened in the period. */
  reports: {
    total: number;
    byCategory: Record<ReportCategory, number>;
    /** Every ISO week (Europe/Stockholm) the period touches, empty ones included. */
    byWeek: { week: string; count: number; categories: Record<ReportCategory, number> }[];
  };
}
