import type { ZoneFeature, ZoneFeatureCollection, ZoneProperties } from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import { ZonesStore } from './zones.store';

const NOW = Date.parse('2026-11-25T12:00:00Z');

function zone(id: string, properties: Partial<ZoneProperties> = {}): ZoneFeature {
  return {
    type: 'Feature',
    id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [13, 55.6],
          [13.001, 55.6],
          [13.001, 55.601],
          [13, 55.6],
        ],
      ],
    },
    properties: {
      id,
      siteId: 's',
      name: id,
      status: 'agreed',
      version: 1,
      schedule: null,
      validFrom: null,
      validUntil: null,
      inForce: true,
      agreedVersion: 1,
      approvals: [],
      notes: null,
      updatedAt: '2026-11-25T11:00:00Z',
      ...properties,
    },
  };
}

function setup(...responses: ZoneFeature[][]) {
  const list = jest.fn(async (): Promise<ZoneFeatureCollection> => ({
    type: 'FeatureCollection',
    features: responses.shift() ?? [],
  }));
  const store = new ZonesStore({ zones: { list } } as unknown as SamverkanApi, () => Date.now());
  return { store, list };
}

describe('ZonesStore', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it('keeps the newer copy when an older event arrives late, and drops withdrawn zones', async () => {
    const { store } = setup([zone('a')]);
    await store.load();
    store.upsert(zone('a', { status: 'proposed', version: 2, updatedAt: '2026-11-25T11:30:00Z' }));
    store.upsert(zone('a', { updatedAt: '2026-11-25T11:10:00Z' }));
    expect(store.get('a')?.properties.version).toBe(2);
    store.upsert(zone('a', { status: 'withdrawn', updatedAt: '2026-11-25T11:40:00Z' }));
    expect(store.get('a')).toBeUndefined();
  });

  it('reloads just after a zone comes into force or goes out of force, so the map changes with the clock', async () => {
    const later = zone('b', { inForce: false, nextInForceAt: '2026-11-25T13:00:00Z' });
    const { store, list } = setup(
      [zone('a', { until: '2026-11-25T16:00:00Z' }), later],
      [zone('a'), { ...later, properties: { ...later.properties, inForce: true } }],
    );
    await store.load();
    expect(list).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(59 * 60_000);
    expect(list).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2 * 60_000);
    expect(list).toHaveBeenCalledTimes(2);
    expect(store.get('b')?.properties.inForce).toBe(true);
    store.dispose();
  });
});
