import { addDays, daysBetween, isCalendarDate, lastMonths, localToday, startOfMonthsAgo } from './calendar-dates';

describe('kit dates', () => {
  it('accepts real calendar days only', () => {
    expect(isCalendarDate('2026-12-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-12-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20261201)).toBe(false);
  });

  it('takes today in Malmö, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm (UTC+1).
    expect(localToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC on a summer evening is 00:30 the next day (UTC+2).
    expect(localToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(localToday(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('counts whole days across daylight saving time changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
  });

  it('lists the last months oldest first, across a year change', () => {
    expect(lastMonths(new Date('2027-02-10T12:00:00Z'), 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    // Midnight on 1 March in Stockholm is still February in UTC.
    expect(lastMonths(new Date('2027-02-28T23:30:00Z'), 1)).toEqual(['2027-03']);
    expect(startOfMonthsAgo(new Date('2027-02-10T12:00:00Z'), 4).toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });
});
