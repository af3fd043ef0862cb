import type { Channel, Message, ZoneFeature, ZoneSummary } from '@samverkan/contracts';
import { ZonesService } from '../../apps/api/src/zones/zones.service';
import { unique } from '../support/factories';
import { connectSocket, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';
import { MapFactory, MapTeam } from '../support/zone-factories';
import type { ApiClient } from '../support/http';

const HOUR = 3600_000;

describe('zone suspensions: said where it matters, and ended by their own end time', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await test.close();
  });

  const socketOf = async (who: { token?: string }) => {
    const socket = await connectSocket(test.baseUrl, who.token!);
    sockets.push(socket);
    return socket;
  };
  const checkAt = async (who: ApiClient, [lng, lat]: [number, number], zoneId: string, at?: Date): Promise<ZoneSummary | undefined> => {
    const response = await who.get(`/api/zones/check?lat=${lat}&lng=${lng}${at ? `&at=${encodeURIComponent(at.toISOString())}` : ''}`);
    expect(response.status).toBe(200);
    return (response.body.inside as ZoneSummary[]).find((summary) => summary.zoneId === zoneId);
  };
  const zoneChannelMessages = async (who: ApiClient, zoneId: string): Promise<Message[]> => {
    const channel = ((await who.get('/api/channels')).body as Channel[]).find((entry) => entry.kind === 'zone' && entry.refId === zoneId)!;
    return (await who.get(`/api/channels/${channel.id}/messages?limit=200`)).body;
  };

  it('a police suspension with an end time: notice on the zone channel, alert to the service signatory, the check says who and why, and the agreed version returns at the end', async () => {
    const { site, zone } = await map.agreedZone(team);
    const centre = site.geometry.coordinates as [number, number];
    const [signatorySocket, staffSocket] = [await socketOf(team.signatory), await socketOf(team.staff)];
    const reason = unique('Pågående insats vid entrén');
    const until = new Date(Date.now() + 2 * HOUR);

    const response = await team.policeSignatory.post(`/api/zones/${zone.id}/suspend`, { reason, until: until.toISOString() });
    expect(response.status).toBe(200);
    const suspended: ZoneFeature = response.body;
    const policeOrganisation = (await team.policeSignatory.get('/api/organisations')).body.find(
      (organisation: { id: string }) => organisation.id === team.policeSignatory.organisationId,
    );
    const suspension = {
      byOrganisationId: team.policeSignatory.organisationId,
      byOrganisationName: policeOrganisation.name,
      since: expect.any(String),
      reason,
      until: until.toISOString(),
    };
    expect(suspended.properties).toMatchObject({ status: 'suspended', inForce: false, suspension });
    expect(Date.parse(suspended.properties.nextInForceAt!)).toBe(until.getTime());
    expect(Date.now() - Date.parse(suspended.properties.suspension!.since)).toBeLessThan(60_000);

    // The service's signatory gets an urgent message from the officer who suspended, over a real socket.
    const alert = await signatorySocket.next('alert', (message) => message.body.includes(reason), 15_000);
    expect(alert).toMatchObject({ priority: 'urgent', authorId: team.policeSignatory.user.id });
    expect(alert.body).toContain(policeOrganisation.name);
    expect(alert.body).toMatch(/upphävd/);
    expect(alert.body).toMatch(/suspended/);
    // Staff who do not sign get the channel notice, not an alert.
    const pending = await staffSocket.request<{ ok: boolean; alerts: Message[] }>('alert:pending', {});
    expect(pending.alerts.filter((message) => message.body.includes(reason))).toEqual([]);

    const notices = await waitFor('the notice on the zone channel', async () =>
      (await zoneChannelMessages(team.staff, zone.id as string)).filter((message) => message.body.includes(reason)),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ authorName: 'Samverkan', priority: 'normal' });

    // The officer's check: inside, not in force, suspended by whom, since when, why and until when.
    const summary = await checkAt(team.police, centre, zone.id as string);
    expect(summary).toMatchObject({ inForce: false, suspension });
    expect(Date.parse(summary!.nextInForceAt!)).toBe(until.getTime());
    // From the end time on, the agreed version applies again, before anything is written.
    expect(await checkAt(team.police, centre, zone.id as string, new Date(until.getTime() + 60_000))).toMatchObject({ inForce: true });
    expect(await checkAt(team.police, centre, zone.id as string, new Date(until.getTime() - 60_000))).toMatchObject({ inForce: false });

    // The job that writes the end down: the agreement and its approvals stand again, audited, with a notice.
    const ended = await test.app.get(ZonesService).endLapsedSuspensions(new Date(until.getTime() + 1000));
    expect(ended.map((feature) => feature.id)).toContain(zone.id);
    const after = await team.police.get(`/api/zones/${zone.id}`);
    expect(after.body.properties).toMatchObject({ status: 'agreed', agreedVersion: 1, inForce: true, statusReason: null, suspension: null });
    expect(after.body.properties.approvals.map((approval: { side: string }) => approval.side).sort()).toEqual(['police', 'service']);
    const history = await team.police.get(`/api/zones/${zone.id}/history`);
    expect(history.body.events.map((event: { action: string }) => event.action).slice(-2)).toEqual(['suspend', 'suspension-end']);
    await waitFor('the end notice on the zone channel', async () =>
      (await zoneChannelMessages(team.staff, zone.id as string)).some((message) => /har löpt ut/.test(message.body)),
    );
    // Ending again finds nothing left to end.
    expect((await test.app.get(ZonesService).endLapsedSuspensions(new Date(until.getTime() + 2000))).map((feature) => feature.id)).not.toContain(zone.id);
  });

  it('a service suspension without an end alerts the police that signed the agreement; reinstating early needs both sides', async () => {
    const { site, zone } = await map.agreedZone(team);
    const centre = site.geometry.coordinates as [number, number];
    const policeSocket = await socketOf(team.policeSignatory);
    const reason = unique('Mottagningen stängd');

    const response = await team.signatory.post(`/api/zones/${zone.id}/suspend`, { reason });
    expect(response.status).toBe(200);
    expect(response.body.properties).toMatchObject({
      status: 'suspended',
      nextInForceAt: null,
      suspension: { byOrganisationId: team.organisation.id, byOrganisationName: team.organisation.name, reason, until: null },
    });
    const alert = await policeSocket.next('alert', (message) => message.body.includes(reason), 15_000);
    expect(alert).toMatchObject({ priority: 'urgent', authorId: team.signatory.user.id });
    expect(await checkAt(team.police, centre, zone.id as string, new Date(Date.now() + 30 * 24 * HOUR))).toMatchObject({ inForce: false });

    expect((await team.signatory.post(`/api/zones/${zone.id}/approve`, { version: 1 })).body.properties).toMatchObject({ status: 'suspended' });
    const reinstated = await team.policeSignatory.post(`/api/zones/${zone.id}/approve`, { version: 1 });
    expect(reinstated.body.properties).toMatchObject({ status: 'agreed', inForce: true, suspension: null });
  });

  it('refuses an end time in the past, too far ahead or malformed, and a reason that names a person, with field and reason', async () => {
    const { zone } = await map.agreedZone(team);
    const suspend = (body: Record<string, unknown>) => team.policeSignatory.post(`/api/zones/${zone.id}/suspend`, body);

    const past = await suspend({ reason: 'Insats', until: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.details).toEqual([{ field: 'until', message: expect.any(String), reason: 'not_in_future' }]);
    const far = await suspend({ reason: 'Insats', until: new Date(Date.now() + 91 * 24 * HOUR).toISOString() });
    expect(far.status).toBe(400);
    expect(far.body.details).toEqual([{ field: 'until', message: expect.any(String), reason: 'too_far_ahead' }]);
    const malformed = await suspend({ reason: 'Insats', until: 'i morgon' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('until');
    const naming = await suspend({ reason: 'Ring Kalle på 070-123 45 67', until: new Date(Date.now() + HOUR).toISOString() });
    expect(naming.status).toBe(400);
    expect(naming.body.details).toEqual([{ field: 'reason', message: expect.any(String), reason: 'phone_number' }]);
    expect(JSON.stringify(naming.body)).not.toContain('070');

    const unchanged = await team.police.get(`/api/zones/${zone.id}`);
    expect(unchanged.body.properties).toMatchObject({ status: 'agreed', inForce: true, suspension: null });
  });
});
