import type {
  CreateReportRequest,
  FieldReport,
  ReportCategory,
  ReportStats,
  ReportStatsGroupBy,
  ReportStatus,
  UpdateReportRequest,
} from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { pathSegment, queryString } from '../api/url';

export interface ReportQuery {
  siteId?: string;
  zoneId?: string;
  categories?: ReportCategory[];
  statuses?: ReportStatus[];
  /** ISO 8601: reports that happened at or after. */
  since?: string;
  /** ISO 8601: reports that happened before. */
  until?: string;
  limit?: number;
}

export interface ReportStatsQuery {
  groupBy: ReportStatsGroupBy;
  since?: string;
  until?: string;
  siteId?: string;
}

const list = (values: readonly string[] | undefined) =>
  values && values.length > 0 ? values.join(',') : undefined;

/** The contract's field report endpoints. No DOM: the stores and the tests use it with any `ApiFetch`. */
export function createReportsApi(apiFetch: ApiFetch) {
  return {
    list: (filter: ReportQuery = {}, signal?: AbortSignal) =>
      apiFetch<FieldReport[]>(
        `/api/reports${queryString({
          siteId: filter.siteId,
          zoneId: filter.zoneId,
          category: list(filter.categories),
          status: list(filter.statuses),
          since: filter.since,
          until: filter.until,
          limit: filter.limit,
        })}`,
        { signal },
      ),
    get: (reportId: string) => apiFetch<FieldReport>(`/api/reports/${pathSegment(reportId)}`),
    create: (body: CreateReportRequest) => apiFetch<FieldReport>('/api/reports', { method: 'POST', body }),
    update: (reportId: string, body: UpdateReportRequest) =>
      apiFetch<FieldReport>(`/api/reports/${pathSegment(reportId)}`, { method: 'PATCH', body }),
    stats: (params: ReportStatsQuery, signal?: AbortSignal) =>
      apiFetch<ReportStats>(`/api/reports/stats${queryString({ ...params })}`, { signal }),
  };
}

export type ReportsApi = ReturnType<typeof createReportsApi>;
