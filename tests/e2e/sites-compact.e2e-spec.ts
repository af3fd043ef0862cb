import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fromCompactSite, type CompactSiteList, type SiteFeature } from '@samverkan/contracts';
import { rawGet, type RawResponse } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, point, uniqueSpot } from '../support/zone-factories';

// The map's list of sites: every site in one compact answer, the same for everyone signed in, sent compressed
// and answered with a 304 while no site changed. Raw HTTP where the coding matters (fetch would decode it).


describe('the compact list of sites', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
  });
  afterAll(() => test.close());

  const compact = async (token: string, headers: Record<string, string> = {}) =>
    rawGet(`${test.baseUrl}/api/sites/compact`, { authorization: `Bearer ${token}`, ...headers });
  const listOf = (response: RawResponse): CompactSiteList => JSON.parse(response.body.toString('utf8'));

  it('holds every site as GET /api/sites/:id gives it, but for the opening state at a moment', async () => {
    const spot = uniqueSpot();
    const created = await team.staff.post<SiteFeature>('/api/sites', {
      name: 'Kompakta listan',
      type: 'naloxone',
      location: point([spot[0] + 0.123456789, spot[1]]),
      address: 'Storgatan 2',
      openingSchedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5], from: '10:00', to: '18:00' }] },
      phone: '040-123 45 67',
    });
    expect(created.status).toBe(201);
    const answer = await compact(team.police.token!);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const row = listOf(answer).sites.find((site) => site[0] === created.body.properties.id)!;
    const { openNow, closesAt, nextOpenAt, ...listed } = created.body.properties;
    expect([openNow, closesAt, nextOpenAt].every((value) => value !== undefined)).toBe(true);
    const site = fromCompactSite(row);
    expect(site.properties).toEqual(listed);
    // Coordinates to 7 decimals, about a centimetre.
    const [lng, lat] = created.body.geometry.coordinates;
    expect(site.geometry.coordinates).toEqual([Number(lng.toFixed(7)), Number(lat.toFixed(7))]);
    expect(listOf(await compact(team.coordinator.token!)).sites).toEqual(listOf(answer).sites);
  });

  it('answers 304 while no site changed, and a new list after a change, a new site or a deletion', async () => {
    const first = await compact(team.police.token!);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"sites-/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await compact(team.police.token!, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another user holding the same version gets the 304 too: the list is the same for everyone.
    expect((await compact(team.coordinator.token!, { 'If-None-Match': etag })).status).toBe(304);

    const site = (await team.staff.post<SiteFeature>('/api/sites', { name: 'Ny plats', type: 'outreach', location: point(uniqueSpot()) })).body;
    const afterCreate = await compact(team.police.token!, { 'If-None-Match': etag });
    expect(afterCreate.status).toBe(200);
    expect(afterCreate.headers.etag).not.toBe(etag);
    expect(listOf(afterCreate).sites.some((row) => row[0] === site.properties.id)).toBe(true);

    const renamed = await team.staff.patch<SiteFeature>(`/api/sites/${site.properties.id}`, { version: 1, name: 'Omdöpt plats' });
    expect(renamed.status).toBe(200);
    const afterRename = await compact(team.police.token!, { 'If-None-Match': afterCreate.headers.etag! });
    expect(afterRename.status).toBe(200);
    expect(listOf(afterRename).sites.find((row) => row[0] === site.properties.id)?.[4]).toBe('Omdöpt plats');

    expect((await team.staff.delete(`/api/sites/${site.properties.id}`)).status).toBe(204);
    const afterDelete = await compact(team.police.token!, { 'If-None-Match': afterRename.headers.etag! });
    expect(afterDelete.status).toBe(200);
    expect(listOf(afterDelete).sites.some((row) => row[0] === site.properties.id)).toBe(false);
  });

  it('is sent Brotli or gzip as the client accepts, the same list either way', async () => {
    const plain = await compact(team.police.token!, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    const brotli = await compact(team.police.token!, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    const gzip = await compact(team.police.token!, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  });

  it('is for signed-in users only', async () => {
    const response = await rawGet(`${test.baseUrl}/api/sites/compact`, {});
    expect(response.status).toBe(401);
  });

  it('sends the other big JSON answers compressed too, with their ETag still giving a 304', async () => {
    const headers = { authorization: `Bearer ${team.police.token!}` };
    for (const name of ['Första', 'Andra', 'Tredje']) {
      const description = `${name} platsen: öppen för alla, med sprututbyte och samtal. `.repeat(8);
      expect((await team.staff.post('/api/sites', { name, type: 'outreach', location: point(uniqueSpot()), description })).status).toBe(201);
    }
    const plain = await rawGet(`${test.baseUrl}/api/sites`, { ...headers, 'Accept-Encoding': 'identity' });
    expect(plain.body.length).toBeGreaterThan(1024);
    const gzip = await rawGet(`${test.baseUrl}/api/sites`, { ...headers, 'Accept-Encoding': 'gzip' });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
    const cached = await rawGet(`${test.baseUrl}/api/sites`, { ...headers, 'Accept-Encoding': 'gzip', 'If-None-Match': gzip.headers.etag! });
    expect(cached.status).toBe(304);
    // A small answer goes as it is.
    const small = await rawGet(`${test.baseUrl}/api/auth/me`, { ...headers, 'Accept-Encoding': 'br' });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
