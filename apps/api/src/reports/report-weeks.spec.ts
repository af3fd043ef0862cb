import { REPORT_CATEGORIES } from '@samverkan/contracts';
import { countsByCategory, countsByWeek, zeroCategoryCounts } from './report-weeks';

describe('report counts for charts', () => {
  it('lists every category, zeros included, in the contract order', () => {
    expect(Object.keys(zeroCategoryCounts())).toEqual([...REPORT_CATEGORIES]);
    expect(
      countsByCategory([
        { category: 'diversion', count: 2 },
        { category: 'other', count: 1 },
        { category: 'diversion', count: 3 },
      ]),
    ).toEqual({ ...zeroCategoryCounts(), diversion: 5, other: 1 });
  });

  it('lists every ISO week of the period, empty ones included, and adds the rows to theirs', () => {
    // Wednesday of 2026-W48 to Tuesday of 2026-W50.
    const period = { since: new Date('2026-11-25T12:00:00Z'), until: new Date('2026-12-08T00:00:00Z') };
    const weeks = countsByWeek(period, [
      { week: '2026-W49', category: 'diversion', count: 2 },
      { week: '2026-W49', category: 'staff_safety', count: 1 },
      { week: '2026-W47', category: 'other', count: 9 },
    ]);
    expect(weeks).toEqual([
      { week: '2026-W48', count: 0, categories: zeroCategoryCounts() },
      { week: '2026-W49', count: 3, categories: { ...zeroCategoryCounts(), diversion: 2, staff_safety: 1 } },
      { week: '2026-W50', count: 0, categories: zeroCategoryCounts() },
    ]);
  });

  it('takes weeks in Malmö and names them by their ISO week-numbering year', () => {
    // 23:30 UTC on Sunday is already Monday of the next week in Stockholm; 2026 has 53 ISO weeks.
    const period = { since: new Date('2026-12-27T23:30:00Z'), until: new Date('2027-01-05T00:00:00Z') };
    expect(countsByWeek(period, []).map((week) => week.week)).toEqual(['2026-W53', '2027-W01']);
  });
});
