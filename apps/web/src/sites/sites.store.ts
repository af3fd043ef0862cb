import { fromCompactSite, fromSiteMarkerList, type ListedSite, type SiteFeature, type SiteMarker } from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import { Store } from '../state/store';

export interface SitesState {
  /** Of the sites' details (`sites`): the markers alone do not make them ready. */
  status: 'loading' | 'ready' | 'error';
  /** Without the opening state at a moment: who shows a site works it out from its schedule (openingState). */
  sites: ReadonlyMap<string, ListedSite>;
  /**
   * The map's first view: every site's marker from the short list (`GET /api/sites/markers`), held until the
   * details have come; null from then on, or when the details came first.
   */
  markers: ReadonlyMap<string, SiteMarker> | null;
  revision: number;
}

/** What the map draws: the first view's markers until the details have come, then the sites themselves. */
export function sitesOnMap(state: SitesState): ReadonlyMap<string, SiteMarker> {
  return state.markers ?? state.sites;
}

/**
 * Every site (the api's compact list, cached by the browser), kept current by `site:updated` and `site:deleted`.
 * The map's first view may be drawn before, from the shorter list of the sites' markers.
 */
export class SitesStore extends Store<SitesState> {
  private loading: AbortController | null = null;
  private loadingMarkers: AbortController | null = null;
  /**
   * What pushes said while a list was on its way (null: deleted): the api may have read the list before those
   * changes, so they are laid over it when it comes.
   */
  private readonly pushed = new Map<string, ListedSite | null>();

  constructor(private readonly api: SamverkanApi) {
    super({ status: 'loading', sites: new Map(), markers: null, revision: 0 });
  }

  get(siteId: string): ListedSite | undefined {
    return this.value.sites.get(siteId);
  }

  /** The markers for the map's first view; nothing changes if the details have already come. */
  async loadMarkers(): Promise<void> {
    this.loadingMarkers?.abort();
    const controller = (this.loadingMarkers = new AbortController());
    try {
      const list = await this.api.sites.markers(controller.signal);
      if (controller.signal.aborted || this.value.status === 'ready') return;
      const markers = new Map<string, SiteMarker>(fromSiteMarkerList(list).map((marker) => [marker.properties.id, marker]));
      for (const [id, site] of this.pushed) {
        if (site) markers.set(id, site);
        else markers.delete(id);
      }
      this.set({ ...this.value, markers, revision: this.value.revision + 1 });
    } finally {
      if (this.loadingMarkers === controller) this.loadingMarkers = null;
      this.forgetPushesWhenIdle();
    }
  }

  async load(): Promise<void> {
    this.loading?.abort();
    const controller = (this.loading = new AbortController());
    // A new state only when the status changes: every new state redraws the map's 10,000 markers' list.
    if (this.value.sites.size === 0 && this.value.status !== 'loading') this.set({ ...this.value, status: 'loading' });
    try {
      const { sites } = await this.api.sites.compact(controller.signal);
      if (controller.signal.aborted) return;
      const listed = new Map(sites.map((row) => [row[0], fromCompactSite(row)]));
      for (const [id, site] of this.pushed) {
        if (!site) listed.delete(id);
        else if ((listed.get(id)?.properties.version ?? 0) < site.properties.version) listed.set(id, site);
      }
      this.set({ status: 'ready', sites: listed, markers: null, revision: this.value.revision + 1 });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.set({ ...this.value, status: this.value.sites.size > 0 ? 'ready' : 'error' });
      throw error;
    } finally {
      if (this.loading === controller) this.loading = null;
      this.forgetPushesWhenIdle();
    }
  }

  upsert(site: SiteFeature | ListedSite): void {
    const current = this.value.sites.get(site.properties.id);
    if (current && current.properties.version > site.properties.version) return;
    if (this.loading || this.loadingMarkers) this.pushed.set(site.properties.id, site);
    const sites = new Map(this.value.sites);
    sites.set(site.properties.id, site);
    const markers = this.value.markers && new Map(this.value.markers).set(site.properties.id, site);
    this.set({ ...this.value, sites, markers, revision: this.value.revision + 1 });
  }

  remove(siteId: string): void {
    if (this.loading || this.loadingMarkers) this.pushed.set(siteId, null);
    if (!this.value.sites.has(siteId) && !this.value.markers?.has(siteId)) return;
    const sites = new Map(this.value.sites);
    sites.delete(siteId);
    const markers = this.value.markers && new Map(this.value.markers);
    markers?.delete(siteId);
    this.set({ ...this.value, sites, markers, revision: this.value.revision + 1 });
  }

  dispose(): void {
    this.loading?.abort();
    this.loadingMarkers?.abort();
  }

  private forgetPushesWhenIdle(): void {
    if (!this.loading && !this.loadingMarkers) this.pushed.clear();
  }
}
