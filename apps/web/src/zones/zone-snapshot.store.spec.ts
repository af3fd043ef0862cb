import type { ZoneSnapshot } from '@samverkan/contracts';
import { ApiError } from '../api/api-error';
import type { KeyValueDatabase } from '../state/idb-key-value';
import type { FetchSnapshot, SnapshotReply } from './zone-snapshot.api';
import {
  SNAPSHOT_FRESH_MS,
  SNAPSHOT_KEY,
  SNAPSHOT_REFRESH_MS,
  ZoneSnapshotStore,
  type StoredSnapshot,
} from './zone-snapshot.store';

const START = Date.parse('2026-12-07T10:00:00Z');

const snapshot = (name: string): ZoneSnapshot => ({
  generatedAt: '2026-12-07T09:00:00.000Z',
  zones: [
    {
      id: name,
      siteId: 's',
      name,
      siteName: 'Site',
      status: 'agreed',
      agreedVersion: 1,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [18, 59],
            [18.01, 59],
            [18.01, 59.01],
            [18, 59],
          ],
        ],
      },
      schedule: null,
      validFrom: null,
      validUntil: null,
    },
  ],
});

class FakeDatabase implements KeyValueDatabase {
  readonly values = new Map<string, unknown>();
  get<T>(key: string) {
    return Promise.resolve(structuredClone(this.values.get(key)) as T | undefined);
  }
  put(key: string, value: unknown) {
    this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
  delete(key: string) {
    this.values.delete(key);
    return Promise.resolve();
  }
}

function setup(replies: (SnapshotReply | Error)[] = []) {
  let now = START;
  const db = new FakeDatabase();
  const asked: (string | null)[] = [];
  const fetchSnapshot: FetchSnapshot = (etag) => {
    asked.push(etag);
    const reply = replies.shift() ?? new Error('no reply scripted');
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  };
  const make = () => new ZoneSnapshotStore(db, fetchSnapshot, 'user-1', () => now);
  return { db, asked, make, advance: (ms: number) => (now += ms), replies };
}

describe('ZoneSnapshotStore', () => {
  it('keeps the snapshot with its ETag and asks conditionally next time; a 304 only renews the sync time', async () => {
    const { db, asked, make, advance, replies } = setup([
      { status: 'changed', snapshot: snapshot('a'), etag: '"v1"' },
      { status: 'unchanged' },
    ]);
    const store = make();
    await store.refresh();
    expect(asked).toEqual([null]);
    expect(store.value.stored).toMatchObject({ etag: '"v1"', syncedAt: '2026-12-07T10:00:00.000Z' });
    expect(store.value.index?.snapshot.zones[0].id).toBe('a');
    expect((db.values.get(SNAPSHOT_KEY) as StoredSnapshot).etag).toBe('"v1"');

    const index = store.value.index;
    advance(60_000);
    await store.refresh();
    expect(asked).toEqual([null, '"v1"']);
    expect(store.value.stored?.syncedAt).toBe('2026-12-07T10:01:00.000Z');
    // Unchanged zones: the same index, not built again.
    expect(store.value.index).toBe(index);
    expect(replies).toEqual([]);
  });

  it('reads the kept copy on start, and not another user’s', async () => {
    const { db, make } = setup();
    await db.put(SNAPSHOT_KEY, {
      userId: 'user-1',
      snapshot: snapshot('kept'),
      etag: '"v1"',
      syncedAt: '2026-12-07T09:00:00.000Z',
    } satisfies StoredSnapshot);
    const store = make();
    await store.load();
    expect(store.value.index?.snapshot.zones[0].id).toBe('kept');

    await db.put(SNAPSHOT_KEY, { ...(await db.get<StoredSnapshot>(SNAPSHOT_KEY)), userId: 'someone-else' });
    const other = make();
    await other.load();
    expect(other.value.stored).toBeNull();
    expect(other.freshness()).toBe('none');
  });

  it('refreshes when 15 minutes have passed since the last sync, not before', async () => {
    const { asked, make, advance } = setup([
      { status: 'changed', snapshot: snapshot('a'), etag: '"v1"' },
      { status: 'unchanged' },
    ]);
    const store = make();
    await store.refreshIfDue();
    expect(asked).toHaveLength(1);
    advance(SNAPSHOT_REFRESH_MS - 1);
    await store.refreshIfDue();
    expect(asked).toHaveLength(1);
    advance(1);
    await store.refreshIfDue();
    expect(asked).toHaveLength(2);
  });

  it('is fresh for 24 hours after the last sync, then stale; a failed refresh keeps the copy', async () => {
    const { make, advance } = setup([
      { status: 'changed', snapshot: snapshot('a'), etag: '"v1"' },
      ApiError.network(new TypeError('offline')),
    ]);
    const store = make();
    expect(store.freshness()).toBe('none');
    await store.refresh();
    expect(store.freshness()).toBe('fresh');
    advance(SNAPSHOT_FRESH_MS - 1);
    expect(store.freshness()).toBe('fresh');
    advance(1);
    await store.refresh();
    expect(store.value.lastRefreshFailed).toBe(true);
    expect(store.freshness()).toBe('stale');
    expect(store.value.index?.snapshot.zones[0].id).toBe('a');
  });

  it('asks once more after a burst of changes, not once per change', async () => {
    const { asked, make } = setup([
      { status: 'changed', snapshot: snapshot('a'), etag: '"v1"' },
      { status: 'changed', snapshot: snapshot('b'), etag: '"v2"' },
    ]);
    const store = make();
    await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    expect(asked).toEqual([null, '"v1"']);
    expect(store.value.index?.snapshot.zones[0].id).toBe('b');
  });

  it('forgets the copy at sign-out', async () => {
    const { db, make } = setup([{ status: 'changed', snapshot: snapshot('a'), etag: '"v1"' }]);
    const store = make();
    await store.refresh();
    await store.clear();
    expect(store.value.stored).toBeNull();
    expect(db.values.has(SNAPSHOT_KEY)).toBe(false);
  });
});
