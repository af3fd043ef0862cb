import type { CompactSite, CompactSiteList, ListedSite, SiteMarkerList } from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { createSamverkanApi } from '../api/samverkan-api';
import { SitesStore, sitesOnMap } from './sites.store';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const OLD = '00000000-0000-4000-8000-0000000000ff';

/** Answers each path when the test says so, to put pushes between a request and its answer. */
function heldApi() {
  const waiting = new Map<string, (answer: unknown) => void>();
  const apiFetch: ApiFetch = <T>(path: string) => new Promise<T>((resolve) => waiting.set(path, resolve as (answer: unknown) => void));
  const answer = (path: string, body: CompactSiteList | SiteMarkerList) => {
    const resolve = waiting.get(path);
    if (!resolve) throw new Error(`nothing asked for ${path}`);
    waiting.delete(path);
    resolve(body);
  };
  return { api: createSamverkanApi(apiFetch), answer };
}

const row = (id: string, name: string, version = 1): CompactSite => [id, 13.0123456, 55.6, 'outreach', name, 'org', version, '2026-01-01T00:00:00.000Z', 'Gatan 1', null, null, null, null];
const listed = (id: string, name: string, version: number): ListedSite => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [13.0123456, 55.6] },
  properties: { id, name, type: 'outreach', organisationId: 'org', address: null, openingHours: null, description: null, version, updatedAt: '2026-01-02T00:00:00.000Z', openingSchedule: null, phone: null },
});
const markerList = (...sites: [id: string, name: string][]): SiteMarkerList => ({
  scale: 1e7,
  ids: sites.map(([id]) => id.replaceAll('-', '')).join(''),
  lng: sites.map(() => 130123456),
  lat: sites.map(() => 556000000),
  types: sites.map(() => 'outreach'),
  names: sites.map(([, name]) => name),
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const namesOnMap = (store: SitesStore) => [...sitesOnMap(store.value).values()].map((site) => site.properties.name);

describe('SitesStore', () => {
  it('draws the markers until the details come, which then take their place', async () => {
    const { api, answer } = heldApi();
    const store = new SitesStore(api);
    const markers = store.loadMarkers();
    answer('/api/sites/markers', markerList([A, 'Första'], [B, 'Andra']));
    await markers;
    expect(store.value.status).toBe('loading');
    expect(store.get(A)).toBeUndefined();
    expect(namesOnMap(store)).toEqual(['Första', 'Andra']);
    expect(sitesOnMap(store.value).get(A)?.geometry.coordinates).toEqual([13.0123456, 55.6]);

    const details = store.load();
    answer('/api/sites/compact', { sites: [row(A, 'Första'), row(B, 'Andra')] });
    await details;
    expect(store.value.status).toBe('ready');
    expect(store.value.markers).toBeNull();
    expect(store.get(A)?.properties.address).toBe('Gatan 1');
    expect(namesOnMap(store)).toEqual(['Första', 'Andra']);
  });

  it('keeps the details when the markers come after them', async () => {
    const { api, answer } = heldApi();
    const store = new SitesStore(api);
    const markers = store.loadMarkers();
    const details = store.load();
    answer('/api/sites/compact', { sites: [row(A, 'Första')] });
    await details;
    answer('/api/sites/markers', markerList([A, 'Första'], [OLD, 'Borttagen']));
    await markers;
    expect(store.value.markers).toBeNull();
    expect(namesOnMap(store)).toEqual(['Första']);
  });

  it('lays the pushes that came while a list was on its way over it: the list may be older', async () => {
    const { api, answer } = heldApi();
    const store = new SitesStore(api);
    const markers = store.loadMarkers();
    store.upsert(listed(A, 'Omdöpt', 2));
    store.remove(B);
    answer('/api/sites/markers', markerList([A, 'Första'], [B, 'Andra'], [C, 'Tredje']));
    await markers;
    expect(namesOnMap(store)).toEqual(['Omdöpt', 'Tredje']);

    const details = store.load();
    store.upsert(listed(C, 'Ändrad', 3));
    // Read by the api before c's change, after the others.
    answer('/api/sites/compact', { sites: [row(A, 'Omdöpt', 2), row(C, 'Tredje', 2)] });
    await details;
    expect(namesOnMap(store)).toEqual(['Omdöpt', 'Ändrad']);
    expect(store.value.status).toBe('ready');

    // With nothing on its way, the next list is taken as it is.
    const next = store.load();
    answer('/api/sites/compact', { sites: [row(A, 'Första', 4)] });
    await next;
    expect(namesOnMap(store)).toEqual(['Första']);
  });

  it('makes no new state when asked to load while already loading (each one redraws the map)', async () => {
    const { api, answer } = heldApi();
    const store = new SitesStore(api);
    const markers = store.loadMarkers();
    answer('/api/sites/markers', markerList([A, 'Första']));
    await markers;
    const states: unknown[] = [];
    store.subscribe((state) => states.push(state));
    void store.load();
    expect(states).toEqual([]);
    store.dispose();
  });

  it('takes a push before any list without calling the sites ready', async () => {
    const { api } = heldApi();
    const store = new SitesStore(api);
    void store.load();
    await flush();
    store.upsert(listed(A, 'Ny', 1));
    expect(store.value.status).toBe('loading');
    expect(store.get(A)?.properties.name).toBe('Ny');
    expect(namesOnMap(store)).toEqual(['Ny']);
    store.dispose();
  });
});
