import type { SiteFeature, ZoneFeature, ZoneSummary } from '@samverkan/contracts';
import { ZONE_CHECK_SQL, zoneCheckParameters } from '../../apps/api/src/zones/zones.repository';
import { client } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, offset, squareAround } from '../support/zone-factories';

describe('the position check GET /api/zones/check', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  let site: SiteFeature;
  let centre: [number, number];
  let agreed: ZoneFeature;
  let proposed: ZoneFeature;
  let withdrawn: ZoneFeature;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    site = await map.site(team.staff, { name: 'Kontrollplatsen' });
    centre = site.geometry.coordinates as [number, number];
    // A: a 200 m square on the site, agreed. B: a 100 m square 250–350 m east, proposed. C: withdrawn, 500 m east.
    agreed = await map.agree(team, await map.zone(team.staff, site, { name: 'A', geometry: squareAround(centre, 100) }));
    proposed = await map.zone(team.staff, site, { name: 'B', geometry: squareAround(offset(centre, 300, 0), 50) });
    withdrawn = await map.zone(team.staff, site, { name: 'C', geometry: squareAround(offset(centre, 500, 0), 50) });
    await team.signatory.post(`/api/zones/${withdrawn.id}/withdraw`, { reason: 'Test' });
  });
  afterAll(() => test.close());

  const ours = (summaries: ZoneSummary[]) => summaries.filter((summary) => [agreed.id, proposed.id, withdrawn.id].includes(summary.zoneId));

  async function check([lng, lat]: [number, number], extra = '') {
    const response = await team.police.get(`/api/zones/check?lat=${lat}&lng=${lng}${extra}`);
    expect(response.status).toBe(200);
    return { at: response.body.at, inside: ours(response.body.inside), nearby: ours(response.body.nearby) };
  }

  it('a point inside an agreed zone', async () => {
    const result = await check(centre, '&at=2026-05-04T12:00:00%2B02:00');
    expect(result.at).toBe('2026-05-04T10:00:00.000Z');
    expect(result.inside).toEqual([
      { zoneId: agreed.id, name: 'A', siteId: site.id, siteName: 'Kontrollplatsen', inForce: true, until: null, nextInForceAt: null, distanceMeters: 0, edgeDistanceMeters: expect.any(Number), suspension: null, terms: { clauses: [], text: '' } },
    ]);
    // The centre of a 200 m square: 100 m from every edge.
    expect(result.inside[0].edgeDistanceMeters).toBeGreaterThan(98);
    expect(result.inside[0].edgeDistanceMeters).toBeLessThan(102);
    // B's nearest edge is 250 m away: outside the default 200 m.
    expect(result.nearby).toEqual([]);
    const wider = await check(centre, '&radius=300');
    expect(wider.nearby).toEqual([expect.objectContaining({ zoneId: proposed.id, name: 'B', inForce: false, nextInForceAt: null })]);
    expect(wider.nearby[0].distanceMeters).toBeGreaterThan(248);
    expect(wider.nearby[0].distanceMeters).toBeLessThan(252);
  });

  it('a point on the boundary counts as inside (ST_Covers): on an edge and on a corner', async () => {
    const ring = (agreed.geometry.coordinates as number[][][])[0];
    const eastEdge: [number, number] = [ring[1][0], centre[1]];
    expect((await check(eastEdge)).inside.map((summary) => summary.zoneId)).toEqual([agreed.id]);
    const corner = ring[2] as [number, number];
    expect((await check(corner)).inside.map((summary) => summary.zoneId)).toEqual([agreed.id]);
  });

  it('nearby zones within the radius, nearest first, with their distance', async () => {
    const justOutside = offset(centre, 101, 0);
    const outside = await check(justOutside);
    expect(outside.inside).toEqual([]);
    expect(outside.nearby[0]).toMatchObject({ zoneId: agreed.id, inForce: true });
    expect(outside.nearby[0].distanceMeters).toBeCloseTo(1, 0);
    // Outside, the edge is the zone's nearest part.
    expect(outside.nearby[0].edgeDistanceMeters).toBeCloseTo(outside.nearby[0].distanceMeters, 0);
    // 10 m inside the east edge: inside, and the edge 10 m away (a position less accurate may be outside).
    const justInside = await check(offset(centre, 90, 0));
    expect(justInside.inside).toEqual([expect.objectContaining({ zoneId: agreed.id, distanceMeters: 0 })]);
    expect(justInside.inside[0].edgeDistanceMeters).toBeCloseTo(10, 0);

    const between = await check(offset(centre, 200, 0));
    expect(between.inside).toEqual([]);
    expect(between.nearby.map((summary) => [summary.zoneId, Math.round(summary.distanceMeters)])).toEqual([
      [proposed.id, 50],
      [agreed.id, 100],
    ]);
    expect((await check(offset(centre, 200, 0), '&radius=0')).nearby).toEqual([]);
  });

  it('a zone never agreed is listed, not in force; a withdrawn zone never appears', async () => {
    const inB = await check(offset(centre, 300, 0));
    expect(inB.inside).toEqual([expect.objectContaining({ zoneId: proposed.id, inForce: false, distanceMeters: 0 })]);
    const inC = await check(offset(centre, 500, 0), '&radius=2000');
    expect(inC.inside).toEqual([]);
    expect(inC.nearby.map((summary) => summary.zoneId)).toEqual([proposed.id, agreed.id]);
  });

  it('refuses bad parameters with a 400 naming the field, never repeating the position', async () => {
    const cases: [string, RegExp][] = [
      ['lng=13.0123456', /^lat: must be a number of degrees between -90 and 90$/],
      ['lat=55.6123456', /^lng: must be a number of degrees between -180 and 180$/],
      ['lat=91.6123456&lng=13.0123456', /^lat: /],
      ['lat=-90.6123456&lng=13.0123456', /^lat: /],
      ['lat=55.6123456&lng=180.0123456', /^lng: /],
      ['lat=55.6123456abc&lng=13.0123456', /^lat: /],
      ['lat=&lng=13.0123456', /^lat: /],
      ['lat=NaN&lng=13.0123456', /^lat: /],
      ['lat=Infinity&lng=13.0123456', /^lat: /],
      ['lat=1e999&lng=13.0123456', /^lat: /],
      ['lat=0x10&lng=13.0123456', /^lat: /],
      ['lat=55.6123456&lat=55.7123456&lng=13.0123456', /^lat: /],
      ['lat=55.6123456&lng=13.0123456&radius=2000.5', /^radius: must be a number of metres between 0 and 2000$/],
      ['lat=55.6123456&lng=13.0123456&radius=-1', /^radius: /],
      ['lat=55.6123456&lng=13.0123456&at=yesterday', /^at: /],
    ];
    for (const [query, message] of cases) {
      const response = await team.police.get(`/api/zones/check?${query}`);
      expect({ query, status: response.status, message: response.body.message }).toEqual({ query, status: 400, message: expect.stringMatching(message) });
      expect(JSON.stringify(response.body)).not.toMatch(/6123456|0123456|7123456/);
    }
    expect((await client(test.baseUrl).get(`/api/zones/check?lat=55.6&lng=13`)).status).toBe(401);
  });

  it('uses the GiST index on zone_versions.geom (EXPLAIN)', async () => {
    // On a small table the planner may rightly prefer a sequential scan; with it switched off for this
    // transaction, a plan that cannot use the index would still show a Seq Scan on zone_versions.
    const plan = await test.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const [row] = await manager.query(`EXPLAIN (FORMAT JSON) ${ZONE_CHECK_SQL}`, zoneCheckParameters(centre[0], centre[1], 200));
      return JSON.stringify(row['QUERY PLAN']);
    });
    expect(plan).toMatch(/"Index Name":"zone_versions_geom_gist"/);
    expect(plan).not.toMatch(/"Node Type":"Seq Scan","Parallel Aware":(true|false),"Async Capable":(true|false),"Relation Name":"zone_versions"/);
    expect(plan).toMatch(/"Node Type":"(Bitmap Index Scan|Index Scan)"/);
  });
});
