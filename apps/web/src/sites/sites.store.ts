import { fromCompactSite, type ListedSite, type SiteFeature } from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import { Store } from '../state/store';

export interface SitesState {
  status: 'loading' | 'ready' | 'error';
  /** Without the opening state at a moment: who shows a site works it out from its schedule (openingState). */
  sites: ReadonlyMap<string, ListedSite>;
  revision: number;
}

/** Every site (the api's compact list, cached by the browser), kept current by `site:updated` and `site:deleted`. */
export class SitesStore extends Store<SitesState> {
  private loading: AbortController | null = null;

  constructor(private readonly api: SamverkanApi) {
    super({ status: 'loading', sites: new Map(), revision: 0 });
  }

  get(siteId: string): ListedSite | undefined {
    return this.value.sites.get(siteId);
  }

  async load(): Promise<void> {
    this.loading?.abort();
    const controller = (this.loading = new AbortController());
    if (this.value.sites.size === 0) this.set({ ...this.value, status: 'loading' });
    try {
      const { sites } = await this.api.sites.compact(controller.signal);
      if (controller.signal.aborted) return;
      this.replace(new Map(sites.map((row) => [row[0], fromCompactSite(row)])));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.set({ ...this.value, status: this.value.sites.size > 0 ? 'ready' : 'error' });
      throw error;
    } finally {
      if (this.loading === controller) this.loading = null;
    }
  }

  upsert(site: SiteFeature | ListedSite): void {
    const current = this.value.sites.get(site.properties.id);
    if (current && current.properties.version > site.properties.version) return;
    const sites = new Map(this.value.sites);
    sites.set(site.properties.id, site);
    this.replace(sites);
  }

  remove(siteId: string): void {
    if (!this.value.sites.has(siteId)) return;
    const sites = new Map(this.value.sites);
    sites.delete(siteId);
    this.replace(sites);
  }

  dispose(): void {
    this.loading?.abort();
  }

  private replace(sites: Map<string, ListedSite>): void {
    this.set({ status: 'ready', sites, revision: this.value.revision + 1 });
  }
}
