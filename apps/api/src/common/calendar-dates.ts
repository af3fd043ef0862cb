import { DateTime } from 'luxon';
import { REPORTING_TIME_ZONE } from '@samverkan/contracts';

// Calendar days (kit expiry, action due dates). "Today" is the day in Malmö (Europe/Stockholm), whatever the server's
// own time zone; day arithmetic is done on plain dates, so daylight saving time never shifts a day.

// The same check as a zone schedule's exception dates.
export { isCalendarDate } from '@samverkan/geo';

/** The calendar day in Europe/Stockholm at this instant. */
export function localToday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: REPORTING_TIME_ZONE }).toISODate()!;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

/** The last `count` months (YYYY-MM, Europe/Stockholm), oldest first, the current one last. */
export function lastMonths(now: Date, count: number): string[] {
  const current = DateTime.fromJSDate(now, { zone: REPORTING_TIME_ZONE }).startOf('month');
  return Array.from({ length: count }, (_, i) => current.minus({ months: count - 1 - i }).toFormat('yyyy-MM'));
}

/** The instant the oldest of `lastMonths(now, count)` begins, in Europe/Stockholm. */
export function startOfMonthsAgo(now: Date, count: number): Date {
  return DateTime.fromJSDate(now, { zone: REPORTING_TIME_ZONE })
    .startOf('month')
    .minus({ months: count - 1 })
    .toJSDate();
}
