import { useServices } from '../app/services';
import { reportsFeature, type ReportsFeature } from './reports-feature';

/** The report api and events of this app. */
export function useReportsFeature(): ReportsFeature {
  return reportsFeature(useServices().apiFetch);
}
