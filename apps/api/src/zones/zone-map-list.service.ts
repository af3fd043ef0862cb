import { Injectable } from '@nestjs/common';
import type { ZoneFeature } from '@samverkan/contracts';
import { Clock } from '../common/clock';
import { PreparedJson, prepareJson } from '../common/prepared-json';
import { zoneStatesHoldUntil } from './zone-map-list';
import { toZoneFeature } from './zones.mapper';
import { ZonesRepository } from './zones.repository';
import { LISTED_BY_DEFAULT } from './zones.service';

/** The whole-map listing as last built: what it was made of, and until when its in-force fields hold. */
interface BuiltList {
  fingerprint: string;
  holdsUntil: number;
  etag: string;
  answer: PreparedJson;
}

/**
 * `GET /api/zones` without filters, the map's list: every signed-in user gets the same answer (the listing has
 * no per-user part unless asked for, as with awaitingMe), so it is built and compressed once per change of the
 * zones and kept, like the compact sites. A request costs one fingerprint scan; the kept answer is used while
 * the fingerprint is the same and the zones' in-force states computed into it still hold (zoneStatesHoldUntil).
 * The ETag names both, so a reload gets a 304 until a zone changes or comes into or goes out of force.
 */
@Injectable()
export class ZoneMapListService {
  private built: Promise<BuiltList> | null = null;

  constructor(
    private readonly zones: ZonesRepository,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<{ etag: string; answer: () => Promise<PreparedJson> }> {
    const fingerprint = await this.zones.listFingerprint();
    const now = this.clock.now();
    const kept = this.built ? await this.built.catch(() => null) : null;
    const list = kept && kept.fingerprint === fingerprint && now.getTime() < kept.holdsUntil ? kept : await this.build(fingerprint, now);
    return { etag: list.etag, answer: () => Promise.resolve(list.answer) };
  }

  private build(fingerprint: string, at: Date): Promise<BuiltList> {
    const building = this.zones.findRows({ statuses: LISTED_BY_DEFAULT }).then(async (rows) => {
      const features: ZoneFeature[] = rows.map((row) => toZoneFeature(row, at));
      const holdsUntil = zoneStatesHoldUntil(features, at);
      const etag = `"zones-${fingerprint}-${holdsUntil.toString(36)}"`;
      return { fingerprint, holdsUntil, etag, answer: await prepareJson({ type: 'FeatureCollection', features }, etag) };
    });
    // Concurrent requests of the same moment share one build; a failed build is not kept.
    this.built = building;
    building.catch(() => {
      if (this.built === building) this.built = null;
    });
    return building;
  }
}
