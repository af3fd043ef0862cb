import type { ZoneGeometry, MultiPolygon } from './geojson';
import type { Schedule, ZoneTerms } from './zones';

// What a zone's agreement says besides where and when: the standard clauses both sides can pick, a free text,
// and the date by which both sides look at it again. Part of each version, like the schedule.

export type ZoneClauseKind = 'waived' | 'applies';

/** One standard clause: `waived` is an enforcement the police refrain from in the zone, `applies` one that stays. */
export interface ZoneClause {
  key: string;
  kind: ZoneClauseKind;
  sv: string;
  en: string;
}

/** `GET /api/zones/clauses`: the standard list, in the order a form shows it. */
export const ZONE_CLAUSES: readonly ZoneClause[] = [
  {
    key: 'no_searches_for_equipment',
    kind: 'waived',
    sv: 'Inga stopp eller visitationer för innehav av injektionsverktyg',
    en: 'No stops or searches for possession of injection equipment',
  },
  {
    key: 'no_searches_for_personal_use',
    kind: 'waived',
    sv: 'Inga visitationer för eget bruk på väg till eller från verksamheten',
    en: 'No searches for personal use on the way to or from the service',
  },
  {
    key: 'no_waiting_at_entrance',
    kind: 'waived',
    sv: 'Ingen väntan eller patrullering vid entrén under öppettiderna',
    en: 'No waiting or patrolling at the entrance during opening hours',
  },
  {
    key: 'usual_for_violence_dealing_emergencies',
    kind: 'applies',
    sv: 'Våld, langning och nödlägen hanteras som vanligt',
    en: 'Violence, dealing and emergencies are handled as usual',
  },
  {
    key: 'warrants_apply',
    kind: 'applies',
    sv: 'Efterlysta personer hanteras som vanligt',
    en: 'People wanted by warrant are handled as usual',
  },
];

export const ZONE_CLAUSE_KEYS: readonly string[] = ZONE_CLAUSES.map((clause) => clause.key);

export const ZONE_TERMS_LIMITS = { maxText: 2000 } as const;

/** The review dates: a notice this many days before `reviewBy` (0: on the day), and what `reviewDue` lists. */
export const ZONE_REVIEW = {
  noticeDaysBefore: [30, 7, 0] as readonly number[],
  dueWithinDays: 30,
  /** New zones propose a review this many months ahead. */
  defaultMonthsAhead: 12,
} as const;

/** Whole days from `today` to `reviewBy` (both `YYYY-MM-DD`, local dates): negative once past. */
export function daysUntilReview(reviewBy: string, today: string): number {
  return Math.round((Date.parse(`${reviewBy}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Whether a zone with this `reviewBy` is listed by `reviewDue=true`: within 30 days, or past. */
export function isReviewDue(reviewBy: string | null | undefined, today: string): boolean {
  return reviewBy != null && daysUntilReview(reviewBy, today) <= ZONE_REVIEW.dueWithinDays;
}

/**
 * The notice stages (30, 7, 0 days before) that have come by `today`, latest first. A job that claims every
 * stage returned and posts one notice for the first sends each stage once, and after a pause only the newest.
 */
export function reviewNoticeStagesReached(reviewBy: string, today: string): number[] {
  const days = daysUntilReview(reviewBy, today);
  return ZONE_REVIEW.noticeDaysBefore.filter((before) => days <= before).sort((a, b) => a - b);
}

/** The fields of a version `GET /api/zones/:id/diff` compares besides the geometry. */
export const ZONE_DIFF_FIELDS = ['name', 'schedule', 'validFrom', 'validUntil', 'notes', 'terms', 'reviewBy'] as const;
export type ZoneDiffField = (typeof ZONE_DIFF_FIELDS)[number];

export interface ZoneFieldChange {
  field: ZoneDiffField;
  before: string | Schedule | ZoneTerms | null;
  after: string | Schedule | ZoneTerms | null;
}

/**
 * `GET /api/zones/:id/diff?from=&to=`: `added` is the area in `to` and not in `from`, `removed` the reverse
 * (null when empty), measured in m² on the spheroid.
 */
export interface ZoneDiff {
  zoneId: string;
  from: number;
  to: number;
  added: MultiPolygon | null;
  removed: MultiPolygon | null;
  addedAreaM2: number;
  removedAreaM2: number;
  /** Extension: the geometries of both versions, so the map shows the unchanged part without another request. */
  fromGeometry: ZoneGeometry;
  toGeometry: ZoneGeometry;
  fields: ZoneFieldChange[];
  /** Extension: the schedule's change in words (libs/geo `describeScheduleChange`), empty when it did not change. */
  scheduleChange: { sv: string[]; en: string[] };
}
