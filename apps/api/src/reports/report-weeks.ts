import { DateTime } from 'luxon';
import { REPORT_CATEGORIES, REPORTING_TIME_ZONE } from '@samverkan/contracts';
import type { ReportCategory } from '@samverkan/contracts';

// Report counts as charts show them, for the report stats and a meeting's "since last meeting".

/** A count of reports in one ISO week (`2026-W48`, Europe/Stockholm) and category, as the repository answers it. */
export interface WeekCategoryCount {
  week: string;
  category: ReportCategory;
  count: number;
}

export interface WeekCounts {
  week: string;
  count: number;
  categories: Record<ReportCategory, number>;
}

/** Every category with a zero count, in the contract's order: a chart shows the same bars every time. */
export function zeroCategoryCounts(): Record<ReportCategory, number> {
  return Object.fromEntries(REPORT_CATEGORIES.map((category) => [category, 0])) as Record<ReportCategory, number>;
}

/** The counts added up per category, every category included. */
export function countsByCategory(rows: { category: ReportCategory; count: number }[]): Record<ReportCategory, number> {
  const counts = zeroCategoryCounts();
  for (const row of rows) counts[row.category] += row.count;
  return counts;
}

/**
 * The counts added up per week, over every ISO week (Europe/Stockholm) the period touches, empty ones included,
 * so a chart's axis has no holes.
 */
export function countsByWeek(period: { since: Date; until: Date }, rows: WeekCategoryCount[]): WeekCounts[] {
  const weeks = new Map<string, WeekCounts>();
  let week = DateTime.fromJSDate(period.since, { zone: REPORTING_TIME_ZONE }).startOf('week');
  while (week.toMillis() < period.until.getTime()) {
    // Written as the SQL's to_char(…, 'IYYY-"W"IW') writes it.
    const key = `${week.weekYear}-W${String(week.weekNumber).padStart(2, '0')}`;
    weeks.set(key, { week: key, count: 0, categories: zeroCategoryCounts() });
    week = week.plus({ weeks: 1 });
  }
  for (const row of rows) {
    const counts = weeks.get(row.week);
    if (!counts) continue;
    counts.count += row.count;
    counts.categories[row.category] += row.count;
  }
  return [...weeks.values()];
}
