import type { FieldReport } from '@samverkan/contracts';
import { defineFeature } from '../session/feature-registry';
import { Emitter } from '../state/emitter';
import { createReportsApi, type ReportsApi } from './reports-api';

// What the report views share while the user is signed in: the api and the events that keep every open list current
// (a report written in a site's panel shows in the reports page at once, and the other way round).

export const REPORT_EVENTS = {
  /** A report was written here. */
  created: 'report:created',
  /** A report's status was changed here. */
  changed: 'report:changed',
} as const;

export interface ReportEvents {
  [REPORT_EVENTS.created]: FieldReport;
  [REPORT_EVENTS.changed]: FieldReport;
}

export interface ReportsFeature {
  api: ReportsApi;
  events: Emitter<ReportEvents>;
}

export const reportsFeature = defineFeature('reports', ({ apiFetch, onDispose }): ReportsFeature => {
  const events = new Emitter<ReportEvents>();
  onDispose(() => events.clear());
  return { api: createReportsApi(apiFetch), events };
});
