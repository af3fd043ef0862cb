import type { ZoneCheckResponse } from '@samverkan/contracts';
import { ZoneCheckIndex } from '../../apps/api/src/zones/zone-check-index';
import { type CheckRow, ZonesRepository } from '../../apps/api/src/zones/zones.repository';
import type { AppProcess } from '../support/app-process';
import { client } from '../support/http';
import { startInstances, startTestApp, TestApp, twoInstancesSkipReason } from '../support/test-app';
import { MapFactory, MapTeam, offset, squareAround, uniqueSpot } from '../support/zone-factories';

/**
 * The position check answers from the zones kept in memory (docs/decisions/0028) once the index is built. These
 * tests build it first, then change zones and sites and expect the change in the very next check: the index is
 * emptied inside the changing transaction, on every instance.
 */
const checkUrl = ([lng, lat]: [number, number], radius = 500) => `/api/zones/check?lat=${lat}&lng=${lng}&radius=${radius}`;

describe('the zone check index follows every change at once', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  let index: ZoneCheckIndex;

  beforeAll(async () => {
    // One instance on its own (no Redis link, so no quiet time after a change); two instances are tested below.
    test = await startTestApp({ overrides: { redisUrl: null } });
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    index = test.app.get(ZoneCheckIndex);
  });
  afterAll(() => test.close());

  const check = async (at: [number, number], radius?: number) => {
    const response = await team.police.get<ZoneCheckResponse>(checkUrl(at, radius));
    expect(response.status).toBe(200);
    return response.body;
  };

  it('answers from memory as PostGIS does: inside, nearby in order, distances to the decimetre', async () => {
    const centre = uniqueSpot();
    const site = await map.site(team.staff, { at: centre });
    const near = await map.agree(team, await map.zone(team.staff, site, { geometry: squareAround(centre, 50) }));
    const eastSite = await map.site(team.staff, { at: offset(centre, 300, 0) });
    const east = await map.agree(team, await map.zone(team.staff, eastSite, { geometry: squareAround(offset(centre, 300, 0), 50) }));
    const proposedOnly = await map.zone(team.staff, eastSite, { geometry: squareAround(offset(centre, 300, 120), 40) });
    await index.warm();

    const probes: [number, number][] = [centre, offset(centre, 49.9, 0), offset(centre, 51, 0), offset(centre, 140, 10), offset(centre, 300, 110)];
    for (const probe of probes) {
      const fromMemory = index.near(probe[1], probe[0], 500);
      expect(fromMemory).not.toBeNull();
      const fromPostgis = await test.app.get(ZonesRepository).check(probe[0], probe[1], 500);
      const ours = (rows: CheckRow[]) => rows.filter((row) => [near.id, east.id, proposedOnly.id].includes(row.zone.zoneId));
      expect(ours(fromMemory!).map((row) => [row.zone.zoneId, row.inside, row.zone.status])).toEqual(ours(fromPostgis).map((row) => [row.zone.zoneId, row.inside, row.zone.status]));
      ours(fromMemory!).forEach((row, i) => {
        expect(Math.abs(row.distanceMeters - ours(fromPostgis)[i].distanceMeters)).toBeLessThan(0.5);
        expect(Math.abs(row.edgeDistanceMeters - ours(fromPostgis)[i].edgeDistanceMeters)).toBeLessThan(0.5);
      });
    }
    const answer = await check(offset(centre, 140, 10));
    expect(answer.inside).toEqual([]);
    expect(answer.nearby.map((zone) => zone.zoneId).filter((id) => [near.id, east.id].includes(id))).toEqual([near.id, east.id]);
  });

  it('a new version only proposed leaves the agreed one measured', async () => {
    const centre = uniqueSpot();
    const site = await map.site(team.staff, { at: centre });
    const zone = await map.agree(team, await map.zone(team.staff, site, { geometry: squareAround(centre, 80) }));
    await index.warm();
    const edited = await team.staff.patch(`/api/zones/${zone.id}`, { version: zone.properties.version, geometry: squareAround(offset(centre, 400, 0), 20) });
    expect(edited.status).toBe(200);
    expect((await check(centre)).inside).toEqual([expect.objectContaining({ zoneId: zone.id, inForce: true })]);
    await index.warm();
    expect((await check(centre)).inside).toEqual([expect.objectContaining({ zoneId: zone.id, inForce: true })]);
  });

  it('a zone agreed, suspended or withdrawn shows in the very next check', async () => {
    const centre = uniqueSpot();
    const site = await map.site(team.staff, { at: centre });
    const proposed = await map.zone(team.staff, site, { geometry: squareAround(centre, 80) });
    await index.warm();
    expect((await check(centre)).inside).toEqual([expect.objectContaining({ zoneId: proposed.id, inForce: false })]);

    await index.warm();
    const agreed = await map.agree(team, proposed);
    expect((await check(centre)).inside).toEqual([expect.objectContaining({ zoneId: agreed.id, inForce: true })]);

    await index.warm();
    expect((await team.policeSignatory.post(`/api/zones/${agreed.id}/suspend`, { reason: 'Insats i området' })).status).toBe(200);
    const suspended = await check(centre);
    expect(suspended.inside).toEqual([expect.objectContaining({ zoneId: agreed.id, inForce: false, suspension: expect.objectContaining({ reason: 'Insats i området' }) })]);

    await index.warm();
    expect((await team.signatory.post(`/api/zones/${agreed.id}/withdraw`, { reason: 'Verksamheten flyttar' })).status).toBe(200);
    const afterWithdrawal = await check(centre);
    expect([...afterWithdrawal.inside, ...afterWithdrawal.nearby].map((zone) => zone.zoneId)).not.toContain(agreed.id);
  });

  it("a site's new name shows in the very next check", async () => {
    const { site, zone } = await map.agreedZone(team, {});
    const at = site.geometry.coordinates as [number, number];
    await index.warm();
    expect((await check(at)).inside).toEqual([expect.objectContaining({ zoneId: zone.id, siteName: site.properties.name })]);
    const renamed = await team.staff.patch(`/api/sites/${site.id}`, { version: site.properties.version, name: 'Nytt namn på platsen' });
    expect(renamed.status).toBe(200);
    expect((await check(at)).inside).toEqual([expect.objectContaining({ zoneId: zone.id, siteName: 'Nytt namn på platsen' })]);
  });
});

