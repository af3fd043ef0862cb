import type { ZoneCheckResponse } from '@samverkan/contracts';
import { ApiError } from '../api/api-error';
import type { SamverkanApi } from '../api/samverkan-api';
import type { KeyValueDatabase } from '../state/idb-key-value';
import { ZoneCheckStore } from './zone-check.store';
import type { FetchSnapshot } from './zone-snapshot.api';
import { SNAPSHOT_FRESH_MS, ZoneSnapshotStore } from './zone-snapshot.store';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const POSITION = { lat: 59.3, lng: 18.005, accuracy: 10 };

const memory = (): KeyValueDatabase => {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => Promise.resolve(values.get(key) as T | undefined),
    put: (key, value) => Promise.resolve(void values.set(key, value)),
    delete: (key) => Promise.resolve(void values.delete(key)),
  };
};

const fetchSnapshot: FetchSnapshot = () =>
  Promise.resolve({
    status: 'changed',
    etag: '"v1"',
    snapshot: {
      generatedAt: '2026-12-07T10:00:00.000Z',
      zones: [
        {
          id: 'z',
          siteId: 's',
          name: 'Zone',
          siteName: 'Site',
          status: 'agreed',
          agreedVersion: 1,
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [18, 59.29],
                [18.01, 59.29],
                [18.01, 59.31],
                [18, 59.31],
                [18, 59.29],
              ],
            ],
          },
          schedule: null,
          validFrom: null,
          validUntil: null,
        },
      ],
    },
  });

function setup(serverCheck: () => Promise<ZoneCheckResponse>) {
  let now = NOW;
  const check = jest.fn(serverCheck);
  const api = { zones: { check } } as unknown as SamverkanApi;
  const snapshots = new ZoneSnapshotStore(memory(), fetchSnapshot, 'u', () => now);
  const store = new ZoneCheckStore(api, () => Promise.resolve(POSITION), snapshots, () => now);
  return { store, snapshots, check, advance: (ms: number) => (now += ms) };
}

describe('ZoneCheckStore with zones on the phone', () => {
  it('answers from a fresh snapshot without sending the position', async () => {
    const { store, snapshots, check } = setup(() => Promise.reject(new Error('must not be asked')));
    await snapshots.refresh();
    await store.check();
    expect(check).not.toHaveBeenCalled();
    expect(store.value).toMatchObject({
      status: 'answered',
      answer: { kind: 'inside-in-force' },
      zonesSyncedAt: '2026-12-07T10:00:00.000Z',
      zonesStale: false,
    });
  });

  it('asks the api when there is no snapshot', async () => {
    const { store, check } = setup(() => Promise.resolve({ at: new Date(NOW).toISOString(), inside: [], nearby: [] }));
    await store.check();
    expect(check).toHaveBeenCalledTimes(1);
    expect(store.value).toMatchObject({ status: 'answered', answer: { kind: 'none' }, zonesSyncedAt: null });
  });

  it('with a snapshot older than a day: the api first, the old copy with a warning when offline', async () => {
    const { store, snapshots, check, advance } = setup(() => Promise.reject(ApiError.network(new TypeError('offline'))));
    await snapshots.refresh();
    advance(SNAPSHOT_FRESH_MS);
    await store.check();
    expect(check).toHaveBeenCalledTimes(1);
    expect(store.value).toMatchObject({ status: 'answered', answer: { kind: 'inside-in-force' }, zonesStale: true });
  });
});
