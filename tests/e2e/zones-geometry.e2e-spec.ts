import type { SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, offset, squareAround } from '../support/zone-factories';

/** Raw JSON text, so that numbers JSON.stringify cannot write (1e999 parses as Infinity) reach the server. */
const rawBody = (json: string) => ({ rawBody: json, headers: { 'content-type': 'application/json' } });

describe('zone geometry: every refusal is a 400 naming the rule, and changes nothing', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  let site: SiteFeature;
  let centre: [number, number];
  let existing: ZoneFeature;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    site = await map.site(team.staff);
    centre = site.geometry.coordinates as [number, number];
    existing = await map.zone(team.staff, site);
  });
  afterAll(() => test.close());

  /** What a refusal must leave alone: the zones and versions of the site and the audit log. */
  async function snapshot() {
    const [zones] = await test.dataSource.query(
      `SELECT count(*)::int AS zones, (SELECT count(*)::int FROM zone_versions v JOIN zones z ON z.id = v.zone_id WHERE z.site_id = $1) AS versions
       FROM zones WHERE site_id = $1`,
      [site.id],
    );
    const [audit] = await test.dataSource.query(`SELECT max(seq)::text AS seq FROM audit_events`);
    return { ...zones, lastAuditEvent: audit.seq };
  }

  const square = () => squareAround(centre, 100).coordinates[0];
  const polygon = (ring: unknown[]) => ({ type: 'Polygon', coordinates: [ring] });

  const cases: [string, () => unknown, RegExp][] = [
    ['a Point', () => ({ type: 'Point', coordinates: centre }), /^geometry\.type: "Point" is not allowed; must be "Polygon" or "MultiPolygon"/],
    ['a LineString', () => ({ type: 'LineString', coordinates: square() }), /^geometry\.type: "LineString" is not allowed/],
    ['a Feature instead of its geometry', () => ({ type: 'Feature', geometry: polygon(square()), properties: {} }), /^geometry\.type: a Feature is not a geometry/],
    ['a geometry that is not an object', () => 'POLYGON((13 55, 13 56, 14 56, 13 55))', /^geometry: must be a GeoJSON object of type Polygon or MultiPolygon/],
    ['null', () => null, /^geometry: must be a GeoJSON object/],
    ['coordinates of the wrong type', () => ({ type: 'Polygon', coordinates: 'x' }), /^geometry\.coordinates: must be an array of rings/],
    ['an unclosed ring', () => polygon(square().slice(0, 4)), /^geometry\.coordinates\[0\]: the ring is not closed: its last position must equal its first/],
    ['a ring of three positions', () => polygon([square()[0], square()[1], square()[0]]), /^geometry\.coordinates\[0\]: a ring needs at least 4 positions \(got 3\)/],
    ['coordinates nested one level too shallow', () => ({ type: 'Polygon', coordinates: square() }), /nested one level too shallow/],
    // Swapped, Swedish positions are still in range (lng 58, lat 14): the distance rule catches them, with a hint.
    ['swapped coordinates (latitude first)', () => polygon(square().map(([lng, lat]) => [lat, lng])), /^geometry: lies farther than 2000 m from its site; .*: are they swapped\?$/],
    ['swapped coordinates out of range', () => polygon(square().map(([, lat]) => [lat, 100])), /latitude 100 is outside \[-90, 90\]; positions are \[longitude, latitude\]: are they swapped\?/],
    ['a longitude out of range', () => polygon(square().map(([lng, lat]) => [lng + 200, lat])), /^geometry\.coordinates\[0\]\[0\]: longitude \d+(\.\d+)? is outside \[-180, 180\]/],
    ['a latitude out of range', () => polygon(square().map(([lng]) => [lng, -95])), /^geometry\.coordinates\[0\]\[0\]: latitude -95 is outside \[-90, 90\]/],
    ['a number given as a string', () => polygon(square().map(([lng, lat], i) => (i === 1 ? [String(lng), lat] : [lng, lat]))), /^geometry\.coordinates\[0\]\[1\]: longitude must be a finite number \(got a string\)/],
    ['a null coordinate', () => polygon(square().map(([lng], i) => (i === 2 ? [lng, null] : [lng, 58]))), /^geometry\.coordinates\[0\]\[2\]: latitude must be a finite number \(got null\)/],
    ['a position of one number', () => polygon(square().map((position, i) => (i === 2 ? [position[0]] : position))), /a position must hold 2 or 3 numbers/],
    ['a ring of more than 2,000 positions', () => polygon([...Array.from({ length: 2000 }, (_, i) => offset(centre, i / 20, (i % 2) * 5)), offset(centre, 0, 0)]), /^geometry\.coordinates: has 2001 positions; at most 2000 are allowed/],
    ['a bow-tie (self-intersection)', () => polygon([offset(centre, -50, -50), offset(centre, 50, 50), offset(centre, 50, -50), offset(centre, -50, 50), offset(centre, -50, -50)]), /^geometry: is not a valid shape by OGC rules: Self-intersection\[/],
    ['a ring that folds back on itself (no area)', () => polygon([offset(centre, 0, 0), offset(centre, 50, 0), offset(centre, 100, 0), offset(centre, 0, 0)]), /^geometry: is not a valid shape by OGC rules: /],
    ['a hole outside its shell', () => ({ type: 'Polygon', coordinates: [square(), squareAround(offset(centre, 500, 0), 20).coordinates[0]] }), /^geometry: is not a valid shape by OGC rules: Hole lies outside shell/],
    ['overlapping parts of a MultiPolygon', () => ({ type: 'MultiPolygon', coordinates: [[square()], [squareAround(offset(centre, 50, 0), 100).coordinates[0]]] }), /^geometry: is not a valid shape by OGC rules: /],
    ['an area over 5 km²', () => squareAround(centre, 1200), /^geometry: covers 5\.\d\d km²; at most 5 km² is allowed/],
    ['a zone reaching beyond 2 km of its site', () => squareAround(offset(centre, 1900, 0), 200), /^geometry: reaches \d+ m from its site; every part of a zone must be within 2000 m/],
    ['a zone far away from its site', () => squareAround(offset(centre, 30_000, 0), 100), /^geometry: lies farther than 2000 m from its site/],
    ['the whole world', () => polygon([[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]), /^geometry: lies farther than 2000 m from its site/],
  ];

  it.each(cases)('refuses %s when creating', async (_name, geometry, message) => {
    const before = await snapshot();
    const response = await team.staff.post('/api/zones', { siteId: site.id, name: 'Avvisad', geometry: geometry() });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.message).toMatch(message);
    expect(response.body.details[0].field).toMatch(/^geometry/);
    expect(await snapshot()).toEqual(before);
  });

  it.each(cases)('refuses %s when editing', async (_name, geometry, message) => {
    const before = await snapshot();
    const response = await team.staff.patch(`/api/zones/${existing.id}`, { version: 1, geometry: geometry() });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
    expect((await team.staff.get(`/api/zones/${existing.id}`)).body).toEqual({ ...existing, properties: { ...existing.properties, inForce: false } });
  });

  it.each([
    ['Infinity', (ring: string) => ring.replace(/^\[\[(-?[\d.]+)/, '[[1e999')],
    ['-Infinity', (ring: string) => ring.replace(/^\[\[(-?[\d.]+),(-?[\d.]+)/, '[[$1,-1e999')],
  ])('refuses a non-finite number (%s) written in the JSON', async (described, corrupt) => {
    const before = await snapshot();
    const ring = corrupt(JSON.stringify(square()));
    const body = `{"siteId":"${site.id}","name":"Oändlig","geometry":{"type":"Polygon","coordinates":[${ring}]}}`;
    const response = await team.staff.post('/api/zones', undefined, rawBody(body));
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(new RegExp(`must be a finite number \\(got ${described}\\)`));
    expect(await snapshot()).toEqual(before);
  });

  it('lists every structural problem found in details, each naming its position', async () => {
    const ring: unknown[] = square();
    ring[1] = [200, 58];
    ring[2] = [14, 'x'];
    const response = await team.staff.post('/api/zones', { siteId: site.id, name: 'Flera fel', geometry: polygon(ring) });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'geometry.coordinates[0][1]', message: 'longitude 200 is outside [-180, 180]' },
      { field: 'geometry.coordinates[0][2]', message: 'latitude must be a finite number (got a string)' },
    ]);
    expect(response.body.message).toBe('geometry.coordinates[0][1]: longitude 200 is outside [-180, 180]');
  });

  it('needs exactly one of geometry and radiusMeters', async () => {
    const before = await snapshot();
    const neither = await team.staff.post('/api/zones', { siteId: site.id, name: 'Ingen form' });
    expect(neither.status).toBe(400);
    expect(neither.body.message).toMatch(/^geometry: give a geometry \(Polygon or MultiPolygon\) or radiusMeters/);
    const both = await team.staff.post('/api/zones', { siteId: site.id, name: 'Båda', radiusMeters: 100, geometry: squareAround(centre, 50) });
    expect(both.status).toBe(400);
    expect(both.body.message).toMatch(/^geometry: give either geometry or radiusMeters, not both/);
    for (const radiusMeters of [9, 1000.5, '100', -1]) {
      const response = await team.staff.post('/api/zones', { siteId: site.id, name: 'Radie', radiusMeters });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^radiusMeters: /);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses other bad fields: name, siteId, schedule, validity, unknown fields', async () => {
    const before = await snapshot();
    const geometry = squareAround(centre, 50);
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ siteId: site.id, name: '', geometry }, /^name: /],
      [{ siteId: site.id, name: 'x'.repeat(201), geometry }, /^name: /],
      [{ siteId: site.id, name: 'Nul\u0000', geometry }, /^name: /],
      [{ siteId: 'not-a-uuid', name: 'x', geometry }, /^siteId: must be a UUID/],
      [{ siteId: '00000000-0000-4000-8000-000000000000', name: 'x', geometry }, /^siteId: names no site/],
      [{ siteId: site.id, name: 'x', geometry, schedule: { timezone: 'Mars/Olympus', windows: [] } }, /^schedule\.timezone: "Mars\/Olympus" is not an IANA time zone name/],
      [{ siteId: site.id, name: 'x', geometry, schedule: { timezone: 'Europe/Stockholm', windows: [{ days: [8], from: '09:00', to: '17:00' }] } }, /^schedule\.windows\[0\]\.days\[0\]: must be a weekday 1–7/],
      [{ siteId: site.id, name: 'x', geometry, schedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1], from: '25:00', to: '17:00' }] } }, /^schedule\.windows\[0\]\.from: must be a time "HH:MM"/],
      [{ siteId: site.id, name: 'x', geometry, validFrom: '2026-05-01' }, /^validFrom: must be an ISO 8601 time with an offset/],
      [{ siteId: site.id, name: 'x', geometry, validFrom: '2026-05-01T00:00:00+02:00', validUntil: '2026-04-01T00:00:00+02:00' }, /^validUntil: must be later than validFrom/],
      [{ siteId: site.id, name: 'x', geometry, status: 'agreed' }, /^status: property status should not exist/],
    ];
    for (const [body, message] of refusals) {
      const response = await team.staff.post('/api/zones', body);
      expect({ body, status: response.status, message: response.body.message }).toEqual({ body, status: 400, message: expect.stringMatching(message) });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('accepts a clockwise ring, a hole, a MultiPolygon and positions with an altitude (dropped)', async () => {
    const clockwise = { type: 'Polygon', coordinates: [[...square()].reverse()] };
    const created = await team.staff.post('/api/zones', { siteId: site.id, name: 'Medsols', geometry: clockwise });
    expect(created.status).toBe(201);
    expect(created.body.geometry).toEqual(clockwise);

    const withHole = { type: 'Polygon', coordinates: [squareAround(centre, 200).coordinates[0], [...squareAround(centre, 20).coordinates[0]].reverse()] };
    expect((await team.staff.post('/api/zones', { siteId: site.id, name: 'Med hål', geometry: withHole })).body.geometry).toEqual(withHole);

    const multi = { type: 'MultiPolygon', coordinates: [squareAround(offset(centre, -300, 0), 50).coordinates, squareAround(offset(centre, 300, 0), 50).coordinates] };
    const multiResponse = await team.staff.post('/api/zones', { siteId: site.id, name: 'Två delar', geometry: multi });
    expect(multiResponse.body.geometry).toEqual(multi);

    const withAltitude = { type: 'Polygon', coordinates: [square().map(([lng, lat]) => [lng, lat, 12.5])] };
    expect((await team.staff.post('/api/zones', { siteId: site.id, name: 'Höjd', geometry: withAltitude })).body.geometry).toEqual(polygon(square()));
  });
});
