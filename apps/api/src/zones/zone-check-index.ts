import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ShapeIndex } from '@samverkan/geo';
import { DOMAIN_EVENTS } from '../common/domain-events';
import { CachePeers, InstanceCache, InstanceCaches } from '../common/instance-caches';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/transaction-events';
import { CheckableZone, CheckRow, ZonesRepository } from './zones.repository';

/** The index forgets everything at once: a change names nothing smaller worth keeping apart. */
export type WholeIndex = Record<string, never>;

export const ZONE_CHECK_INDEX = {
  /**
   * With several instances, after a change is announced no index is built for this long: one built from what
   * another instance read before that change's commit must not be kept (0025's quarantine, for the zones).
   */
  quietMs: 5000,
} as const;

/**
 * The zones the position check searches, kept in memory (docs/decisions/0028-zone-check-in-memory.md): every
 * zone that is not withdrawn, in the version the check measures, in a Flatbush index of their boxes. A check
 * is then answered without the database: the same zones and measures as ZONE_CHECK_SQL (the agreement table
 * test holds both to it), the in-force times worked out per request as before.
 *
 * A change of a zone or a site (`zone.changed`, `site.changed`) empties the index inside the changing
 * transaction, here and on every other instance (which acknowledge), and again after the commit; the index is
 * then built anew. While it is missing, or while this instance cannot hear the others (the Redis link is down),
 * `near` answers null and the check asks the database, as it always did.
 */
@Injectable()
export class ZoneCheckIndex implements OnModuleInit, InstanceCache<WholeIndex> {
  private readonly logger = new Logger('ZoneCheckIndex');
  private index: ShapeIndex<CheckableZone> | null = null;
  private building: Promise<void> | null = null;
  /** Bumped by every forget: a build begun before it must not be kept after it. */
  private generation = 0;
  /** No build starts before this (epoch ms); see ZONE_CHECK_INDEX.quietMs. */
  private quietUntil = 0;
  private mode: 'alone' | 'linked' | 'off';
  private peers: CachePeers<WholeIndex> | null = null;

  constructor(
    private readonly zones: ZonesRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'redisUrl'>,
    instanceCaches: InstanceCaches,
  ) {
    this.mode = config.redisUrl ? 'off' : 'alone';
    instanceCaches.register('zones', this);
  }

  onModuleInit(): void {
    this.unitOfWork.onInTransaction(DOMAIN_EVENTS.zoneChanged, () => this.forgetEverywhere());
    this.unitOfWork.onInTransaction(DOMAIN_EVENTS.siteChanged, () => this.forgetEverywhere());
  }

  /**
   * The zones within `radiusMeters` of the point, or holding it, ordered as the check SQL orders them (nearest
   * first, then by id); null when the index cannot answer now: the caller asks the database instead.
   */
  near(lat: number, lng: number, radiusMeters: number): CheckRow[] | null {
    if (this.mode === 'off') return null;
    if (!this.index) {
      this.build();
      return null;
    }
    const rows = this.index
      .near({ lat, lng }, radiusMeters)
      .map(({ item, inside, distanceMeters, edgeDistanceMeters }): CheckRow => ({ zone: item.zone, inside, distanceMeters, edgeDistanceMeters }));
    return rows.sort(
      (a, b) => a.distanceMeters - b.distanceMeters || (a.zone.zoneId < b.zone.zoneId ? -1 : a.zone.zoneId > b.zone.zoneId ? 1 : 0),
    );
  }

  /** Builds the index now unless one is built or being built; resolves when that build is done. */
  warm(): Promise<void> {
    this.build();
    return this.building ?? Promise.resolve();
  }

  forgetHere(_scope?: WholeIndex): void {
    this.generation += 1;
    this.index = null;
    // Built again by the next check (not before: a run of changes with no check between them reads nothing).
    if (this.mode === 'linked') this.quietUntil = Date.now() + ZONE_CHECK_INDEX.quietMs;
  }

  link(peers: CachePeers<WholeIndex>): void {
    this.peers = peers;
  }

  linkUp(): void {
    if (!this.peers || this.mode !== 'off') return;
    this.mode = 'linked';
    // Changes made elsewhere while the link was down went unheard: build only from what is surely committed.
    this.forgetHere();
  }

  linkDown(): void {
    if (this.mode === 'alone') return;
    this.mode = 'off';
    this.generation += 1;
    this.index = null;
  }

  // After the commit: whatever was built between the in-transaction forget and the commit goes too.
  @OnEvent(DOMAIN_EVENTS.zoneChanged)
  @OnEvent(DOMAIN_EVENTS.siteChanged)
  afterCommit(): void {
    this.forgetHere();
    if (this.mode === 'linked') void this.peers?.forget({}).catch(() => false);
  }

  /** In the changing transaction: here, then every other instance, before the change is committed. */
  private async forgetEverywhere(): Promise<void> {
    this.forgetHere();
    if (!this.peers || this.mode !== 'linked') return;
    const everyone = await this.peers.forget({}).catch(() => false);
    if (!everyone) {
      // Not a reason to refuse the change: an instance that cannot be reached lost its link and its index with it.
      this.logger.warn('Not every instance confirmed forgetting its zone check index');
    }
  }

  private build(): void {
    if (this.building || this.index || this.mode === 'off' || Date.now() < this.quietUntil) return;
    const ticket = this.generation;
    const building = this.zones
      .findCheckableZones()
      .then((zones) => {
        if (ticket === this.generation && this.mode !== 'off') this.index = new ShapeIndex(zones, (entry) => entry.geometry);
      })
      .catch((error: Error) => this.logger.warn(`Building the zone check index failed; checks ask the database: ${error.message}`))
      .finally(() => {
        if (this.building === building) this.building = null;
      });
    this.building = building;
  }
}
