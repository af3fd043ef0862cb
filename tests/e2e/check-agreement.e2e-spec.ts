import type { MultiPolygon, Polygon, ZoneCheckResponse, ZoneSnapshot, ZoneSummary } from '@samverkan/contracts';
import {
  AGREEMENT_RADIUS_METERS,
  CHECK_AGREEMENT_TABLE,
  type AgreementScenario,
  type AgreementZone,
  type LngLat,
} from '@samverkan/geo/check-agreement.table';
import { SnapshotIndex } from '@samverkan/geo/snapshot-check';
import { ZoneCheckIndex } from '../../apps/api/src/zones/zone-check-index';
import { ZonesRepository } from '../../apps/api/src/zones/zones.repository';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, uniqueSpot } from '../support/zone-factories';

// The phone's check (libs/geo snapshot-check, run here in Node on the api's snapshot) and the api's check
// (GET /api/zones/check, PostGIS) on the shared table of positions, times and schedules: the same zones inside
// and nearby, the same in-force state, end and next start, names and suspension, the same distances to a tenth of
// a metre or so. The api also names zones the snapshot leaves out (never agreed): none of them is in force.

interface Made {
  centre: LngLat;
  /** Table key → zone id, and back. */
  ids: Record<string, string>;
  keys: Record<string, string>;
  geometries: Record<string, Polygon | MultiPolygon>;
}

const instant = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

