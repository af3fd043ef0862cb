import type { ApiFetch } from '../api/api-client';
import type { SessionStore } from '../auth/session.store';
import type { I18n } from '../i18n/i18n';
import type { KeyValueStorage } from '../state/safe-storage';

/** What lives as long as the page, signed in or not: made once by the shell, the base of every feature. */
export interface AppBase {
  apiFetch: ApiFetch;
  session: SessionStore;
  i18n: I18n;
  /** localStorage that never throws. */
  storage: KeyValueStorage;
  browser: Window;
}
