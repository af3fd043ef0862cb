import type { SiteFeature } from '@samverkan/contracts';
import { ApiError } from '../api/api-error';
import type { KeyValueStorage } from '../state/safe-storage';
import { Store } from '../state/store';
import type { NaloxoneApi } from './naloxone-api';

export const NALOXONE_SITES_KEY = 'samverkan.naloxoneSites';

export interface NaloxoneSitesState {
  status: 'loading' | 'ready' | 'error';
  sites: SiteFeature[];
  /** The list shown is the copy saved on this phone (the api was not reached). */
  offline: boolean;
  savedAt: string | null;
}

function readSaved(storage: KeyValueStorage): { sites: SiteFeature[]; savedAt: string } | null {
  try {
    const value = JSON.parse(storage.get(NALOXONE_SITES_KEY) ?? 'null') as {
      sites?: unknown;
      savedAt?: unknown;
    } | null;
    if (!value || !Array.isArray(value.sites) || typeof value.savedAt !== 'string') return null;
    const sites = value.sites.filter(
      (site: SiteFeature) =>
        site?.geometry?.type === 'Point' &&
        Array.isArray(site.geometry.coordinates) &&
        typeof site.properties?.id === 'string',
    );
    return { sites, savedAt: value.savedAt };
  } catch {
    return null;
  }
}

/**
 * Every naloxone site, saved on the phone so "where to get naloxone" still answers offline (the sites
 * are public places, nothing personal).
 */
export class NaloxoneSitesStore extends Store<NaloxoneSitesState> {
  private loading: Promise<void> | null = null;

  constructor(
    private readonly api: NaloxoneApi,
    private readonly storage: KeyValueStorage,
    private readonly now: () => Date = () => new Date(),
  ) {
    const saved = readSaved(storage);
    super(
      saved
        ? { status: 'ready', sites: saved.sites, offline: false, savedAt: saved.savedAt }
        : { status: 'loading', sites: [], offline: false, savedAt: null },
    );
  }

  /** One request at a time; callers share it. */
  load(): Promise<void> {
    this.loading ??= this.fetch().finally(() => (this.loading = null));
    return this.loading;
  }

  private async fetch(): Promise<void> {
    try {
      const collection = await this.api.naloxoneSites();
      const sites = collection.features.filter((site) => site.properties.type === 'naloxone');
      const savedAt = this.now().toISOString();
      this.storage.set(NALOXONE_SITES_KEY, JSON.stringify({ sites, savedAt }));
      this.set({ status: 'ready', sites, offline: false, savedAt });
    } catch (error) {
      const network = error instanceof ApiError && error.isNetworkError;
      const saved = readSaved(this.storage);
      this.set(
        saved
          ? { status: 'ready', sites: saved.sites, offline: network, savedAt: saved.savedAt }
          : { status: 'error', sites: [], offline: network, savedAt: null },
      );
    }
  }
}
