import type { SiteFeature } from '@samverkan/contracts';
import { apiErrorOf, fakeApiFetch } from '../reports/fake-api-fetch';
import { memoryStorage } from '../state/safe-storage';
import { createNaloxoneApi } from './naloxone-api';
import { NALOXONE_SITES_KEY, NaloxoneSitesStore } from './naloxone-sites.store';

const NOW = new Date('2026-03-10T12:00:00Z');

const site = (id: string, type: SiteFeature['properties']['type'] = 'naloxone'): SiteFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [13.0, 55.6] },
  properties: {
    id,
    name: id,
    type,
    organisationId: 'org',
    address: null,
    openingHours: null,
    description: null,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    openingSchedule: null,
    openNow: null,
    closesAt: null,
    nextOpenAt: null,
  },
});

describe('NaloxoneSitesStore', () => {
  it('loads the naloxone sites and saves them for offline use', async () => {
    const storage = memoryStorage();
    const { apiFetch } = fakeApiFetch([
      {
        path: '/api/sites?type=naloxone',
        answer: { type: 'FeatureCollection', features: [site('a'), site('x', 'other')] },
      },
    ]);
    const store = new NaloxoneSitesStore(createNaloxoneApi(apiFetch), storage, () => NOW);

    await store.load();

    expect(store.value).toEqual({
      status: 'ready',
      sites: [site('a')],
      offline: false,
      savedAt: NOW.toISOString(),
    });
    expect(JSON.parse(storage.get(NALOXONE_SITES_KEY)!)).toEqual({
      sites: [site('a')],
      savedAt: NOW.toISOString(),
    });
  });

  it('answers from the saved list when the connection is down', async () => {
    const storage = memoryStorage({
      [NALOXONE_SITES_KEY]: JSON.stringify({
        sites: [site('a'), { broken: true }],
        savedAt: '2026-03-09T08:00:00.000Z',
      }),
    });
    const { apiFetch } = fakeApiFetch([{ path: '/api/sites?type=naloxone', answer: apiErrorOf(0) }]);
    const store = new NaloxoneSitesStore(createNaloxoneApi(apiFetch), storage, () => NOW);
    expect(store.value.sites).toEqual([site('a')]);

    await store.load();

    expect(store.value).toEqual({
      status: 'ready',
      sites: [site('a')],
      offline: true,
      savedAt: '2026-03-09T08:00:00.000Z',
    });
  });

  it('shares one request between callers', async () => {
    const { apiFetch, calls } = fakeApiFetch([
      { path: '/api/sites?type=naloxone', answer: { type: 'FeatureCollection', features: [] } },
    ]);
    const store = new NaloxoneSitesStore(createNaloxoneApi(apiFetch), memoryStorage(), () => NOW);
    await Promise.all([store.load(), store.load()]);
    expect(calls).toHaveLength(1);
  });
});
