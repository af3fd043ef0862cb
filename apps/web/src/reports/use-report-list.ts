import type { FieldReport, ReportStatus } from '@samverkan/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { REPORT_EVENTS, reportsFeature } from './reports-feature';
import { ReportsListStore, type ReportFilter } from './reports-list.store';

/**
 * A report list for a view: loaded on mount, kept current with reports written or changed elsewhere in
 * the app, and disposed with the view.
 */
export function useReportList(filter: Partial<ReportFilter>) {
  const { api, events } = useFeature(reportsFeature);
  const [store] = useState(() => new ReportsListStore(api, filter));
  const state = useStore(store);
  useEffect(() => {
    void store.load();
    const stops = [
      events.on(REPORT_EVENTS.created, (report) => store.added(report)),
      events.on(REPORT_EVENTS.changed, (report) => store.changed(report)),
    ];
    return () => {
      stops.forEach((stop) => stop());
      store.dispose();
    };
  }, [store]);
  const changeStatus = async (report: FieldReport, status: ReportStatus) => {
    const updated = await store.changeStatus(report, status);
    if (updated) events.emit(REPORT_EVENTS.changed, updated);
  };
  return { store, state, changeStatus };
}
