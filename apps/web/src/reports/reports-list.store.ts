import type { FieldReport, ReportCategory, ReportStatus } from '@samverkan/contracts';
import { ApiError, failureKindOf } from '../api/api-error';
import { Store } from '../state/store';
import { periodRange, type ReportPeriod } from './report-period';
import type { ReportsApi } from './reports-api';

export interface ReportFilter {
  siteId: string | null;
  zoneId: string | null;
  category: ReportCategory | null;
  status: ReportStatus | null;
  period: ReportPeriod;
}

export type ReportsFailure = 'network' | 'server';

export interface ReportsListState {
  filter: ReportFilter;
  status: 'loading' | 'ready' | 'error';
  reports: FieldReport[];
  failure: ReportsFailure | null;
  /** Reports whose status change is on its way. */
  saving: ReadonlySet<string>;
  /** The last status change that failed, to explain next to the report. */
  changeError: { reportId: string; reason: 'conflict' | 'forbidden' | ReportsFailure } | null;
}

export const DEFAULT_REPORT_FILTER: ReportFilter = {
  siteId: null,
  zoneId: null,
  category: null,
  status: null,
  period: '30d',
};

/** The list limit: enough for a month at a busy site, and a phone still renders it quickly. */
export const REPORT_LIST_LIMIT = 200;

function matches(report: FieldReport, filter: ReportFilter, since: string): boolean {
  return (
    (filter.siteId === null || report.siteId === filter.siteId) &&
    (filter.zoneId === null || report.zoneId === filter.zoneId) &&
    (filter.category === null || report.category === filter.category) &&
    (filter.status === null || report.status === filter.status) &&
    report.occurredAt >= since
  );
}

const newestFirst = (a: FieldReport, b: FieldReport) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt);

/**
 * The field reports the user may see, filtered by site or zone, category, status and period, newest first;
 * and the status changes made from the list. A stale `version` (someone else changed the report) reloads it.
 */
export class ReportsListStore extends Store<ReportsListState> {
  private loading: AbortController | null = null;

  constructor(
    private readonly api: ReportsApi,
    filter: Partial<ReportFilter> = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    super({
      filter: { ...DEFAULT_REPORT_FILTER, ...filter },
      status: 'loading',
      reports: [],
      failure: null,
      saving: new Set(),
      changeError: null,
    });
  }

  setFilter(change: Partial<ReportFilter>): Promise<void> {
    this.set({ ...this.value, filter: { ...this.value.filter, ...change } });
    return this.load();
  }

  async load(): Promise<void> {
    this.loading?.abort();
    const controller = (this.loading = new AbortController());
    const { filter } = this.value;
    this.set({ ...this.value, status: 'loading', failure: null });
    try {
      const reports = await this.api.list(
        {
          siteId: filter.siteId ?? undefined,
          zoneId: filter.zoneId ?? undefined,
          categories: filter.category ? [filter.category] : undefined,
          statuses: filter.status ? [filter.status] : undefined,
          ...periodRange(filter.period, this.now()),
          limit: REPORT_LIST_LIMIT,
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      this.set({ ...this.value, status: 'ready', reports, failure: null });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.set({ ...this.value, status: 'error', failure: failureKindOf(error) });
    } finally {
      if (this.loading === controller) this.loading = null;
    }
  }

  /** A report just written here: shown at once when the filter would list it. */
  added(report: FieldReport): void {
    const { since } = periodRange(this.value.filter.period, this.now());
    if (
      !matches(report, this.value.filter, since) ||
      this.value.reports.some((shown) => shown.id === report.id)
    )
      return;
    this.set({ ...this.value, reports: [report, ...this.value.reports].sort(newestFirst) });
  }

  /** Answers the changed report, or null when the change failed (the reason is in `changeError`). */
  async changeStatus(report: FieldReport, status: ReportStatus): Promise<FieldReport | null> {
    if (this.value.saving.has(report.id)) return null;
    this.set({ ...this.value, saving: new Set([...this.value.saving, report.id]), changeError: null });
    try {
      const updated = await this.api.update(report.id, { version: report.version, status });
      this.replace(updated);
      return updated;
    } catch (error) {
      const reason =
        error instanceof ApiError && error.status === 409
          ? 'conflict'
          : error instanceof ApiError && error.status === 403
            ? 'forbidden'
            : failureKindOf(error);
      this.set({ ...this.value, changeError: { reportId: report.id, reason } });
      // Show what the report is now, so the next choice starts from it.
      if (reason === 'conflict')
        await this.api.get(report.id).then(
          (fresh) => this.replace(fresh),
          () => undefined,
        );
      return null;
    } finally {
      const saving = new Set(this.value.saving);
      saving.delete(report.id);
      this.set({ ...this.value, saving });
    }
  }

  /** A report changed elsewhere in the app (a newer version replaces the one shown). */
  changed(report: FieldReport): void {
    const shown = this.value.reports.find((candidate) => candidate.id === report.id);
    if (shown && shown.version < report.version) this.replace(report);
  }

  dispose(): void {
    this.loading?.abort();
  }

  private replace(report: FieldReport): void {
    // A report whose new status the status filter hides stays in view until the next load: it does not vanish under the finger.
    this.set({
      ...this.value,
      reports: this.value.reports.map((shown) => (shown.id === report.id ? report : shown)),
    });
  }
}
