import type { ZoneFeature } from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import { Store } from '../state/store';

export interface ZonesState {
  status: 'loading' | 'ready' | 'error';
  zones: ReadonlyMap<string, ZoneFeature>;
  /** Bumped on every change, so views can tell a new map from an old one cheaply. */
  revision: number;
}

/** Longest a timer may wait (setTimeout overflows beyond 2^31 - 1 ms). */
const MAX_TIMER_MS = 2_147_000_000;

/**
 * Every zone the user can see (all but withdrawn ones), kept current by `zone:updated` and by reloading
 * when a zone's in-force state changes with the clock (the earliest `until` or `nextInForceAt`).
 */
export class ZonesStore extends Store<ZonesState> {
  private transitionTimer: ReturnType<typeof setTimeout> | null = null;
  private loading: AbortController | null = null;

  constructor(
    private readonly api: SamverkanApi,
    private readonly clock: () => number = Date.now,
  ) {
    super({ status: 'loading', zones: new Map(), revision: 0 });
  }

  get(zoneId: string): ZoneFeature | undefined {
    return this.value.zones.get(zoneId);
  }

  get all(): ZoneFeature[] {
    return [...this.value.zones.values()];
  }

  /** Loads (or reloads) every zone; on failure the zones already shown stay. */
  async load(): Promise<void> {
    this.loading?.abort();
    const controller = (this.loading = new AbortController());
    if (this.value.zones.size === 0) this.set({ ...this.value, status: 'loading' });
    try {
      const collection = await this.api.zones.list({}, controller.signal);
      if (controller.signal.aborted) return;
      const zones = new Map(collection.features.map((zone) => [zone.properties.id, zone]));
      this.replace(zones);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.set({ ...this.value, status: this.value.zones.size > 0 ? 'ready' : 'error' });
      throw error;
    } finally {
      if (this.loading === controller) this.loading = null;
    }
  }

  /** A zone as the server sent it (`zone:updated`, or the answer to an action); withdrawn zones leave the map. */
  upsert(zone: ZoneFeature): void {
    const current = this.value.zones.get(zone.properties.id);
    // An older copy (a late event after a newer answer) must not undo a newer one.
    if (current && Date.parse(current.properties.updatedAt) > Date.parse(zone.properties.updatedAt)) return;
    const zones = new Map(this.value.zones);
    if (zone.properties.status === 'withdrawn') zones.delete(zone.properties.id);
    else zones.set(zone.properties.id, zone);
    this.replace(zones);
  }

  remove(zoneId: string): void {
    if (!this.value.zones.has(zoneId)) return;
    const zones = new Map(this.value.zones);
    zones.delete(zoneId);
    this.replace(zones);
  }

  dispose(): void {
    this.loading?.abort();
    if (this.transitionTimer) clearTimeout(this.transitionTimer);
    this.transitionTimer = null;
  }

  private replace(zones: Map<string, ZoneFeature>): void {
    this.set({ status: 'ready', zones, revision: this.value.revision + 1 });
    this.scheduleTransitionReload();
  }

  /** Reloads just after the first moment a zone comes into force or stops being in force. */
  private scheduleTransitionReload(): void {
    if (this.transitionTimer) clearTimeout(this.transitionTimer);
    this.transitionTimer = null;
    const now = this.clock();
    const next = Math.min(
      ...this.all.flatMap(({ properties }) =>
        [properties.until, properties.nextInForceAt]
          .filter((time): time is string => typeof time === 'string')
          .map((time) => Date.parse(time))
          .filter((time) => time > now),
      ),
    );
    if (!Number.isFinite(next)) return;
    this.transitionTimer = setTimeout(
      () => {
        this.transitionTimer = null;
        this.load().catch(() => this.scheduleRetry());
      },
      Math.min(next - now + 1000, MAX_TIMER_MS),
    );
  }

  private scheduleRetry(): void {
    if (this.transitionTimer) return;
    this.transitionTimer = setTimeout(() => {
      this.transitionTimer = null;
      this.load().catch(() => this.scheduleRetry());
    }, 30_000);
  }
}
