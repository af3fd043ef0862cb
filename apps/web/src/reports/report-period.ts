// The periods the report list and the counts offer, as `since`/`until` instants.

export const REPORT_PERIODS = ['7d', '30d', '90d', '365d'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

const PERIOD_DAYS: Record<ReportPeriod, number> = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 };

export function periodRange(period: ReportPeriod, now: Date): { since: string; until: string } {
  return {
    since: new Date(now.getTime() - PERIOD_DAYS[period] * 86_400_000).toISOString(),
    // Reports may be dated a couple of minutes ahead (a phone's clock): include them.
    until: new Date(now.getTime() + 5 * 60_000).toISOString(),
  };
}
