import type { AuditEvent } from './audit';
import type { Feature, FeatureCollection, ZoneGeometry } from './geojson';
import type { OrganisationKind } from './people';

export const ZONE_STATUSES = ['proposed', 'agreed', 'suspended', 'withdrawn'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A weekly window: starts on each of `days` at `from` (local time); `to` earlier than `from` runs past midnight. */
export interface WeeklyWindow {
  days: IsoWeekday[];
  from: string;
  to: string;
}

/** A window on an exception date: starts on that date. */
export interface DatedWindow {
  from: string;
  to: string;
}

export type ScheduleException = { date: string; closed: true } | { date: string; windows: DatedWindow[] };

/** `null` means always. Times are local to `timezone` (an IANA name). */
export interface Schedule {
  timezone: string;
  windows: WeeklyWindow[];
  exceptions?: ScheduleException[];
}

export const DEFAULT_TIMEZONE = 'Europe/Stockholm';

/** A version's terms: standard clauses by key (see zone-terms.ts, in the list's order) and a free text (may be empty). */
export interface ZoneTerms {
  clauses: string[];
  text: string;
}

/** The two sides of a zone's agreement: the police and the service that owns the zone. */
export type ApprovalSide = Exclude<OrganisationKind, 'coordination'>;

export interface ZoneApproval {
  version: number;
  side: ApprovalSide;
  userId: string;
  organisationId: string;
  at: string;
}

export interface ZoneProperties {
  id: string;
  siteId: string;
  name: string;
  status: ZoneStatus;
  version: number;
  schedule: Schedule | null;
  validFrom: string | null;
  validUntil: string | null;
  inForce: boolean;
  agreedVersion: number | null;
  approvals: ZoneApproval[];
  notes: string | null;
  updatedAt: string;
  /** Extension: when the zone's in-force state next changes, if known. */
  until?: string | null;
  nextInForceAt?: string | null;
  /** Extension: the service organisation that owns the zone's site (it edits the zone and signs for the service side). */
  organisationId?: string;
  /** Extension: the reason given when the zone was suspended or withdrawn; null otherwise. */
  statusReason?: string | null;
  /**
   * Extension: the agreed version in force while a newer version is proposed (what officers must respect,
   * and what `inForce`, `until` and `nextInForceAt` are computed from). Null when no version is agreed, or
   * when the agreed version is the current one: then the Feature's own geometry and properties are the agreed ones.
   */
  agreed?: AgreedZoneVersion | null;
  /** Extension: who suspended the zone, since when, why and until when, while it is suspended; null otherwise. */
  suspension?: ZoneSuspension | null;
  /** The current version's review date (`YYYY-MM-DD`), or null. */
  reviewBy?: string | null;
  /** The current version's terms (standard clauses and a free text). */
  terms?: ZoneTerms;
}

/**
 * Extension: a running suspension. `until` null: until both sides approve again. Once `until` has passed the
 * agreed version applies again by its schedule, without anyone acting (see `suspensionEnded` in libs/geo).
 */
export interface ZoneSuspension {
  byOrganisationId: string;
  byOrganisationName: string;
  since: string;
  reason: string;
  until: string | null;
}

/** Extension: the agreed version of a zone whose current version is still proposed. */
export interface AgreedZoneVersion {
  version: number;
  name: string;
  geometry: ZoneGeometry;
  schedule: Schedule | null;
  validFrom: string | null;
  validUntil: string | null;
  approvals: ZoneApproval[];
  reviewBy?: string | null;
  terms?: ZoneTerms;
}

export type ZoneFeature = Feature<ZoneGeometry, ZoneProperties>;
export type ZoneFeatureCollection = FeatureCollection<ZoneGeometry, ZoneProperties>;

export interface CreateZoneRequest {
  siteId: string;
  name: string;
  geometry?: ZoneGeometry;
  radiusMeters?: number;
  schedule?: Schedule | null;
  validFrom?: string | null;
  validUntil?: string | null;
  notes?: string | null;
  /** A date (`YYYY-MM-DD`) by which both sides look at the zone again, or null. */
  reviewBy?: string | null;
  terms?: ZoneTerms;
  /**
   * Extension: a signatory who proposes approves the new version for their side in the same transaction
   * (refused with 403, field `approve`, reason `not_a_signatory`, for anyone who may not approve it).
   */
  approve?: boolean;
}

export interface UpdateZoneRequest {
  version: number;
  name?: string;
  geometry?: ZoneGeometry;
  radiusMeters?: number;
  schedule?: Schedule | null;
  validFrom?: string | null;
  validUntil?: string | null;
  notes?: string | null;
  /** A date (`YYYY-MM-DD`) by which both sides look at the zone again, or null. */
  reviewBy?: string | null;
  terms?: ZoneTerms;
  /** Extension: as in `CreateZoneRequest`, for the new version. */
  approve?: boolean;
}

export interface ApproveZoneRequest {
  /** The version the signatory read and approves; a stale one is refused with 409. */
  version: number;
}

export interface ZoneReasonRequest {
  reason: string;
}

/** `POST /api/zones/:id/suspend`; `until` (extension) ends the suspension by itself at that time. */
export interface ZoneSuspendRequest extends ZoneReasonRequest {
  until?: string | null;
}

/** Extension: one version of a zone in `GET /api/zones/:id/history`. */
export interface ZoneVersionRecord {
  version: number;
  name: string;
  geometry: ZoneGeometry;
  /** Set when the version was drawn as a circle of this radius around the site. */
  radiusMeters: number | null;
  schedule: Schedule | null;
  validFrom: string | null;
  validUntil: string | null;
  notes: string | null;
  reviewBy: string | null;
  terms: ZoneTerms;
  createdAt: string;
  createdBy: string | null;
  /** When both sides had approved this version; null if it never was agreed. */
  agreedAt: string | null;
  /** Every approval given to the version; `supersededAt` is set when a suspension made it void. */
  approvals: (ZoneApproval & { supersededAt: string | null })[];
}

/** `GET /api/zones/:id/history`: every version, oldest first, and the zone's audit events. */
export interface ZoneHistory {
  zoneId: string;
  versions: ZoneVersionRecord[];
  events: AuditEvent[];
}

export interface ZoneSummary {
  zoneId: string;
  name: string;
  siteId: string;
  siteName: string;
  inForce: boolean;
  until?: string | null;
  nextInForceAt?: string | null;
  distanceMeters: number;
  /** Extension: the zone's running suspension (who, since when, why, until when); null otherwise. */
  suspension?: ZoneSuspension | null;
  /**
   * Extension: metres from the point to the zone's nearest edge, inside or outside (outside it equals
   * `distanceMeters`). A position less accurate than this may lie on either side of the edge.
   */
  edgeDistanceMeters?: number;
  /** The terms of the version in force (or, with none agreed, of the current one). */
  terms?: ZoneTerms;
}

export interface ZoneCheckResponse {
  at: string;
  inside: ZoneSummary[];
  nearby: ZoneSummary[];
}

export interface ZoneImportResponse {
  created: ZoneFeature[];
  errors: { index: number; message: string }[];
}

/** Geometry limits from the contract. */
export const ZONE_LIMITS = {
  maxPositions: 2000,
  maxAreaSquareMeters: 5_000_000,
  maxDistanceFromSiteMeters: 2000,
  minRadiusMeters: 10,
  maxRadiusMeters: 1000,
  maxCheckRadiusMeters: 2000,
  defaultCheckRadiusMeters: 200,
  /** Extension: a suspension's `until` lies at most this many days ahead; a longer one is given without an end. */
  maxSuspensionDays: 90,
} as const;

/**
 * The statuses a zone of the phone's snapshot's `zones` may have: `agreed`, or `proposed` while an earlier agreed
 * version stays in force (`agreedVersion` is then set). Withdrawn zones are left out; suspended ones are kept apart
 * in `suspended` (neither is in force by agreement).
 */
export const ZONE_SNAPSHOT_STATUSES = ['agreed', 'proposed'] as const satisfies readonly ZoneStatus[];
export type ZoneSnapshotStatus = (typeof ZONE_SNAPSHOT_STATUSES)[number];

/**
 * One zone of `GET /api/zones/snapshot`, as the version in force describes it (the agreed version, never a
 * pending proposal): enough for a phone to tell by itself, offline too, whether a position lies in a zone in
 * force at a given time (status allows it, `validFrom <= at < validUntil`, `at` in a schedule window).
 */
export interface ZoneSnapshotEntry {
  id: string;
  siteId: string;
  /** The name of the version in force. */
  name: string;
  siteName: string;
  status: ZoneSnapshotStatus;
  /** The version in force; never null in the snapshot. */
  agreedVersion: number;
  geometry: ZoneGeometry;
  schedule: Schedule | null;
  validFrom: string | null;
  validUntil: string | null;
}

/**
 * Extension: a running suspension as the snapshot carries it: what the check's `zoneSummary.suspension` says,
 * and `version`, the agreed version the suspension holds back (it applies again by its schedule from `until`;
 * null when none does).
 */
export interface SnapshotSuspension extends ZoneSuspension {
  version: number | null;
}

/**
 * Extension: a suspended zone of `GET /api/zones/snapshot`, so that the phone answers for it as the api's check
 * does ("suspended, by whom, why, until when"), offline too. Its name, geometry, schedule and validity are those
 * of the version the check measures: the agreed version the suspension holds back, else the current one.
 */
export interface SuspendedZoneSnapshotEntry {
  id: string;
  siteId: string;
  name: string;
  siteName: string;
  status: 'suspended';
  geometry: ZoneGeometry;
  schedule: Schedule | null;
  validFrom: string | null;
  validUntil: string | null;
  /** Null only for a suspension stored without who and when (as the check's `zoneSummary.suspension`). */
  suspension: SnapshotSuspension | null;
}

/**
 * `GET /api/zones/snapshot`; its `ETag` covers `zones` and `suspended` (not `generatedAt`), so an unchanged set
 * answers 304.
 */
export interface ZoneSnapshot {
  /** When this set of zones was read from the database (ISO 8601). */
  generatedAt: string;
  /** Ordered by `id`. */
  zones: ZoneSnapshotEntry[];
  /**
   * Extension: the suspended zones, ordered by `id`, apart from `zones` (which holds only zones that are or may be
   * in force by agreement), so that a client that knows only the contract never takes one for a zone in force.
   * Missing from a copy a phone kept before it existed.
   */
  suspended?: SuspendedZoneSnapshotEntry[];
}
