import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createApiFetch, type ApiFetch } from '../api/api-client';
import { SessionStore } from '../auth/session.store';
import { I18n } from '../i18n/i18n';
import { safeStorage, type KeyValueStorage } from '../state/safe-storage';

/** The app's long-lived state and its api client, made once in main.tsx and handed down by context. */
export interface Services {
  apiFetch: ApiFetch;
  session: SessionStore;
  i18n: I18n;
  /** localStorage that never throws. */
  storage: KeyValueStorage;
}

export function createServices(browser: Window): Services {
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
  return { apiFetch, session, i18n, storage };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesContext.Provider>');
  return services;
}
