import { brotliDecompressSync } from 'node:zlib';
import { fromCompactSite, fromSiteMarkerList, type CompactSiteList, type SiteFeature, type SiteMarkerList } from '@samverkan/contracts';
import { rawGet, type RawResponse } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, point, uniqueSpot } from '../support/zone-factories';

// The map's first view: every site's marker (id, place, type, name) in columns, kept and answered like the
// compact list. Raw HTTP where the coding matters (fetch would decode it).

describe("the sites' markers", () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
  });
  afterAll(() => test.close());

  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    rawGet(`${test.baseUrl}${path}`, { authorization: `Bearer ${token}`, ...headers });
  const markers = (token: string, headers: Record<string, string> = {}) => get('/api/sites/markers', token, headers);
  const listOf = (response: RawResponse): SiteMarkerList => JSON.parse(response.body.toString('utf8'));

  it('holds every site of the compact list, with the same place, type and name', async () => {
    const spot = uniqueSpot();
    const created = await team.staff.post<SiteFeature>('/api/sites', {
      name: 'Markörens plats',
      type: 'drug_checking',
      location: point([spot[0] + 0.123456789, spot[1] - 0.000000049]),
      address: 'Storgatan 3',
      description: 'Sent with the details, not with the marker.',
    });
    expect(created.status).toBe(201);
    const answer = await markers(team.police.token!);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const list = listOf(answer);
    expect(Object.keys(list).sort()).toEqual(['ids', 'lat', 'lng', 'names', 'scale', 'types']);
    expect(list.scale).toBe(1e7);
    // The ids as one string of 32 hex digits each.
    expect(list.ids).toMatch(/^([0-9a-f]{32})+$/);
    for (const column of [list.lng, list.lat, list.types, list.names]) expect(column).toHaveLength(list.ids.length / 32);
    expect(list.lng.every(Number.isInteger) && list.lat.every(Number.isInteger)).toBe(true);

    const compact: CompactSiteList = JSON.parse((await get('/api/sites/compact', team.police.token!)).body.toString('utf8'));
    const expected = compact.sites.map(fromCompactSite).map(({ id, geometry, properties }) => ({
      type: 'Feature',
      id,
      geometry,
      properties: { id: properties.id, name: properties.name, type: properties.type },
    }));
    // The same sites, each at exactly the compact list's place (the map swaps one for the other without moving a marker).
    expect(fromSiteMarkerList(list)).toEqual(expected);
    expect(fromSiteMarkerList(list).map((marker) => marker.id)).toContain(created.body.properties.id);
    expect(answer.body.toString('utf8')).not.toContain('Storgatan 3');
  });

  it('answers 304 while no site changed, and follows a new site, a change and a deletion', async () => {
    const first = await markers(team.police.token!);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"site-markers-/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await markers(team.police.token!, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await markers(team.coordinator.token!, { 'If-None-Match': etag })).status).toBe(304);

    const spot = uniqueSpot();
    const site = (await team.staff.post<SiteFeature>('/api/sites', { name: 'Ny markör', type: 'outreach', location: point(spot) })).body;
    const afterCreate = await markers(team.police.token!, { 'If-None-Match': etag });
    expect(afterCreate.status).toBe(200);
    expect(afterCreate.headers.etag).not.toBe(etag);
    const at = (list: SiteMarkerList) => fromSiteMarkerList(list).findIndex((marker) => marker.id === site.properties.id);
    expect(at(listOf(afterCreate))).toBeGreaterThanOrEqual(0);

    const moved = [spot[0] + 0.001, spot[1]] as [number, number];
    const changed = await team.staff.patch<SiteFeature>(`/api/sites/${site.properties.id}`, { version: 1, name: 'Flyttad markör', type: 'naloxone', location: point(moved) });
    expect(changed.status).toBe(200);
    const afterChange = await markers(team.police.token!, { 'If-None-Match': afterCreate.headers.etag! });
    expect(afterChange.status).toBe(200);
    const list = listOf(afterChange);
    expect([list.names[at(list)], list.types[at(list)], list.lng[at(list)]]).toEqual(['Flyttad markör', 'naloxone', Math.round(moved[0] * 1e7)]);

    expect((await team.staff.delete(`/api/sites/${site.properties.id}`)).status).toBe(204);
    const afterDelete = await markers(team.police.token!, { 'If-None-Match': afterChange.headers.etag! });
    expect(afterDelete.status).toBe(200);
    expect(at(listOf(afterDelete))).toBe(-1);
  });

  it('is sent Brotli as the client accepts, the same list', async () => {
    const plain = await markers(team.police.token!, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    const brotli = await markers(team.police.token!, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
  });

  it('is for signed-in users only', async () => {
    expect((await rawGet(`${test.baseUrl}/api/sites/markers`, {})).status).toBe(401);
  });
});