const reason = twoInstancesSkipReason();
if (reason) console.warn(`Skipping the zone check index's two-instance tests: ${reason}.`);

(reason ? describe.skip : describe)('the zone check index on two instances', () => {
  let instances: AppProcess[] = [];
  let map: MapFactory;
  let team: MapTeam;

  beforeAll(async () => {
    instances = await startInstances(2);
    map = await MapFactory.create(instances[0].baseUrl);
    team = await map.team();
  }, 120_000);
  afterAll(() => Promise.all(instances.map((instance) => instance.stop())));

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('a zone agreed or suspended on one instance shows in the other’s very next check', async () => {
    const centre = uniqueSpot();
    const site = await map.site(team.staff, { at: centre });
    const proposed = await map.zone(team.staff, site, { geometry: squareAround(centre, 80) });
    const onTwo = client(instances[1].baseUrl, team.police.token);
    const checkOnTwo = async () => {
      const response = await onTwo.get<ZoneCheckResponse>(checkUrl(centre));
      expect(response.status).toBe(200);
      return response.body;
    };
    // The second instance builds its index on its first check, once its quiet time after the changes is over.
    await sleep(5_500);
    expect((await checkOnTwo()).inside).toEqual([expect.objectContaining({ zoneId: proposed.id, inForce: false })]);
    await sleep(500);
    expect((await checkOnTwo()).inside).toEqual([expect.objectContaining({ zoneId: proposed.id, inForce: false })]);

    await map.agree(team, proposed);
    expect((await checkOnTwo()).inside).toEqual([expect.objectContaining({ zoneId: proposed.id, inForce: true })]);

    await sleep(5_500);
    expect((await checkOnTwo()).inside).toEqual([expect.objectContaining({ zoneId: proposed.id, inForce: true })]);
    expect((await team.policeSignatory.post(`/api/zones/${proposed.id}/suspend`, { reason: 'Insats' })).status).toBe(200);
    expect((await checkOnTwo()).inside).toEqual([expect.objectContaining({ zoneId: proposed.id, inForce: false })]);
  }, 60_000);
});
