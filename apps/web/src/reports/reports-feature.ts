import type { FieldReport } from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { Emitter } from '../state/emitter';
import { createReportsApi, type ReportsApi } from './reports-api';

// What the report views share while the app runs: the api and the events that keep every open list current
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

const features = new WeakMap<ApiFetch, ReportsFeature>();

/** One per api client (the app makes one api client), made on first use. */
export function reportsFeature(apiFetch: ApiFetch): ReportsFeature {
  let feature = features.get(apiFetch);
  if (!feature) {
    feature = { api: createReportsApi(apiFetch), events: new Emitter<ReportEvents>() };
    features.set(apiFetch, feature);
  }
  return feature;
}
