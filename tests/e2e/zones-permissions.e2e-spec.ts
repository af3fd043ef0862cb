import type { SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, SignedInClient } from '../support/zone-factories';

type Actor = 'staff' | 'signatory' | 'otherStaff' | 'otherSignatory' | 'police' | 'policeSignatory' | 'coordinator' | 'signingCoordinator' | 'admin';
type Action = 'create' | 'edit' | 'approve' | 'suspend' | 'withdraw';

/** Who may do what to the zones around a site of the team's service organisation. */
const ALLOWED: Record<Action, Actor[]> = {
  create: ['staff', 'signatory', 'coordinator', 'signingCoordinator', 'admin'],
  edit: ['staff', 'signatory', 'coordinator', 'signingCoordinator', 'admin'],
  approve: ['signatory', 'policeSignatory'],
  suspend: ['signatory', 'policeSignatory', 'coordinator', 'signingCoordinator', 'admin'],
  withdraw: ['signatory', 'coordinator', 'signingCoordinator', 'admin'],
};
const ACTORS: Actor[] = ['staff', 'signatory', 'otherStaff', 'otherSignatory', 'police', 'policeSignatory', 'coordinator', 'signingCoordinator', 'admin'];

describe('zone permissions per role and organisation', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  let actors: Record<Actor, SignedInClient>;
  let site: SiteFeature;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    const other = await map.people.organisation('service');
    actors = {
      staff: team.staff,
      signatory: team.signatory,
      otherStaff: await map.people.user({ role: 'service', organisationId: other.id }),
      otherSignatory: await map.people.user({ role: 'service', canSign: true, organisationId: other.id }),
      police: team.police,
      policeSignatory: team.policeSignatory,
      coordinator: team.coordinator,
      // canSign means nothing for a coordinator: they sign for neither side.
      signingCoordinator: await map.people.user({ role: 'coordinator', canSign: true }),
      admin: await map.people.user({ role: 'admin' }),
    };
    site = await map.site(team.staff);
  });
  afterAll(() => test.close());

  const freshZone = () => map.zone(team.staff, site);
  const freshAgreedZone = async () => map.agree(team, await freshZone());

  const attempt: Record<Action, (by: SignedInClient, zone: ZoneFeature) => Promise<{ status: number; body: any }>> = {
    create: (by) => by.post('/api/zones', { siteId: site.id, name: 'Försök', radiusMeters: 50 }),
    edit: (by, zone) => by.patch(`/api/zones/${zone.id}`, { version: zone.properties.version, notes: 'Ändrad' }),
    approve: (by, zone) => by.post(`/api/zones/${zone.id}/approve`, { version: zone.properties.version }),
    suspend: (by, zone) => by.post(`/api/zones/${zone.id}/suspend`, { reason: 'Försök' }),
    withdraw: (by, zone) => by.post(`/api/zones/${zone.id}/withdraw`, { reason: 'Försök' }),
  };

  const cases = (Object.keys(ALLOWED) as Action[]).flatMap((action) => ACTORS.map((actor) => [action, actor, ALLOWED[action].includes(actor)] as const));

  it.each(cases)('%s by %s: allowed = %s', async (action, actor, allowed) => {
    const zone = action === 'suspend' ? await freshAgreedZone() : await freshZone();
    const before = (await team.police.get(`/api/zones/${zone.id}`)).body;
    const response = await attempt[action](actors[actor], zone);
    if (allowed) {
      expect(response.status).toBe(action === 'create' ? 201 : 200);
      return;
    }
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
    expect((await team.police.get(`/api/zones/${zone.id}`)).body).toEqual(before);
  });

  it('the side of an approval is the signatory’s organisation kind', async () => {
    const zone = await freshZone();
    const police = await attempt.approve(team.policeSignatory, zone);
    expect(police.body.properties.approvals).toEqual([expect.objectContaining({ side: 'police', organisationId: team.policeSignatory.organisationId })]);
    // Another police signatory cannot give the service side's approval.
    const secondPolice = await map.people.user({ role: 'police', canSign: true });
    expect((await attempt.approve(secondPolice, zone)).status).toBe(409);
  });

  it('everyone signed in reads every zone, its history and the check; nobody unsigned does', async () => {
    const zone = await freshZone();
    for (const actor of ACTORS) {
      const by = actors[actor];
      expect((await by.get(`/api/zones/${zone.id}`)).status).toBe(200);
      expect((await by.get(`/api/zones/${zone.id}/history`)).status).toBe(200);
      expect((await by.get(`/api/zones?siteId=${site.id}`)).status).toBe(200);
      const [lng, lat] = site.geometry.coordinates;
      expect((await by.get(`/api/zones/check?lat=${lat}&lng=${lng}`)).status).toBe(200);
    }
    const anonymous = await fetch(`${test.baseUrl}/api/zones/${zone.id}`);
    expect(anonymous.status).toBe(401);
  });

  it('police may not import zones', async () => {
    const response = await team.policeSignatory.post('/api/zones/import', { type: 'FeatureCollection', features: [] });
    expect(response.status).toBe(403);
  });
});
