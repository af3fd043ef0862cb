import type { SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { parseKml } from '../support/kml';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, offset, squareAround } from '../support/zone-factories';

/** Twice the signed area of a ring in degrees (shoelace): positive when counter-clockwise. */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

describe('zones: GeoJSON import, GeoJSON and KML export', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
  });
  afterAll(() => test.close());

  async function zoneCounts(siteId: string | undefined) {
    const [row] = await test.dataSource.query(
      `SELECT (SELECT count(*)::int FROM zones WHERE site_id = $1) AS zones,
              (SELECT count(*)::int FROM zone_versions v JOIN zones z ON z.id = v.zone_id WHERE z.site_id = $1) AS versions`,
      [siteId],
    );
    return row;
  }

  it('imports the good features of a mixed collection; each bad one is reported by index and leaves nothing behind', async () => {
    const site = await map.site(team.staff);
    const foreignSite = await map.site(await map.people.user({ role: 'service' }));
    const centre = site.geometry.coordinates as [number, number];
    const square = squareAround(centre, 80);
    const bowTie = {
      type: 'Polygon',
      coordinates: [[offset(centre, -50, -50), offset(centre, 50, 50), offset(centre, 50, -50), offset(centre, -50, 50), offset(centre, -50, -50)]],
    };
    const feature = (geometry: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', geometry, properties });
    const collection = {
      type: 'FeatureCollection',
      name: 'Från QGIS',
      features: [
        feature(square, { siteId: site.id, name: 'Importerad ruta', notes: 'Från fil', id: 'ignored', status: 'agreed', fill: '#f00' }),
        feature(bowTie, { siteId: site.id, name: 'Fluga' }),
        feature(square, { name: 'Utan plats' }),
        feature(null, { siteId: site.id, name: 'Importerad cirkel', radiusMeters: 120, schedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1], from: '08:00', to: '12:00' }] } }),
        { type: 'Point', coordinates: centre },
        feature(squareAround((foreignSite.geometry.coordinates as [number, number]), 50), { siteId: foreignSite.id, name: 'Annans plats' }),
        feature({ type: 'Polygon', coordinates: [square.coordinates[0].slice(0, 4)] }, { siteId: site.id, name: 'Öppen ring' }),
        feature(squareAround(offset(centre, 5000, 0), 50), { siteId: site.id, name: 'Långt bort' }),
        feature(square, { siteId: site.id, name: 'Fel schema', schedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1], from: '8', to: '12:00' }] } }),
        feature(square, { siteId: site.id, name: '' }),
      ],
    };
    const response = await team.staff.post('/api/zones/import', collection);
    expect(response.status).toBe(200);
    expect(response.body.created.map((zone: ZoneFeature) => zone.properties.name)).toEqual(['Importerad ruta', 'Importerad cirkel']);
    expect(response.body.created[0].properties).toMatchObject({ status: 'proposed', version: 1, notes: 'Från fil', siteId: site.id });
    expect(response.body.created[0].geometry).toEqual(square);
    expect(response.body.created[1].properties.schedule).toEqual({ timezone: 'Europe/Stockholm', windows: [{ days: [1], from: '08:00', to: '12:00' }] });
    expect(response.body.created[1].geometry.type).toBe('Polygon');
    expect(response.body.errors).toEqual([
      { index: 1, message: expect.stringMatching(/^geometry: is not a valid shape by OGC rules: Self-intersection/) },
      { index: 2, message: expect.stringMatching(/^siteId: must be a UUID/) },
      { index: 4, message: 'feature: is not a GeoJSON Feature' },
      { index: 5, message: expect.stringMatching(/own organisation/) },
      { index: 6, message: 'geometry.coordinates[0]: the ring is not closed: its last position must equal its first' },
      { index: 7, message: expect.stringMatching(/^geometry: lies farther than 2000 m from its site/) },
      { index: 8, message: expect.stringMatching(/^schedule\.windows\[0\]\.from: must be a time "HH:MM"/) },
      { index: 9, message: expect.stringMatching(/^name: /) },
    ]);
    expect(await zoneCounts(site.id)).toEqual({ zones: 2, versions: 2 });
    expect(await zoneCounts(foreignSite.id)).toEqual({ zones: 0, versions: 0 });
  });

  it('refuses what is not a FeatureCollection as a whole', async () => {
    for (const [body, message] of [
      [{ type: 'Feature', geometry: null, properties: {} }, /^type: the body must be a GeoJSON FeatureCollection/],
      [[], /^type: /],
      [{ type: 'FeatureCollection' }, /^features: must be an array/],
      [{ type: 'FeatureCollection', features: [] }, /^features: holds no Feature/],
      [{ type: 'FeatureCollection', features: Array.from({ length: 501 }, () => ({})) }, /^features: holds 501 Features; at most 500/],
    ] as const) {
      const response = await team.staff.post('/api/zones/import', body);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
    }
  });

  describe('export', () => {
    let site: SiteFeature;
    let centre: [number, number];
    const zones: Record<string, ZoneFeature> = {};

    beforeAll(async () => {
      site = await map.site(team.staff);
      centre = site.geometry.coordinates as [number, number];
      const clockwise = squareAround(centre, 60);
      clockwise.coordinates[0].reverse();
      zones.always = await map.agree(team, await map.zone(team.staff, site, { name: 'Alltid <&> "citat"', geometry: clockwise }));
      zones.mondays = await map.agree(
        team,
        await map.zone(team.staff, site, { name: 'Måndagar', radiusMeters: 40, schedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1], from: '08:00', to: '12:00' }] } }),
      );
      zones.proposed = await map.zone(team.staff, site, { name: 'Förslag', radiusMeters: 30 });
      zones.suspended = await map.agree(team, await map.zone(team.staff, site, { name: 'Upphävd', radiusMeters: 20 }));
      await team.policeSignatory.post(`/api/zones/${zones.suspended.id}/suspend`, { reason: 'Test' });
      const withHole = {
        type: 'Polygon',
        coordinates: [squareAround(offset(centre, 400, 0), 100).coordinates[0], squareAround(offset(centre, 400, 0), 20).coordinates[0]],
      };
      zones.changing = await map.agree(team, await map.zone(team.staff, site, { name: 'Med hål', geometry: withHole }));
      await team.staff.patch(`/api/zones/${zones.changing.id}`, { version: 1, geometry: squareAround(offset(centre, 400, 0), 150) });
    });

    type ExportedFeature = { properties: Record<string, unknown> | null };
    const ours = <T extends ExportedFeature>(features: T[]) =>
      features.filter((feature) => Object.values(zones).some((zone) => zone.id === (feature.properties?.id ?? feature.properties?.zoneId)));

    it('GeoJSON: the zones in force at `at`, with the agreed shape, outer rings counter-clockwise (RFC 7946)', async () => {
      const response = await team.police.get('/api/zones/export?format=geojson&at=2026-05-05T10:00:00%2B02:00');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="samverkan-zones-2026-05-05.geojson"');
      const exported = ours(response.body.features);
      // A Tuesday: the Monday zone is not in force; the proposal and the suspended zone never are.
      expect(exported.map((feature) => feature.properties!.name).sort()).toEqual(['Alltid <&> "citat"', 'Med hål']);
      const always = exported.find((feature) => feature.properties!.id === zones.always.id) as unknown as ZoneFeature;
      const ring = (always.geometry.coordinates as number[][][])[0];
      expect(signedArea(ring)).toBeGreaterThan(0);
      expect(ring.slice().sort()).toEqual((zones.always.geometry.coordinates as number[][][])[0].slice().sort());
      expect(always.properties).toMatchObject({ inForce: true, until: null, agreedVersion: 1, siteName: site.properties.name, scheduleText: ['Alltid'] });

      // The agreed version 1 (with its hole, clockwise), not the proposed version 2.
      const changing = exported.find((feature) => feature.properties!.id === zones.changing.id) as unknown as ZoneFeature;
      const [outer, hole] = changing.geometry.coordinates as number[][][];
      expect(signedArea(outer)).toBeGreaterThan(0);
      expect(signedArea(hole)).toBeLessThan(0);
      expect(changing.properties).toMatchObject({ status: 'proposed', agreedVersion: 1 });

      const monday = await team.police.get('/api/zones/export?at=2026-05-04T10:00:00%2B02:00');
      expect(ours(monday.body.features).map((feature) => feature.properties!.name)).toContain('Måndagar');
    });

    it('KML 2.2 that a KML parser reads, names escaped', async () => {
      const response = await team.police.get('/api/zones/export?format=kml&at=2026-05-04T10:00:00%2B02:00');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.google-earth\.kml\+xml/);
      expect(response.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<kml xmlns="http:\/\/www\.opengis\.net\/kml\/2\.2">/);
      expect(response.body).toContain('<name>Alltid &lt;&amp;&gt; &quot;citat&quot;</name>');
      const parsed = parseKml(response.body);
      const placemarks = parsed.features.filter((feature) => Object.values(zones).some((zone) => zone.id === feature.properties?.zoneId));
      expect(placemarks.map((placemark) => placemark.properties?.name).sort()).toEqual(['Alltid <&> "citat"', 'Med hål', 'Måndagar']);
      const always = placemarks.find((placemark) => placemark.properties?.zoneId === zones.always.id)!;
      expect(always.geometry?.type).toBe('Polygon');
      const ring = (always.geometry as { coordinates: number[][][] }).coordinates[0];
      expect(signedArea(ring)).toBeGreaterThan(0);
      expect(ring.slice().sort()).toEqual((zones.always.geometry.coordinates as number[][][])[0].slice().sort());
      const mondays = placemarks.find((placemark) => placemark.properties?.zoneId === zones.mondays.id)!;
      expect(mondays.properties).toMatchObject({ until: '2026-05-04T12:00:00.000+02:00', siteName: site.properties.name });
      expect(mondays.properties?.description).toContain('Tider: Mån 08:00–12:00');
      const withHole = placemarks.find((placemark) => placemark.properties?.zoneId === zones.changing.id)!;
      expect((withHole.geometry as { coordinates: number[][][] }).coordinates).toHaveLength(2);
      expect((await team.police.get('/api/zones/export?format=gpx')).status).toBe(400);
    });

    it('an exported file imports again, as new proposals', async () => {
      const exported = await team.police.get('/api/zones/export?format=geojson');
      const mine = ours(exported.body.features);
      const reimported = await team.signatory.post('/api/zones/import', { type: 'FeatureCollection', features: mine });
      expect(reimported.body.errors).toEqual([]);
      expect(reimported.body.created).toHaveLength(mine.length);
      expect(reimported.body.created.every((zone: ZoneFeature) => zone.properties.status === 'proposed' && zone.properties.version === 1)).toBe(true);
    });
  });
});
