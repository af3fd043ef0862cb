import { REPORT_CATEGORIES, type ReportCategory, type ReportStats } from '@samverkan/contracts';

// The counts from `GET /api/reports/stats` shaped for the chart and the table. Counts only: nothing here
// can lead back to a report's text or author.

export interface WeekSeries {
  category: ReportCategory;
  /** One count per week, in the order of `weeks`. */
  counts: number[];
  total: number;
}

export interface WeekChartData {
  /** ISO weeks, `2026-W48`, oldest first. */
  weeks: string[];
  /** The Monday each week starts on, `YYYY-MM-DD`. */
  weekStarts: string[];
  /** Only the categories with at least one report in the range, in the contract's order. */
  series: WeekSeries[];
  total: number;
}

/** The Monday of an ISO week (`2026-W48` → `2026-11-23`); null for anything else. */
export function isoWeekStart(key: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // 4 January is always in week 1; its week's Monday starts week 1.
  const january4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7;
  const monday = january4 - weekday * 86_400_000 + (week - 1) * 7 * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}

/** The week number alone, `2026-W08` → 8, for a short axis label. */
export function weekNumber(key: string): number {
  return Number(key.slice(key.indexOf('W') + 1));
}

/** Stats grouped by `week` (with the per-category breakdown) to chart series. */
export function weekChartData(stats: ReportStats): WeekChartData {
  const weeks = stats.groups.map((group) => group.key);
  const series = REPORT_CATEGORIES.map((category) => {
    const counts = stats.groups.map((group) => group.categories?.[category] ?? 0);
    return { category, counts, total: counts.reduce((sum, count) => sum + count, 0) };
  }).filter((entry) => entry.total > 0);
  return {
    weeks,
    weekStarts: weeks.map((week) => isoWeekStart(week) ?? week),
    series,
    total: stats.groups.reduce((sum, group) => sum + group.count, 0),
  };
}

export interface SiteCountRow {
  /** null: reports about no particular site. */
  siteId: string | null;
  name: string | null;
  count: number;
}

/** Stats grouped by `site`, most reports first, then by name. */
export function siteCountRows(
  stats: ReportStats,
  nameOf: (siteId: string) => string | null = () => null,
): SiteCountRow[] {
  return stats.groups
    .filter((group) => group.count > 0)
    .map((group) => {
      const siteId = group.key === 'none' ? null : group.key;
      return { siteId, name: siteId === null ? null : (group.label ?? nameOf(siteId)), count: group.count };
    })
    .sort((a, b) => b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '', 'sv'));
}
