import { DEFAULT_TIMEZONE } from './zones';

// Field reports: what one side noticed at or near a site or zone, for follow-up and the joint meetings.

export const REPORT_CATEGORIES = [
  'enforcement_near_site',
  'diversion',
  'staff_safety',
  'public_nuisance',
  'overdose_response',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_STATUSES = ['open', 'discussed', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATS_GROUPINGS = ['category', 'site', 'week'] as const;
export type ReportStatsGroupBy = (typeof REPORT_STATS_GROUPINGS)[number];

export const REPORT_LIMITS = {
  minBody: 1,
  maxBody: 2000,
  /** `occurredAt` may be at most this many days ago. */
  maxAgeDays: 90,
  /** `occurredAt` may lie this far in the future: a phone's clock runs a little ahead. */
  clockSkewSeconds: 120,
  defaultListLimit: 100,
  maxListLimit: 500,
  /** The stats' default range: the last 90 days. */
  defaultStatsDays: 90,
  /** The longest range the stats count over. */
  maxStatsDays: 731,
} as const;

/**
 * Why a report's `occurredAt` cannot be accepted, or null: later than now (give or take the clock skew) or
 * more than `maxAgeDays` ago. The api refuses with it; the report form checks the same before sending.
 */
export function reportOccurredAtProblem(occurredAt: Date, now: Date): 'in_future' | 'too_old' | null {
  if (occurredAt.getTime() > now.getTime() + REPORT_LIMITS.clockSkewSeconds * 1000) return 'in_future';
  if (occurredAt.getTime() < now.getTime() - REPORT_LIMITS.maxAgeDays * 86_400_000) return 'too_old';
  return null;
}

/** The time zone the week and month buckets of the counts are taken in. */
export const REPORTING_TIME_ZONE = DEFAULT_TIMEZONE;

export interface FieldReport {
  id: string;
  category: ReportCategory;
  /** When only a zone was given, the zone's site. */
  siteId: string | null;
  zoneId: string | null;
  occurredAt: string;
  body: string;
  organisationId: string;
  authorId: string;
  status: ReportStatus;
  version: number;
  createdAt: string;
  /** Extension: the naloxone kit whose use created this report (`POST /api/kits/:id/use`), else null. */
  kitId: string | null;
  /** Extension. */
  updatedAt: string;
}

export interface CreateReportRequest {
  category: ReportCategory;
  siteId?: string | null;
  zoneId?: string | null;
  occurredAt: string;
  body: string;
}

export interface UpdateReportRequest {
  version: number;
  status: ReportStatus;
}

export interface ReportStatsGroup {
  /** The category; the site's id (or `none` for reports about no site); the ISO week (`2026-W48`, Europe/Stockholm). */
  key: string;
  count: number;
  /** Extension, `groupBy=site`: the site's name (null for `none`). */
  label?: string | null;
  /** Extension, `groupBy=week`: the week's count per category (every category, zeros included). */
  categories?: Record<ReportCategory, number>;
}

export interface ReportStats {
  since: string;
  until: string;
  /** Extension: the grouping used. */
  groupBy: ReportStatsGroupBy;
  groups: ReportStatsGroup[];
}
