import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ZoneFeature } from '@samverkan/contracts';
import { DOMAIN_EVENTS, type SiteChangedEvent, type ZoneChangedEvent } from '../../apps/api/src/common/domain-events';
import { unique } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, offset, squareAround } from '../support/zone-factories';

describe('zone agreements: the life cycle', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  const zoneEvents: ZoneChangedEvent[] = [];
  const siteEvents: SiteChangedEvent[] = [];

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    const events = test.app.get(EventEmitter2);
    events.on(DOMAIN_EVENTS.zoneChanged, (event: ZoneChangedEvent) => zoneEvents.push(event));
    events.on(DOMAIN_EVENTS.siteChanged, (event: SiteChangedEvent) => siteEvents.push(event));
  });
  afterAll(() => test.close());

  const approve = (client: MapTeam['staff'], zone: { id?: string | number }, version: number) =>
    client.post(`/api/zones/${zone.id}/approve`, { version });
  const eventsFor = (id: string) => zoneEvents.filter((event) => event.zone.id === id);

  it('proposed → approved by one side → agreed by both; an edit keeps the agreed version in force until the new one is agreed', async () => {
    const site = await map.site(team.staff);
    expect(siteEvents.find((event) => event.site.id === site.id)).toMatchObject({ change: 'created', actorId: team.staff.user.id });
    const centre = site.geometry.coordinates as [number, number];
    const created = await map.zone(team.staff, site, { name: 'Zon A', notes: 'Kring entrén' });
    expect(created).toMatchObject({
      type: 'Feature',
      id: created.properties.id,
      geometry: squareAround(centre, 100),
      properties: {
        siteId: site.id,
        name: 'Zon A',
        status: 'proposed',
        version: 1,
        schedule: null,
        validFrom: null,
        validUntil: null,
        inForce: false,
        agreedVersion: null,
        approvals: [],
        notes: 'Kring entrén',
        organisationId: team.organisation.id,
        agreed: null,
      },
    });
    expect(eventsFor(created.id as string)).toEqual([
      { change: 'created', zone: created, organisationId: team.organisation.id, actorId: team.staff.user.id },
    ]);

    const byPolice = await approve(team.policeSignatory, created, 1);
    expect(byPolice.status).toBe(200);
    expect(byPolice.body.properties).toMatchObject({
      status: 'proposed',
      inForce: false,
      approvals: [{ version: 1, side: 'police', userId: team.policeSignatory.user.id, organisationId: team.policeSignatory.organisationId, at: expect.any(String) }],
    });
    const bySameSideAgain = await approve(team.policeSignatory, created, 1);
    expect(bySameSideAgain.status).toBe(409);
    expect(bySameSideAgain.body.message).toMatch(/already approved for the police side/);

    const byService = await approve(team.signatory, created, 1);
    expect(byService.status).toBe(200);
    expect(byService.body.properties).toMatchObject({ status: 'agreed', agreedVersion: 1, inForce: true, until: null, nextInForceAt: null });
    expect(byService.body.properties.approvals.map((approval: { side: string }) => approval.side)).toEqual(['police', 'service']);

    // An edit: version 2 is proposed, version 1 stays in force, and the Feature carries both.
    const bigger = squareAround(centre, 150);
    const edited = await team.staff.patch(`/api/zones/${created.id}`, { version: 1, geometry: bigger });
    expect(edited.status).toBe(200);
    expect(edited.body.geometry).toEqual(bigger);
    expect(edited.body.properties).toMatchObject({
      status: 'proposed',
      version: 2,
      agreedVersion: 1,
      inForce: true,
      approvals: [],
      name: 'Zon A',
      notes: 'Kring entrén',
      agreed: { version: 1, name: 'Zon A', geometry: squareAround(centre, 100), schedule: null, validFrom: null, validUntil: null },
    });
    expect(edited.body.properties.agreed.approvals).toHaveLength(2);

    // The position check uses the agreed shape: 120 m east is outside it though inside the proposal.
    const [lng, lat] = offset(centre, 120, 0);
    const check = await team.police.get(`/api/zones/check?lat=${lat}&lng=${lng}&radius=50`);
    expect(check.body.inside.map((zone: { zoneId: string }) => zone.zoneId)).not.toContain(created.id);
    expect(check.body.nearby.find((zone: { zoneId: string }) => zone.zoneId === created.id)).toMatchObject({ inForce: true, name: 'Zon A' });

    // Approving the old version is stale.
    expect((await approve(team.policeSignatory, created, 1)).status).toBe(409);
    expect((await approve(team.policeSignatory, created, 2)).status).toBe(200);
    const agreedV2 = await approve(team.signatory, created, 2);
    expect(agreedV2.body.properties).toMatchObject({ status: 'agreed', version: 2, agreedVersion: 2, inForce: true, agreed: null });
    const insideNow = await team.police.get(`/api/zones/check?lat=${lat}&lng=${lng}&radius=50`);
    expect(insideNow.body.inside.find((zone: { zoneId: string }) => zone.zoneId === created.id)).toMatchObject({ inForce: true, distanceMeters: 0 });

    // History: both versions with their geometry and approvals, and the audit trail in order.
    const history = await team.police.get(`/api/zones/${created.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.versions).toMatchObject([
      { version: 1, geometry: squareAround(centre, 100), agreedAt: expect.any(String), createdBy: team.staff.user.id, radiusMeters: null },
      { version: 2, geometry: bigger, agreedAt: expect.any(String) },
    ]);
    expect(history.body.versions[0].approvals).toHaveLength(2);
    expect(history.body.versions[1].approvals).toEqual([
      expect.objectContaining({ side: 'police', supersededAt: null }),
      expect.objectContaining({ side: 'service', supersededAt: null }),
    ]);
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual([
      'create',
      'approve',
      'approve',
      'agree',
      'update',
      'approve',
      'approve',
      'agree',
    ]);
    expect(eventsFor(created.id as string).map((event) => event.change)).toEqual(['created', 'updated', 'updated', 'updated', 'updated', 'updated']);
  });

  it('suspension takes effect at once; reinstating needs both sides to approve again; withdrawal ends the zone', async () => {
    const { site, zone } = await map.agreedZone(team);
    const centre = site.geometry.coordinates as [number, number];
    const checkHere = async () => {
      const response = await team.police.get(`/api/zones/check?lat=${centre[1]}&lng=${centre[0]}`);
      return response.body.inside.find((summary: { zoneId: string }) => summary.zoneId === zone.id);
    };
    expect(await checkHere()).toMatchObject({ inForce: true });

    expect((await team.police.post(`/api/zones/${zone.id}/suspend`, { reason: 'x' })).status).toBe(403);
    expect((await team.policeSignatory.post(`/api/zones/${zone.id}/suspend`, {})).status).toBe(400);
    const suspended = await team.policeSignatory.post(`/api/zones/${zone.id}/suspend`, { reason: 'Pågående insats' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.properties).toMatchObject({
      status: 'suspended',
      inForce: false,
      agreedVersion: null,
      approvals: [],
      statusReason: 'Pågående insats',
      nextInForceAt: null,
    });
    expect(await checkHere()).toMatchObject({ inForce: false });
    expect((await team.signatory.post(`/api/zones/${zone.id}/suspend`, { reason: 'igen' })).status).toBe(409);

    // One side is not enough to reinstate.
    expect((await approve(team.signatory, zone, 1)).body.properties).toMatchObject({ status: 'suspended', inForce: false });
    const reinstated = await approve(team.policeSignatory, zone, 1);
    expect(reinstated.body.properties).toMatchObject({ status: 'agreed', agreedVersion: 1, inForce: true, statusReason: null });
    expect(await checkHere()).toMatchObject({ inForce: true });

    // Editing a suspended zone does not bring the old agreement back.
    await team.signatory.post(`/api/zones/${zone.id}/suspend`, { reason: 'Ses över' });
    const editedWhileSuspended = await team.staff.patch(`/api/zones/${zone.id}`, { version: 1, notes: 'Ny avgränsning diskuteras' });
    expect(editedWhileSuspended.body.properties).toMatchObject({ status: 'proposed', version: 2, agreedVersion: null, inForce: false });

    expect((await team.policeSignatory.post(`/api/zones/${zone.id}/withdraw`, { reason: 'x' })).status).toBe(403);
    expect((await team.staff.post(`/api/zones/${zone.id}/withdraw`, { reason: 'x' })).status).toBe(403);
    const withdrawn = await team.signatory.post(`/api/zones/${zone.id}/withdraw`, { reason: 'Verksamheten flyttar' });
    expect(withdrawn.body.properties).toMatchObject({ status: 'withdrawn', inForce: false, statusReason: 'Verksamheten flyttar' });
    expect(await checkHere()).toBeUndefined();
    expect((await team.staff.patch(`/api/zones/${zone.id}`, { version: 2, name: 'Igen' })).status).toBe(409);
    expect((await approve(team.policeSignatory, zone, 2)).status).toBe(409);
    expect((await team.signatory.post(`/api/zones/${zone.id}/withdraw`, { reason: 'igen' })).status).toBe(409);

    // Left out of the map unless asked for.
    const listed = await team.police.get(`/api/zones?siteId=${site.id}`);
    expect(listed.body.features).toEqual([]);
    const withdrawnList = await team.police.get(`/api/zones?siteId=${site.id}&status=withdrawn`);
    expect(withdrawnList.body.features.map((feature: ZoneFeature) => feature.id)).toEqual([zone.id]);

    const history = await team.police.get(`/api/zones/${zone.id}/history`);
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual([
      'create', 'approve', 'approve', 'agree', 'suspend', 'approve', 'approve', 'agree', 'suspend', 'update', 'withdraw',
    ]);
    // The approvals voided by the suspensions are kept, marked.
    const v1Approvals = history.body.versions[0].approvals;
    expect(v1Approvals).toHaveLength(4);
    expect(v1Approvals.every((approval: { supersededAt: string | null }) => approval.supersededAt !== null)).toBe(true);
  });

  it('a proposal never agreed cannot be suspended, only withdrawn', async () => {
    const site = await map.site(team.staff);
    const zone = await map.zone(team.staff, site);
    const response = await team.policeSignatory.post(`/api/zones/${zone.id}/suspend`, { reason: 'Nej' });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/no agreed version/);
    expect((await team.coordinator.post(`/api/zones/${zone.id}/withdraw`, { reason: 'Dubblett' })).status).toBe(200);
  });

  it('a stale version is refused with 409 for edits and approvals, and nothing changes', async () => {
    const site = await map.site(team.staff);
    const zone = await map.zone(team.staff, site);
    const first = await team.staff.patch(`/api/zones/${zone.id}`, { version: 1, name: 'Första ändringen' });
    expect(first.body.properties.version).toBe(2);
    const stale = await team.signatory.patch(`/api/zones/${zone.id}`, { version: 1, name: 'Andra ändringen' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringMatching(/version 2, not 1/) });
    expect((await approve(team.policeSignatory, zone, 1)).status).toBe(409);
    expect((await approve(team.policeSignatory, zone, 3)).status).toBe(409);
    const now = await team.police.get(`/api/zones/${zone.id}`);
    expect(now.body.properties).toMatchObject({ name: 'Första ändringen', version: 2, approvals: [] });

    expect((await team.staff.patch(`/api/zones/${zone.id}`, { name: 'Utan version' })).status).toBe(400);
    const nothing = await team.staff.patch(`/api/zones/${zone.id}`, { version: 2 });
    expect(nothing.status).toBe(400);
    expect(nothing.body.message).toMatch(/^body: give at least one of/);
  });

  it('concurrent approvals by both sides end agreed exactly once', async () => {
    const site = await map.site(team.staff);
    const zone = await map.zone(team.staff, site);
    const [police, service] = await Promise.all([approve(team.policeSignatory, zone, 1), approve(team.signatory, zone, 1)]);
    expect([police.status, service.status]).toEqual([200, 200]);
    const final = await team.police.get(`/api/zones/${zone.id}`);
    expect(final.body.properties).toMatchObject({ status: 'agreed', agreedVersion: 1 });
    const history = await team.police.get(`/api/zones/${zone.id}/history`);
    expect(history.body.events.filter((event: { action: string }) => event.action === 'agree')).toHaveLength(1);
  });

  it('a zone from radiusMeters is a circle around the site computed by PostGIS', async () => {
    const site = await map.site(team.staff);
    const zone = await map.zone(team.staff, site, { radiusMeters: 150, name: unique('Cirkel') });
    expect(zone.geometry.type).toBe('Polygon');
    const ring = (zone.geometry.coordinates as number[][][])[0];
    expect(ring.length).toBeGreaterThan(32);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const [rows] = await Promise.all([
      test.dataSource.query(
        `SELECT min(ST_Distance(d.geom::geography, s.location::geography)) AS near, max(ST_Distance(d.geom::geography, s.location::geography)) AS far
         FROM zone_versions v JOIN zones z ON z.id = v.zone_id JOIN sites s ON s.id = z.site_id, ST_DumpPoints(v.geom) d
         WHERE v.zone_id = $1`,
        [zone.id],
      ),
    ]);
    expect(Number(rows[0].near)).toBeGreaterThan(149);
    expect(Number(rows[0].far)).toBeLessThan(151);
    const history = await team.police.get(`/api/zones/${zone.id}/history`);
    expect(history.body.versions[0].radiusMeters).toBe(150);

    // A new radius on PATCH draws a new circle; an edit of only the notes keeps the shape.
    const wider = await team.staff.patch(`/api/zones/${zone.id}`, { version: 1, radiusMeters: 300 });
    expect(wider.status).toBe(200);
    const notes = await team.staff.patch(`/api/zones/${zone.id}`, { version: 2, notes: 'Samma cirkel' });
    expect(notes.body.geometry).toEqual(wider.body.geometry);
    expect((await team.staff.patch(`/api/zones/${zone.id}`, { version: 3, radiusMeters: 5 })).status).toBe(400);
    expect((await team.staff.post('/api/zones', { siteId: site.id, name: 'x', radiusMeters: 1001 })).status).toBe(400);
  });
});