describe('the phone check agrees with the api check', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  const made = new Map<AgreementScenario, Made>();

  async function makeZone(site: Parameters<MapFactory['zone']>[1], zone: AgreementZone, centre: LngLat) {
    const body = {
      name: zone.key,
      geometry: zone.geometry(centre),
      schedule: zone.schedule,
      ...(zone.validFrom ? { validFrom: zone.validFrom } : {}),
      ...(zone.validUntil ? { validUntil: zone.validUntil } : {}),
    };
    const proposed = await map.zone(team.staff, site, body);
    if (zone.lifecycle === 'proposed') return proposed;
    const agreed = await map.agree(team, proposed);
    if (zone.lifecycle === 'proposal-on-agreed') {
      const response = await team.staff.patch(`/api/zones/${agreed.id}`, {
        version: agreed.properties.version,
        geometry: zone.proposedGeometry!(centre),
      });
      expect(response.status).toBe(200);
    }
    if (zone.lifecycle === 'suspended') {
      const response = await team.signatory.post(`/api/zones/${agreed.id}/suspend`, { reason: 'Agreement test' });
      expect(response.status).toBe(200);
    }
    return agreed;
  }

  beforeAll(async () => {
    // Alone (no Redis link): the check index is built at once after the table's changes.
    test = await startTestApp({ overrides: { redisUrl: null } });
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    for (const scenario of CHECK_AGREEMENT_TABLE) {
      const centre = uniqueSpot();
      const site = await map.site(team.staff, { at: centre });
      const entry: Made = { centre, ids: {}, keys: {}, geometries: {} };
      for (const zone of scenario.zones) {
        const created = await makeZone(site, zone, centre);
        entry.ids[zone.key] = created.properties.id;
        entry.keys[created.properties.id] = zone.key;
        entry.geometries[zone.key] = zone.geometry(centre);
      }
      made.set(scenario, entry);
    }
  });
  afterAll(() => test.close());

  for (const scenario of CHECK_AGREEMENT_TABLE) {
    describe(scenario.name, () => {
      for (const probe of scenario.probes) {
        it(probe.name, async () => {
          const { centre, keys, geometries } = made.get(scenario)!;
          const [lng, lat] = probe.position(centre, geometries);
          const ours = (summaries: ZoneSummary[]) => summaries.filter((summary) => keys[summary.zoneId]);

          const served = await team.police.get<ZoneCheckResponse>(
            `/api/zones/check?lat=${lat}&lng=${lng}&radius=${AGREEMENT_RADIUS_METERS}&at=${encodeURIComponent(probe.at)}`,
          );
          expect(served.status).toBe(200);
          const snapshot = await team.police.get<ZoneSnapshot>('/api/zones/snapshot');
          expect(snapshot.status).toBe(200);
          const phone = new SnapshotIndex(snapshot.body).check({ lat, lng }, AGREEMENT_RADIUS_METERS, new Date(probe.at));

          const shape = (summary: ZoneSummary) => ({
            zone: keys[summary.zoneId],
            inForce: summary.inForce,
            until: instant(summary.until),
            nextInForceAt: instant(summary.nextInForceAt),
          });
          const named = (summary: ZoneSummary) => ({
            ...shape(summary),
            name: summary.name,
            siteId: summary.siteId,
            siteName: summary.siteName,
            suspension: summary.suspension ?? null,
          });
          const apiInside = ours(served.body.inside);
          const apiNearby = ours(served.body.nearby);
          const snapshotZones = [...snapshot.body.zones, ...(snapshot.body.suspended ?? [])];
          const snapshotKeys = new Set(snapshotZones.map((zone) => keys[zone.id]).filter(Boolean));
          const held = (summary: ZoneSummary) => snapshotKeys.has(keys[summary.zoneId]);

          // Zones the snapshot holds: the same answer on both sides, and the table's.
          expect(ours(phone.inside).map(shape)).toEqual(apiInside.filter(held).map(shape));
          expect(ours(phone.nearby).map(shape)).toEqual(apiNearby.filter(held).map(shape));
          expect([...ours(phone.inside), ...ours(phone.nearby)].map(named)).toEqual(
            [...apiInside.filter(held), ...apiNearby.filter(held)].map(named),
          );
          expect(ours(phone.inside).map(shape)).toEqual(
            probe.inside.map((expected) => ({ ...expected, until: expected.until ?? null, nextInForceAt: expected.nextInForceAt ?? null })),
          );
          expect(ours(phone.nearby).map((summary) => keys[summary.zoneId])).toEqual(probe.nearby.map((expected) => expected.zone));
          const apiDistances = new Map(apiNearby.map((summary) => [summary.zoneId, summary.distanceMeters]));
          for (const summary of ours(phone.nearby)) {
            expect(Math.abs(summary.distanceMeters - apiDistances.get(summary.zoneId)!)).toBeLessThanOrEqual(0.5);
          }
          for (const summary of ours(phone.inside)) {
            const api = apiInside.find((candidate) => candidate.zoneId === summary.zoneId)!;
            expect(Math.abs(summary.edgeDistanceMeters! - api.edgeDistanceMeters!)).toBeLessThanOrEqual(0.5);
          }

          // The api's two ways to the answer, its zones kept in memory and PostGIS, find the same zones alike.
          const index = test.app.get(ZoneCheckIndex);
          await index.warm();
          const fromMemory = index.near(lat, lng, AGREEMENT_RADIUS_METERS)!.filter((row) => keys[row.zone.zoneId]);
          const fromPostgis = (await test.app.get(ZonesRepository).check(lng, lat, AGREEMENT_RADIUS_METERS)).filter((row) => keys[row.zone.zoneId]);
          const found = (row: (typeof fromMemory)[number]) => ({ zone: keys[row.zone.zoneId], inside: row.inside, version: row.zone.version, status: row.zone.status });
          expect(fromMemory.map(found)).toEqual(fromPostgis.map(found));
          fromMemory.forEach((row, i) => {
            expect(Math.abs(row.distanceMeters - fromPostgis[i].distanceMeters)).toBeLessThanOrEqual(0.5);
            expect(Math.abs(row.edgeDistanceMeters - fromPostgis[i].edgeDistanceMeters)).toBeLessThanOrEqual(0.5);
          });

          // Zones the snapshot leaves out: the api names them, never as in force.
          const apiOnly = [...apiInside, ...apiNearby].filter((summary) => !held(summary));
          expect(apiOnly.map((summary) => keys[summary.zoneId]).sort()).toEqual([...(probe.apiAlsoLists ?? [])].sort());
          expect(apiOnly.filter((summary) => summary.inForce)).toEqual([]);
        });
      }
    });
  }
});
