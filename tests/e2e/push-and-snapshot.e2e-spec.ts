import type { SiteFeature, ZoneFeature, ZoneSnapshot, ZoneSnapshotEntry } from '@samverkan/contracts';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, offset, squareAround } from '../support/zone-factories';

describe('the phone: the zone snapshot', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  let site: SiteFeature;
  let centre: [number, number];

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    site = await map.site(team.staff, { name: 'Snapshotplatsen' });
    centre = site.geometry.coordinates as [number, number];
  });
  afterAll(() => test.close());

  async function snapshot(headers: Record<string, string> = {}) {
    return team.police.get<ZoneSnapshot>('/api/zones/snapshot', { headers });
  }
  const entry = (body: ZoneSnapshot, zone: ZoneFeature): ZoneSnapshotEntry | undefined => body.zones.find((held) => held.id === zone.properties.id);

  it('holds agreed zones, and the agreed version of a zone whose newer version is proposed', async () => {
    const agreed = await map.agree(team, await map.zone(team.staff, site, { name: 'Agreed', geometry: squareAround(centre, 100) }));
    const schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' }] };
    const changing = await map.agree(
      team,
      await map.zone(team.staff, site, { name: 'Changing v1', geometry: squareAround(offset(centre, 300, 0), 50), schedule, validUntil: '2030-01-01T00:00:00+01:00' }),
    );
    const proposal = await team.staff.patch(`/api/zones/${changing.id}`, { version: 1, name: 'Changing v2', geometry: squareAround(offset(centre, 300, 0), 80), schedule: null });
    expect(proposal.status).toBe(200);
    const never = await map.zone(team.staff, site, { name: 'Never agreed', geometry: squareAround(offset(centre, -300, 0), 50) });

    const response = await snapshot();
    expect(response.status).toBe(200);
    expect(Date.now() - Date.parse(response.body.generatedAt)).toBeLessThan(60_000);
    expect(entry(response.body, agreed)).toEqual({
      id: agreed.id,
      siteId: site.id,
      name: 'Agreed',
      siteName: 'Snapshotplatsen',
      status: 'agreed',
      agreedVersion: 1,
      geometry: { type: 'Polygon', coordinates: expect.any(Array) },
      schedule: null,
      validFrom: null,
      validUntil: null,
    });
    // The version in force, not the pending proposal: its name, shape, schedule and validity.
    expect(entry(response.body, changing)).toEqual({
      id: changing.id,
      siteId: site.id,
      name: 'Changing v1',
      siteName: 'Snapshotplatsen',
      status: 'proposed',
      agreedVersion: 1,
      geometry: changing.geometry,
      schedule,
      validFrom: null,
      validUntil: '2029-12-31T23:00:00.000Z',
    });
    expect(entry(response.body, never)).toBeUndefined();
  });

  it('leaves suspended and withdrawn zones out', async () => {
    const suspended = await map.agree(team, await map.zone(team.staff, site, { name: 'Suspended', geometry: squareAround(offset(centre, 0, 300), 50) }));
    const withdrawn = await map.agree(team, await map.zone(team.staff, site, { name: 'Withdrawn', geometry: squareAround(offset(centre, 0, -300), 50) }));
    expect(entry((await snapshot()).body, suspended)).toBeDefined();
    expect((await team.policeSignatory.post(`/api/zones/${suspended.id}/suspend`, { reason: 'Test' })).status).toBe(200);
    expect((await team.signatory.post(`/api/zones/${withdrawn.id}/withdraw`, { reason: 'Test' })).status).toBe(200);
    const body = (await snapshot()).body;
    expect(entry(body, suspended)).toBeUndefined();
    expect(entry(body, withdrawn)).toBeUndefined();
  });

  it('carries a strong ETag: If-None-Match answers 304 until a zone changes', async () => {
    const first = await snapshot();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const again = await snapshot({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.body).toBe('');
    expect((await snapshot({ 'if-none-match': '"something-else"' })).status).toBe(200);

    // A change that adds nothing the snapshot holds leaves the tag as it was; an agreement changes it.
    const zone = await map.zone(team.staff, site, { name: 'Later', geometry: squareAround(offset(centre, -300, 300), 50) });
    expect((await snapshot({ 'if-none-match': etag })).status).toBe(304);
    await map.agree(team, zone);
    const changed = await snapshot({ 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(entry(changed.body, zone)).toMatchObject({ name: 'Later', status: 'agreed' });

    // A site's new name is in the snapshot too.
    const renamed = await team.staff.patch(`/api/sites/${site.properties.id}`, { version: site.properties.version, name: 'Nytt namn' });
    expect(renamed.status).toBe(200);
    const afterRename = await snapshot({ 'if-none-match': changed.headers.get('etag')! });
    expect(afterRename.status).toBe(200);
    expect(entry(afterRename.body, zone)).toMatchObject({ siteName: 'Nytt namn' });
  });

  it('needs a signed-in user', async () => {
    const response = await fetch(`${test.baseUrl}/api/zones/snapshot`);
    expect(response.status).toBe(401);
  });

  it('the position check is never kept by a cache', async () => {
    const response = await team.police.get(`/api/zones/check?lat=${centre[1]}&lng=${centre[0]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
