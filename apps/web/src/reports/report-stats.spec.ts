import type { ReportCategory, ReportStats } from '@samverkan/contracts';
import { isoWeekStart, siteCountRows, weekChartData, weekNumber } from './report-stats';

const zero: Record<ReportCategory, number> = {
  enforcement_near_site: 0,
  diversion: 0,
  staff_safety: 0,
  public_nuisance: 0,
  overdose_response: 0,
  other: 0,
};

describe('the report counts', () => {
  it('finds the Monday of an ISO week, across year ends', () => {
    expect(isoWeekStart('2026-W48')).toBe('2026-11-23');
    expect(isoWeekStart('2026-W01')).toBe('2025-12-29');
    expect(isoWeekStart('2020-W53')).toBe('2020-12-28');
    expect(isoWeekStart('week 3')).toBeNull();
    expect(weekNumber('2026-W08')).toBe(8);
  });

  it('turns the weekly breakdown into one series per category that has reports', () => {
    const stats: ReportStats = {
      since: '2026-02-23T00:00:00.000Z',
      until: '2026-03-10T00:00:00.000Z',
      groupBy: 'week',
      groups: [
        { key: '2026-W09', count: 3, categories: { ...zero, diversion: 2, other: 1 } },
        { key: '2026-W10', count: 0, categories: { ...zero } },
        { key: '2026-W11', count: 1, categories: { ...zero, diversion: 1 } },
      ],
    };
    expect(weekChartData(stats)).toEqual({
      weeks: ['2026-W09', '2026-W10', '2026-W11'],
      weekStarts: ['2026-02-23', '2026-03-02', '2026-03-09'],
      series: [
        { category: 'diversion', counts: [2, 0, 1], total: 3 },
        { category: 'other', counts: [1, 0, 0], total: 1 },
      ],
      total: 4,
    });
  });

  it('lists sites by count, then name, with the reports about no site named as such', () => {
    const stats: ReportStats = {
      since: '2026-02-23T00:00:00.000Z',
      until: '2026-03-10T00:00:00.000Z',
      groupBy: 'site',
      groups: [
        { key: 'site-b', count: 2, label: 'Sprututbytet' },
        { key: 'none', count: 5, label: null },
        { key: 'site-a', count: 2, label: 'Naloxonpunkten' },
        { key: 'site-c', count: 0, label: 'Tom' },
      ],
    };
    expect(siteCountRows(stats)).toEqual([
      { siteId: null, name: null, count: 5 },
      { siteId: 'site-a', name: 'Naloxonpunkten', count: 2 },
      { siteId: 'site-b', name: 'Sprututbytet', count: 2 },
    ]);
  });
});
