import type { ReportStats } from '@samverkan/contracts';
import { failureKindOf } from '../api/api-error';
import { Store } from '../state/store';
import { periodRange, type ReportPeriod } from './report-period';
import type { ReportsApi } from './reports-api';

export type ReportStatsState =
  | { status: 'loading' }
  | { status: 'ready'; byWeek: ReportStats; bySite: ReportStats }
  | { status: 'error'; failure: 'network' | 'server' };

/** The counts for the meetings: by category per week (the chart) and by site (the table), over one period. */
export class ReportStatsStore extends Store<ReportStatsState> {
  private loading: AbortController | null = null;

  constructor(
    private readonly api: ReportsApi,
    private readonly now: () => Date = () => new Date(),
  ) {
    super({ status: 'loading' });
  }

  async load(options: { period?: ReportPeriod; siteId?: string }): Promise<void> {
    this.loading?.abort();
    const controller = (this.loading = new AbortController());
    const range = periodRange(options.period ?? '90d', this.now());
    if (this.value.status === 'error') this.set({ status: 'loading' });
    try {
      const [byWeek, bySite] = await Promise.all([
        this.api.stats({ groupBy: 'week', ...range, siteId: options.siteId }, controller.signal),
        this.api.stats({ groupBy: 'site', ...range, siteId: options.siteId }, controller.signal),
      ]);
      if (!controller.signal.aborted) this.set({ status: 'ready', byWeek, bySite });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.set({
        status: 'error',
        failure: failureKindOf(error),
      });
    } finally {
      if (this.loading === controller) this.loading = null;
    }
  }

  dispose(): void {
    this.loading?.abort();
  }
}
