import { EventEmitter2 } from '@nestjs/event-emitter';
import type { SiteFeature } from '@samverkan/contracts';
import { DOMAIN_EVENTS, type SiteChangedEvent } from '../../apps/api/src/common/domain-events';
import { unique } from '../support/factories';
import { parseKml } from '../support/kml';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, offset, point, squareAround, uniqueSpot } from '../support/zone-factories';

describe('sites', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  const siteEvents: SiteChangedEvent[] = [];

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    test.app.get(EventEmitter2).on(DOMAIN_EVENTS.siteChanged, (event: SiteChangedEvent) => siteEvents.push(event));
  });
  afterAll(() => test.close());

  it('service staff create a site for their organisation; everyone signed in reads it', async () => {
    const spot = uniqueSpot();
    const body = {
      name: 'Mottagningen 🏥 <b>&</b>',
      type: 'ost_clinic',
      location: point(spot),
      address: 'Storgatan 1',
      openingHours: 'Mån–fre 08–15',
      description: '  mellanslag sparas  ',
    };
    const created = await team.staff.post('/api/sites', body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      type: 'Feature',
      id: created.body.properties.id,
      geometry: { type: 'Point', coordinates: spot },
      properties: {
        id: expect.any(String),
        name: body.name,
        type: 'ost_clinic',
        organisationId: team.organisation.id,
        address: 'Storgatan 1',
        openingHours: 'Mån–fre 08–15',
        description: '  mellanslag sparas  ',
        version: 1,
        updatedAt: expect.any(String),
        // Extension: no schedule given, so nothing is claimed about now.
        openingSchedule: null,
        openNow: null,
        closesAt: null,
        nextOpenAt: null,
        // Extension: no public phone number given.
        phone: null,
      },
    });
    for (const reader of [team.police, team.coordinator, team.signatory, await map.people.user({ role: 'service' })]) {
      const read = await reader.get(`/api/sites/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    }
    expect(siteEvents.filter((event) => event.site.id === created.body.id)).toEqual([{ change: 'created', site: created.body, actorId: team.staff.user.id }]);
  });

  it('who may create: service staff for their own organisation, coordinators and admins naming a service organisation, never police', async () => {
    const location = point(uniqueSpot());
    const police = await team.policeSignatory.post('/api/sites', { name: 'Polisens', type: 'other', location });
    expect(police.status).toBe(403);
    const other = await map.people.organisation('service');
    const foreign = await team.staff.post('/api/sites', { name: 'Annans', type: 'other', location, organisationId: other.id });
    expect(foreign.status).toBe(403);
    const own = await team.staff.post('/api/sites', { name: 'Egen', type: 'other', location, organisationId: team.organisation.id });
    expect(own.status).toBe(201);

    const unnamed = await team.coordinator.post('/api/sites', { name: 'Samordnad', type: 'outreach', location });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.message).toMatch(/^organisationId: is required/);
    const policeOrg = await map.people.organisation('police');
    const wrongKind = await team.coordinator.post('/api/sites', { name: 'Samordnad', type: 'outreach', location, organisationId: policeOrg.id });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.message).toMatch(/^organisationId: must name a service organisation \(this one is police\)/);
    const missing = await team.coordinator.post('/api/sites', { name: 'x', type: 'outreach', location, organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.body.message).toMatch(/^organisationId: names no organisation/);
    const byCoordinator = await team.coordinator.post('/api/sites', { name: 'Samordnad', type: 'outreach', location, organisationId: other.id });
    expect(byCoordinator.status).toBe(201);
    expect(byCoordinator.body.properties.organisationId).toBe(other.id);
    const byAdmin = await map.people.admin.post('/api/sites', { name: 'Admins', type: 'naloxone', location, organisationId: other.id });
    expect(byAdmin.status).toBe(201);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const location = point(uniqueSpot());
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ type: 'other', location }, /^name: /],
      [{ name: '', type: 'other', location }, /^name: /],
      [{ name: 'x', type: 'clinic', location }, /^type: must be one of needle_exchange, /],
      [{ name: 'x', type: 'other' }, /^location: is required/],
      [{ name: 'x', type: 'other', location: { type: 'Point', coordinates: [13, 95] } }, /^location\.coordinates: latitude 95 is outside \[-90, 90\]/],
      [{ name: 'x', type: 'other', location: { type: 'Point', coordinates: [200, 55] } }, /^location\.coordinates: longitude 200 is outside/],
      [{ name: 'x', type: 'other', location: { type: 'Point', coordinates: ['13', 55] } }, /^location\.coordinates: longitude must be a finite number/],
      [{ name: 'x', type: 'other', location: { type: 'Polygon', coordinates: [] } }, /^location\.type: "Polygon" is not allowed; must be "Point"/],
      [{ name: 'x', type: 'other', location: [13, 55] }, /^location: must be a GeoJSON object of type Point/],
      [{ name: 'x', type: 'other', location, address: 'a'.repeat(501) }, /^address: /],
      [{ name: 'x', type: 'other', location, description: 'Nul \u0000' }, /^description: /],
      [{ name: 'x', type: 'other', location, version: 3 }, /^version: property version should not exist/],
    ];
    for (const [body, message] of cases) {
      const response = await team.staff.post('/api/sites', body);
      expect({ body, status: response.status, message: response.body.message }).toEqual({ body, status: 400, message: expect.stringMatching(message) });
    }
  });

  it('keeps a public phone number, checked as a phone number and not refused by the identity guard', async () => {
    const location = point(uniqueSpot());
    const created = await team.staff.post('/api/sites', { name: 'Naloxonpunkten', type: 'naloxone', location, phone: '+46 (0)40-628 04 42' });
    expect(created.status).toBe(201);
    expect(created.body.properties.phone).toBe('+46 (0)40-628 04 42');

    // The same number in a free text is still refused: there it could be anyone's.
    const described = await team.staff.post('/api/sites', { name: 'x', type: 'naloxone', location, description: 'Ring 040-628 04 42' });
    expect(described.body.details).toEqual([expect.objectContaining({ field: 'description', reason: 'phone_number' })]);

    for (const phone of ['ring oss', '040--628', '040-628 04 42 eller 0701', '12', 'info@example.org', '+46 40 628 04 42 12 34 56 7', 42]) {
      const refused = await team.staff.post('/api/sites', { name: 'x', type: 'naloxone', location, phone });
      expect({ phone, status: refused.status, details: refused.body.details }).toEqual({
        phone,
        status: 400,
        details: [{ field: 'phone', reason: 'not_a_phone_number', message: expect.stringMatching(/^must be a phone number/) }],
      });
    }

    const site = created.body as SiteFeature;
    const changed = await team.staff.patch(`/api/sites/${site.id}`, { version: 1, phone: '040-628 04 43' });
    expect(changed.body.properties).toMatchObject({ phone: '040-628 04 43', version: 2 });
    expect((await team.staff.patch(`/api/sites/${site.id}`, { version: 2, phone: 'ring oss' })).status).toBe(400);
    const removed = await team.staff.patch(`/api/sites/${site.id}`, { version: 2, phone: null });
    expect(removed.body.properties).toMatchObject({ phone: null, version: 3 });
    expect((await team.police.get(`/api/sites/${site.id}`)).body.properties.phone).toBeNull();
  });

  it('edits need the version read: a stale one is a 409; police and other organisations may not edit', async () => {
    const site = await map.site(team.staff);
    const renamed = await team.signatory.patch(`/api/sites/${site.id}`, { version: 1, name: 'Nytt namn', address: null });
    expect(renamed.status).toBe(200);
    expect(renamed.body.properties).toMatchObject({ name: 'Nytt namn', version: 2, address: null, type: site.properties.type });
    const stale = await team.staff.patch(`/api/sites/${site.id}`, { version: 1, name: 'Gammal läsning' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/version 2, not 1/);
    expect((await team.staff.patch(`/api/sites/${site.id}`, { name: 'Utan version' })).status).toBe(400);
    expect((await team.staff.patch(`/api/sites/${site.id}`, { version: 2 })).status).toBe(400);
    expect((await team.staff.patch(`/api/sites/${site.id}`, { version: 2, name: null })).status).toBe(400);

    expect((await team.policeSignatory.patch(`/api/sites/${site.id}`, { version: 2, name: 'Polisen' })).status).toBe(403);
    const outsider = await map.people.user({ role: 'service', canSign: true });
    expect((await outsider.patch(`/api/sites/${site.id}`, { version: 2, name: 'Annan' })).status).toBe(403);
    expect((await outsider.delete(`/api/sites/${site.id}`)).status).toBe(403);

    const other = await map.people.organisation('service');
    expect((await team.staff.patch(`/api/sites/${site.id}`, { version: 2, organisationId: other.id })).status).toBe(403);
    const handedOver = await team.coordinator.patch(`/api/sites/${site.id}`, { version: 2, organisationId: other.id });
    expect(handedOver.body.properties).toMatchObject({ organisationId: other.id, version: 3 });
    expect((await team.staff.patch(`/api/sites/${site.id}`, { version: 3, name: 'Inte längre vår' })).status).toBe(403);

    const unknown = await team.staff.get('/api/sites/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect((await team.staff.get('/api/sites/not-a-uuid')).status).toBe(400);
  });

  it('a site cannot move away from its zones', async () => {
    const site = await map.site(team.staff);
    const centre = site.geometry.coordinates as [number, number];
    await map.zone(team.staff, site, { name: 'Kring platsen', geometry: squareAround(centre, 100) });
    const near = await team.staff.patch(`/api/sites/${site.id}`, { version: 1, location: point(offset(centre, 500, 0)) });
    expect(near.status).toBe(200);
    expect(near.body.geometry.coordinates).toEqual(offset(centre, 500, 0));
    const far = await team.staff.patch(`/api/sites/${site.id}`, { version: 2, location: point(offset(centre, 3000, 0)) });
    expect(far.status).toBe(409);
    expect(far.body.message).toMatch(/more than 2000 m from it: "Kring platsen" \(\d+ m\)/);
    expect(far.body.details).toEqual([expect.objectContaining({ field: 'location', reason: 'zones_out_of_reach' })]);
  });

  it('lists by bounding box and type', async () => {
    const spot = uniqueSpot();
    const a = await map.site(team.staff, { at: spot, type: 'naloxone' });
    const b = await map.site(team.staff, { at: offset(spot, 300, 0), type: 'outreach' });
    const [minLng, minLat] = offset(spot, -50, -50);
    const [maxLng, maxLat] = offset(spot, 350, 50);
    const all = await team.police.get(`/api/sites?bbox=${minLng},${minLat},${maxLng},${maxLat}`);
    expect(all.body.type).toBe('FeatureCollection');
    expect(all.body.features.map((site: SiteFeature) => site.id).sort()).toEqual([a.id, b.id].sort());
    const naloxone = await team.police.get(`/api/sites?bbox=${minLng},${minLat},${maxLng},${maxLat}&type=naloxone`);
    expect(naloxone.body.features.map((site: SiteFeature) => site.id)).toEqual([a.id]);
    const both = await team.police.get(`/api/sites?bbox=${minLng},${minLat},${maxLng},${maxLat}&type=naloxone,outreach`);
    expect(both.body.features).toHaveLength(2);
    const westOnly = await team.police.get(`/api/sites?bbox=${minLng},${minLat},${offset(spot, 100, 0)[0]},${maxLat}`);
    expect(westOnly.body.features.map((site: SiteFeature) => site.id)).toEqual([a.id]);

    for (const query of ['bbox=1,2,3', 'bbox=a,b,c,d', 'bbox=10,50,5,60', 'bbox=-200,0,0,10', 'type=clinic']) {
      const response = await team.police.get(`/api/sites?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^(bbox|type): /);
    }
  });

  it('deleting: refused while a zone is under an agreement; other zones are withdrawn with the site; the history stays', async () => {
    const site = await map.site(team.staff);
    const agreedZone = await map.agree(team, await map.zone(team.staff, site, { name: 'Överenskommen' }));
    const proposal = await map.zone(team.staff, site, { name: 'Förslag' });

    const refused = await team.staff.delete(`/api/sites/${site.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/zones under an agreement: "Överenskommen"\. Withdraw them before deleting the site/);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'id', reason: 'zones_under_agreement' })]);
    expect((await team.police.get(`/api/sites/${site.id}`)).status).toBe(200);

    await team.signatory.post(`/api/zones/${agreedZone.id}/withdraw`, { reason: 'Platsen stänger' });
    expect((await team.policeSignatory.delete(`/api/sites/${site.id}`)).status).toBe(403);
    const deleted = await team.staff.delete(`/api/sites/${site.id}`);
    expect(deleted.status).toBe(204);
    expect((await team.police.get(`/api/sites/${site.id}`)).status).toBe(404);
    expect((await team.staff.delete(`/api/sites/${site.id}`)).status).toBe(404);
    expect((await team.staff.patch(`/api/sites/${site.id}`, { version: 1, name: 'x' })).status).toBe(404);
    const afterwards = await team.police.get(`/api/zones/${proposal.id}`);
    expect(afterwards.body.properties).toMatchObject({ status: 'withdrawn', statusReason: 'The site was deleted' });
    expect((await team.staff.post('/api/zones', { siteId: site.id, name: 'x', radiusMeters: 50 })).body.message).toMatch(/^siteId: names no site/);

    const audit = await team.police.get(`/api/audit?entity=site&entityId=${site.id}`);
    expect(audit.body.map((event: { action: string }) => event.action)).toEqual(['create', 'delete']);
    expect(audit.body[1].before).toMatchObject({ id: site.id, properties: { name: site.properties.name } });
    expect(siteEvents.filter((event) => event.site.id === site.id).map((event) => event.change)).toEqual(['created', 'deleted']);
  });

  it('exports every site as GeoJSON and as KML that a KML parser reads', async () => {
    const tricky = `Plats <"&'> ${unique('ÅÄÖ')} 🚑 \u0007`;
    const site = await map.site(team.staff, { name: tricky, type: 'naloxone' });

    const geojson = await team.police.get('/api/sites/export?format=geojson');
    expect(geojson.status).toBe(200);
    expect(geojson.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const collection = geojson.body;
    const exported = collection.features.find((feature: { id: string }) => feature.id === site.id);
    expect(exported).toMatchObject({ type: 'Feature', geometry: site.geometry, properties: { name: tricky, type: 'naloxone', organisationName: team.organisation.name } });

    const kml = await team.police.get('/api/sites/export?format=kml');
    expect(kml.headers.get('content-type')).toMatch(/^application\/vnd\.google-earth\.kml\+xml/);
    expect(kml.headers.get('content-disposition')).toMatch(/attachment; filename="samverkan-sites-\d{4}-\d{2}-\d{2}\.kml"/);
    const parsed = parseKml(kml.body);
    const placemark = parsed.features.find((feature) => feature.properties?.siteId === site.id);
    // The bell character cannot be carried by XML 1.0: it is replaced, the rest comes through exactly.
    expect(placemark?.properties?.name).toBe(tricky.replace('\u0007', '\uFFFD'));
    expect(placemark?.geometry).toEqual({ type: 'Point', coordinates: site.geometry.coordinates });
    expect(placemark?.properties?.description).toContain('Naloxon');
    expect((await team.police.get('/api/sites/export?format=shp')).status).toBe(400);
  });
});
