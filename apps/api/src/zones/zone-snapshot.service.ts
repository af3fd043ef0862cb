import { Inject, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Clock } from '../common/clock';
import { DOMAIN_EVENTS } from '../common/domain-events';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { servedSnapshot, type ServedSnapshot } from './zone-snapshot';
import { ZonesRepository } from './zones.repository';

/** With several instances, another one's changes reach this cache only by age. */
const CLUSTER_MAX_AGE_MS = 10_000;

interface CachedSnapshot extends ServedSnapshot {
  builtAt: number;
}

/**
 * The phone's zone snapshot, built by one query and kept until a zone or a site changes (a site's name is in
 * it). Change events are this instance's: with REDIS_URL (several instances) a kept snapshot also ages out.
 */
@Injectable()
export class ZoneSnapshotService {
  private cached: CachedSnapshot | null = null;
  /** Moves with every change, so a snapshot read before a change is not kept after it. */
  private generation = 0;
  private readonly maxAgeMs: number;

  constructor(
    private readonly zones: ZonesRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxAgeMs = config.redisUrl ? CLUSTER_MAX_AGE_MS : Infinity;
  }

  async current(): Promise<ServedSnapshot> {
    const now = this.clock.now();
    if (this.cached && now.getTime() - this.cached.builtAt < this.maxAgeMs) return this.cached;
    const generation = this.generation;
    const snapshot = servedSnapshot(await this.zones.snapshotZonesJson(), now);
    if (generation === this.generation) this.cached = { ...snapshot, builtAt: now.getTime() };
    return snapshot;
  }

  @OnEvent(DOMAIN_EVENTS.zoneChanged)
  @OnEvent(DOMAIN_EVENTS.siteChanged)
  forget(): void {
    this.generation += 1;
    this.cached = null;
  }
}
