import type { ZoneSnapshot } from '@samverkan/contracts';
import { SnapshotIndex } from '@samverkan/geo/snapshot-check';
import type { KeyValueDatabase } from '../state/idb-key-value';
import { Store } from '../state/store';
import type { FetchSnapshot } from './zone-snapshot.api';

/** Asked again at least this often while the app is open. */
export const SNAPSHOT_REFRESH_MS = 15 * 60_000;
/** Older than this (since the api last confirmed it), the check still answers but warns it may be out of date. */
export const SNAPSHOT_FRESH_MS = 24 * 60 * 60_000;

export const SNAPSHOT_KEY = 'zoneSnapshot';

/** The copy kept on the phone. `syncedAt`: when the api last sent or confirmed (304) it. */
export interface StoredSnapshot {
  userId: string;
  snapshot: ZoneSnapshot;
  etag: string | null;
  syncedAt: string;
}

export interface SnapshotState {
  stored: StoredSnapshot | null;
  index: SnapshotIndex | null;
  /** The last refresh failed (offline, server down); the kept copy, if any, still answers. */
  lastRefreshFailed: boolean;
}

export type SnapshotFreshness = 'fresh' | 'stale' | 'none';

function isStoredSnapshot(value: unknown): value is StoredSnapshot {
  const stored = value as Partial<StoredSnapshot> | null | undefined;
  return (
    typeof stored === 'object' &&
    stored !== null &&
    typeof stored.userId === 'string' &&
    typeof stored.syncedAt === 'string' &&
    Array.isArray(stored.snapshot?.zones)
  );
}

/**
 * The zone snapshot (GET /api/zones/snapshot) kept in IndexedDB, so "am I in a zone?" is answered on the phone,
 * offline too, and the position never leaves it. Refreshed with `If-None-Match` on start, on reconnect, on
 * zone changes and every 15 minutes; a copy belongs to the user who fetched it and goes at sign-out.
 */
export class ZoneSnapshotStore extends Store<SnapshotState> {
  private loading: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: KeyValueDatabase,
    private readonly fetchSnapshot: FetchSnapshot,
    private readonly userId: string,
    private readonly now: () => number = Date.now,
  ) {
    super({ stored: null, index: null, lastRefreshFailed: false });
  }

  /** Reads the kept copy once; a copy of another user's, or one unreadable, is not used. */
  load(): Promise<void> {
    this.loading ??= this.db
      .get<unknown>(SNAPSHOT_KEY)
      .then((value) => {
        if (isStoredSnapshot(value) && value.userId === this.userId && !this.value.stored) this.keep(value);
      })
      .catch(() => undefined);
    return this.loading;
  }

  /** The kept copy read, and the first refresh done when there was no copy to answer from meanwhile. */
  async ready(): Promise<void> {
    await this.load();
    if (!this.value.stored && this.refreshing) await this.refreshing;
  }

  /** Asks the api; while one request runs, later calls make one more after it (a burst of zone changes). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.again = false;
          await this.refreshOnce();
        } while (this.again);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /** A refresh when the kept copy is 15 minutes old or more (called by a timer that may sleep with the phone). */
  refreshIfDue(): Promise<void> {
    const stored = this.value.stored;
    if (stored && this.now() - Date.parse(stored.syncedAt) < SNAPSHOT_REFRESH_MS) return Promise.resolve();
    return this.refresh();
  }

  freshness(): SnapshotFreshness {
    const stored = this.value.stored;
    if (!stored) return 'none';
    return this.now() - Date.parse(stored.syncedAt) < SNAPSHOT_FRESH_MS ? 'fresh' : 'stale';
  }

  /** Forgets the copy here and on the phone (sign-out). */
  async clear(): Promise<void> {
    this.set({ stored: null, index: null, lastRefreshFailed: false });
    await this.db.delete(SNAPSHOT_KEY).catch(() => undefined);
  }

  private async refreshOnce(): Promise<void> {
    await this.load();
    const before = this.value.stored;
    let reply;
    try {
      reply = await this.fetchSnapshot(before?.etag ?? null);
    } catch {
      this.set({ ...this.value, lastRefreshFailed: true });
      return;
    }
    const syncedAt = new Date(this.now()).toISOString();
    const stored: StoredSnapshot | null =
      reply.status === 'changed'
        ? { userId: this.userId, snapshot: reply.snapshot, etag: reply.etag, syncedAt }
        : before && { ...before, syncedAt };
    if (!stored) return;
    this.keep(stored, reply.status === 'changed' ? null : this.value.index);
    await this.db.put(SNAPSHOT_KEY, stored).catch(() => undefined);
  }

  private keep(stored: StoredSnapshot, index: SnapshotIndex | null = null): void {
    this.set({ stored, index: index ?? new SnapshotIndex(stored.snapshot), lastRefreshFailed: false });
  }
}
