import { brotliDecompressSync } from 'node:zlib';
import type { ZoneFeature, ZoneFeatureCollection } from '@samverkan/contracts';
import { rawGet, type RawResponse } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam } from '../support/zone-factories';

// The map's zone list (GET /api/zones without filters): built once per change and kept, the same for everyone
// signed in, a 304 while nothing changed; every kind of change to a zone gives a new list. Raw HTTP, so the
// ETag and the coding are seen as sent.


describe('the map list of zones', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
  });
  afterAll(() => test.close());

  const list = (token: string, headers: Record<string, string> = {}, query = '') =>
    rawGet(`${test.baseUrl}/api/zones${query}`, { authorization: `Bearer ${token}`, ...headers });
  const featureOf = (response: RawResponse, id: string | number | undefined): ZoneFeature | undefined =>
    (JSON.parse(response.body.toString('utf8')) as ZoneFeatureCollection).features.find((feature) => feature.id === id);

  /** The list after a change: a 200 with a new ETag (the one held before no longer matches). */
  async function changedSince(etag: string): Promise<RawResponse> {
    const answer = await list(team.police.token!, { 'If-None-Match': etag });
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).not.toBe(etag);
    return answer;
  }

  it('is the listing as the filtered path computes it, the same for every user, compressed as asked', async () => {
    const { zone } = await map.agreedZone(team);
    const answer = await list(team.police.token!);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('private, no-cache');
    expect(answer.headers.etag).toMatch(/^"zones-/);
    // The same zone through a filter (computed per request, at the moment asked).
    const filtered = await list(team.police.token!, {}, `?siteId=${zone.properties.siteId}`);
    expect(featureOf(answer, zone.id)).toEqual(featureOf(filtered, zone.id));
    expect(featureOf(answer, zone.id)?.properties.inForce).toBe(true);
    const compressed = await list(team.coordinator.token!, { 'Accept-Encoding': 'br' });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(compressed.body).toString('utf8'))).toEqual(JSON.parse(answer.body.toString('utf8')));
    expect((await list(team.coordinator.token!, { 'If-None-Match': answer.headers.etag! })).status).toBe(304);
  });

  it('gives a new list after each kind of change: a version, an approval, an agreement, a suspension, a withdrawal', async () => {
    const site = await map.site(team.staff);
    let etag = (await list(team.police.token!)).headers.etag!;
    const proposed = await map.zone(team.staff, site);
    let answer = await changedSince(etag);
    expect(featureOf(answer, proposed.id)?.properties.status).toBe('proposed');
    etag = answer.headers.etag!;

    expect((await team.policeSignatory.post(`/api/zones/${proposed.id}/approve`, { version: 1 })).status).toBe(200);
    answer = await changedSince(etag);
    expect(featureOf(answer, proposed.id)?.properties.approvals).toHaveLength(1);
    etag = answer.headers.etag!;

    expect((await team.signatory.post(`/api/zones/${proposed.id}/approve`, { version: 1 })).status).toBe(200);
    answer = await changedSince(etag);
    expect(featureOf(answer, proposed.id)?.properties).toMatchObject({ status: 'agreed', inForce: true });
    etag = answer.headers.etag!;

    expect((await team.staff.patch(`/api/zones/${proposed.id}`, { version: 1, name: 'Ny version' })).status).toBe(200);
    answer = await changedSince(etag);
    expect(featureOf(answer, proposed.id)?.properties).toMatchObject({ name: 'Ny version', version: 2, agreedVersion: 1 });
    etag = answer.headers.etag!;

    expect((await team.policeSignatory.post(`/api/zones/${proposed.id}/suspend`, { reason: 'Pågående insats' })).status).toBe(200);
    answer = await changedSince(etag);
    expect(featureOf(answer, proposed.id)?.properties).toMatchObject({ status: 'suspended', inForce: false });
    etag = answer.headers.etag!;

    expect((await team.signatory.post(`/api/zones/${proposed.id}/withdraw`, { reason: 'Klart' })).status).toBe(200);
    answer = await changedSince(etag);
    expect(featureOf(answer, proposed.id)).toBeUndefined();
  });
});
