import { createApiFetch } from '../api/api-client';
import { SessionStore } from '../auth/session.store';
import { I18n } from '../i18n/i18n';
import type { AppBase } from '../session/app-base';
import { safeStorage } from '../state/safe-storage';

/** The app's long-lived state and its api client, made once in main.tsx: the base every feature stands on. */
export function createAppBase(browser: Window): AppBase {
  const storage = safeStorage(() => browser.localStorage);
  const apiFetch = createApiFetch({
    token: () => session.token,
    unauthorized: (token) => session.expired(token),
  });
  const session: SessionStore = new SessionStore(storage, apiFetch);
  const i18n = new I18n(
    storage,
    browser.navigator.languages?.length ? browser.navigator.languages : [browser.navigator.language],
  );
  return { apiFetch, session, i18n, storage, browser };
}
