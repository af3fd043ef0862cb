import type { AuditEvent, ZoneFeature, ZoneHistory } from '@samverkan/contracts';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, squareAround } from '../support/zone-factories';

// Extension: `approve: true` on POST /api/zones and PATCH /api/zones/:id records the proposer's approval in the
// same transaction as the new version.
describe('zones: a signatory who proposes approves for their side in the same step', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
  });
  afterAll(() => test.close());

  const zoneActions = async (zoneId: string): Promise<string[]> => {
    const history = await team.coordinator.get<ZoneHistory>(`/api/zones/${zoneId}/history`);
    return history.body.events.map((event: AuditEvent) => event.action);
  };

  it("records the proposer's side on a new zone and on a new version, one audit trail, and the other side agrees it", async () => {
    const site = await map.site(team.staff);
    const created = await team.signatory.post<ZoneFeature>('/api/zones', {
      siteId: site.id,
      name: 'Zon med godkännande',
      radiusMeters: 80,
      approve: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.properties).toMatchObject({
      status: 'proposed',
      version: 1,
      agreedVersion: null,
      approvals: [
        { version: 1, side: 'service', userId: team.signatory.user.id, organisationId: team.organisation.id },
      ],
    });
    expect(await zoneActions(created.body.properties.id)).toEqual(['create', 'approve']);

    // The police side is all that is missing: its approval agrees version 1.
    const agreed = await team.policeSignatory.post<ZoneFeature>(`/api/zones/${created.body.properties.id}/approve`, {
      version: 1,
    });
    expect(agreed.body.properties).toMatchObject({ status: 'agreed', agreedVersion: 1 });

    // A new version proposed and approved at once: version 1 stays in force, version 2 waits for the police.
    const centre = site.geometry.coordinates as [number, number];
    const edited = await team.signatory.patch<ZoneFeature>(`/api/zones/${created.body.properties.id}`, {
      version: 1,
      geometry: squareAround(centre, 60),
      approve: true,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.properties).toMatchObject({ status: 'proposed', version: 2, agreedVersion: 1 });
    expect(edited.body.properties.approvals).toEqual([
      expect.objectContaining({ version: 2, side: 'service', userId: team.signatory.user.id }),
    ]);
    expect(await zoneActions(created.body.properties.id)).toEqual([
      'create',
      'approve',
      'approve',
      'agree',
      'update',
      'approve',
    ]);
  });

  it('refuses a proposer who may not approve, naming the field and reason, and saves nothing', async () => {
    const site = await map.site(team.staff);
    const refused = await team.staff.post('/api/zones', {
      siteId: site.id,
      name: 'Zon utan signatär',
      radiusMeters: 80,
      approve: true,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.details).toEqual([
      { field: 'approve', message: expect.stringContaining('signatory'), reason: 'not_a_signatory' },
    ]);
    const zones = await team.staff.get<{ features: ZoneFeature[] }>(`/api/zones?siteId=${site.id}`);
    expect(zones.body.features).toEqual([]);

    // A coordinator may propose but signs for no side; the edit is refused whole, the zone keeps version 1.
    const zone = await map.zone(team.staff, site);
    const edit = await team.coordinator.patch(`/api/zones/${zone.properties.id}`, {
      version: 1,
      name: 'Ny version',
      approve: true,
    });
    expect(edit.status).toBe(403);
    expect(edit.body.details).toEqual([expect.objectContaining({ field: 'approve', reason: 'not_a_signatory' })]);
    const unchanged = await team.staff.get<ZoneFeature>(`/api/zones/${zone.properties.id}`);
    expect(unchanged.body.properties).toMatchObject({ version: 1, name: zone.properties.name, approvals: [] });

    // Not a boolean: the validation pipe's field and reason.
    const malformed = await team.signatory.post('/api/zones', {
      siteId: site.id,
      name: 'Zon',
      radiusMeters: 80,
      approve: 'yes',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'approve', reason: 'wrong_type' })]);
  });
});
