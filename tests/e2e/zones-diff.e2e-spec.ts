import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AuditEvent, Channel, Message, Schedule, ZoneClause, ZoneDiff, ZoneFeature, ZoneFeatureCollection } from '@samverkan/contracts';
import { Clock } from '../../apps/api/src/common/clock';
import { DOMAIN_EVENTS, type ZoneReviewDueEvent } from '../../apps/api/src/common/domain-events';
import { ZonesService } from '../../apps/api/src/zones/zones.service';
import { unique } from '../support/factories';
import { client, type ApiClient } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';
import { MapFactory, MapTeam, offset, squareAround } from '../support/zone-factories';

const weekdays: Schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] };
const withSaturday: Schedule = { ...weekdays, windows: [...weekdays.windows, { days: [6], from: '09:00', to: '17:00' }] };

/** Within 1 % of the expected area. */
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 0.01);

describe('zones: what signatories sign (diff, review dates, terms)', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  const reviewEvents: ZoneReviewDueEvent[] = [];

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    test.app.get(EventEmitter2).on(DOMAIN_EVENTS.zoneReviewDue, (event: ZoneReviewDueEvent) => reviewEvents.push(event));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await test.close();
  });

  const diff = (who: ApiClient, zone: { id?: string | number }, query = '') => who.get<ZoneDiff>(`/api/zones/${zone.id}/diff${query}`);
  const propose = async (zone: ZoneFeature, body: Record<string, unknown>) => {
    const response = await team.staff.patch(`/api/zones/${zone.id}`, { version: zone.properties.version, ...body });
    expect(response.status).toBe(200);
    return response.body as ZoneFeature;
  };

  it('measures a moved zone: the area added and removed, in m² on the spheroid, from the version in force', async () => {
    const { site, zone } = await map.agreedZone(team, { schedule: weekdays });
    const centre = site.geometry.coordinates as [number, number];
    const moved = await propose(zone, { geometry: squareAround(offset(centre, 100, 0), 100), schedule: withSaturday });

    const response = await diff(team.policeSignatory, moved);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({ zoneId: zone.id, from: 1, to: 2 });
    expect(body.added?.type).toBe('MultiPolygon');
    expect(body.removed?.type).toBe('MultiPolygon');
    // Two 200 m squares 100 m apart: a 100 × 200 m strip on each side.
    near(body.addedAreaM2, 20_000);
    near(body.removedAreaM2, 20_000);
    expect(body.fields).toEqual([{ field: 'schedule', before: weekdays, after: withSaturday }]);
    expect(body.scheduleChange).toEqual({ sv: ['Lägger till lördag 09:00–17:00'], en: ['Adds Saturday 09:00–17:00'] });

    // Explicit versions, either way round.
    const back = await diff(team.policeSignatory, moved, '?from=2&to=1');
    near(back.body.addedAreaM2, 20_000);
    expect(back.body.fields[0]).toMatchObject({ field: 'schedule', before: withSaturday, after: weekdays });
  });

  it('measures a grown zone (nothing removed) and an unchanged shape (no area either way), and lists every other field that changed', async () => {
    const site = await map.site(team.staff);
    const centre = site.geometry.coordinates as [number, number];
    const zone = await map.zone(team.staff, site, { validFrom: '2026-01-01T00:00:00+01:00' });
    const grown = await propose(zone, { geometry: squareAround(centre, 150) });
    const growth = (await diff(team.police, grown)).body;
    expect(growth).toMatchObject({ from: 1, to: 2, removed: null, removedAreaM2: 0, fields: [] });
    near(growth.addedAreaM2, 300 * 300 - 200 * 200);

    const renamed = await propose(grown, {
      name: 'Zon Ny',
      notes: 'Ny entré',
      validUntil: '2027-06-01T00:00:00+02:00',
      reviewBy: '2027-05-01',
      terms: { clauses: ['usual_for_violence_dealing_emergencies', 'no_searches_for_equipment'], text: 'Gäller även cykelparkeringen.' },
    });
    const same = (await diff(team.police, renamed)).body;
    expect(same).toMatchObject({ from: 2, to: 3, added: null, removed: null, addedAreaM2: 0, removedAreaM2: 0 });
    expect(same.scheduleChange).toEqual({ sv: [], en: [] });
    expect(Object.fromEntries(same.fields.map(({ field, before, after }) => [field, [before, after]]))).toEqual({
      name: [grown.properties.name, 'Zon Ny'],
      validUntil: [null, '2027-05-31T22:00:00.000Z'],
      notes: [null, 'Ny entré'],
      // Clauses come back in the standard list's order.
      terms: [
        { clauses: [], text: '' },
        { clauses: ['no_searches_for_equipment', 'usual_for_violence_dealing_emergencies'], text: 'Gäller även cykelparkeringen.' },
      ],
      reviewBy: [grown.properties.reviewBy, '2027-05-01'],
    });
  });

  it('answers 404 for an unknown version or zone, 400 for a version that is not a number, and 401 without a session', async () => {
    const { zone } = await map.agreedZone(team);
    expect((await diff(team.police, zone, '?to=9')).status).toBe(404);
    expect((await diff(team.police, zone, '?from=9&to=1')).status).toBe(404);
    expect((await diff(team.police, { id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await diff(team.police, zone, '?from=abc')).status).toBe(400);
    expect((await diff(client(test.baseUrl), zone)).status).toBe(401);
    // As the history: everyone signed in reads it, another organisation's staff too.
    const outsider = await map.people.user({ role: 'service' });
    expect((await diff(outsider, zone)).status).toBe(200);
    expect((await outsider.get(`/api/zones/${zone.id}/history`)).status).toBe(200);
  });

  it('links each approval to the diff shown, and lists what awaits the caller’s side', async () => {
    const { site, zone } = await map.agreedZone(team);
    const centre = site.geometry.coordinates as [number, number];
    const moved = await propose(zone, { geometry: squareAround(offset(centre, 50, 0), 100) });
    const waiting = (who: ApiClient) => who.get<ZoneFeatureCollection>('/api/zones?awaitingMe=true');
    expect((await waiting(team.policeSignatory)).body.features.map((feature) => feature.id)).toContain(zone.id);
    expect((await waiting(team.signatory)).body.features.map((feature) => feature.id)).toContain(zone.id);
    expect((await waiting(team.police)).body.features).toEqual([]);

    expect((await team.policeSignatory.post(`/api/zones/${zone.id}/approve`, { version: 2, diffFrom: 1 })).status).toBe(200);
    expect((await waiting(team.policeSignatory)).body.features.map((feature) => feature.id)).not.toContain(zone.id);
    expect((await team.signatory.post(`/api/zones/${zone.id}/approve`, { version: 2 })).status).toBe(200);
    const events = (await team.police.get<AuditEvent[]>(`/api/audit?entity=zone&entityId=${zone.id}`)).body;
    const approvals = events.filter((event) => event.action === 'approve').map((event) => event.after as { version: number; diff: unknown });
    expect(approvals.filter((approval) => approval.version === 2).map((approval) => approval.diff)).toEqual([
      { from: 1, to: 2 },
      { from: 1, to: 2 },
    ]);
    expect(moved.properties.version).toBe(2);

    // The proposer's colleagues are told on the zone's channel whose signatures the new version awaits.
    const channel = ((await team.signatory.get<Channel[]>('/api/channels')).body).find((entry) => entry.kind === 'zone' && entry.refId === zone.id)!;
    await waitFor('the proposal notice', async () =>
      ((await team.signatory.get<Message[]>(`/api/channels/${channel.id}/messages?limit=50`)).body).some((message) =>
        message.body.includes('version 2') && message.body.includes('awaits the signature of the police and the service'),
      ),
    );
  });

  it('carries terms in the version, the history, the check, the export, and refuses unknown clauses and identifying text', async () => {
    const clauses = (await team.police.get<ZoneClause[]>('/api/zones/clauses')).body;
    expect(clauses.length).toBeGreaterThanOrEqual(3);
    expect(new Set(clauses.map((clause) => clause.kind))).toEqual(new Set(['waived', 'applies']));
    expect(clauses.every((clause) => clause.key && clause.sv && clause.en)).toBe(true);

    const terms = { clauses: ['no_waiting_at_entrance'], text: 'Entrén mot parken.' };
    const { site, zone } = await map.agreedZone(team, { terms, reviewBy: '2027-02-01' });
    expect(zone.properties).toMatchObject({ terms, reviewBy: '2027-02-01' });
    const history = (await team.police.get(`/api/zones/${zone.id}/history`)).body;
    expect(history.versions[0]).toMatchObject({ terms, reviewBy: '2027-02-01' });

    // The check carries the terms of the version in force, not those of a newer proposal.
    await propose(zone, { terms: { clauses: [], text: '' } });
    const [lng, lat] = site.geometry.coordinates as [number, number];
    const check = (await team.police.get(`/api/zones/check?lat=${lat}&lng=${lng}`)).body;
    expect(check.inside.find((summary: { zoneId: string }) => summary.zoneId === zone.id)).toMatchObject({ terms });

    const exported = (await team.police.get('/api/zones/export')).body;
    expect(exported.features.find((feature: ZoneFeature) => feature.id === zone.id).properties).toMatchObject({ terms, reviewBy: '2027-02-01' });

    const refused = await team.staff.post('/api/zones', {
      siteId: site.id,
      name: unique('Zon'),
      radiusMeters: 50,
      terms: { clauses: ['no_such_clause'], text: 'x'.repeat(2001) },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((detail: { field: string; reason: string }) => [detail.field, detail.reason])).toEqual([
      ['terms.clauses', 'not_one_of'],
      ['terms.text', 'text_length'],
    ]);
    const identifying = await team.staff.post('/api/zones', {
      siteId: site.id,
      name: unique('Zon'),
      radiusMeters: 50,
      terms: { clauses: [], text: 'Gäller inte för anna.andersson@example.org' },
    });
    expect(identifying.status).toBe(400);
    expect(identifying.body.details[0]).toMatchObject({ field: 'terms.text', reason: 'email_address' });
  });

  it('proposes a review a year ahead, lists zones due within 30 days or past, and posts each notice once, by the injected clock', async () => {
    const clock = jest.spyOn(test.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2031-03-10T09:00:00Z'));
    const site = await map.site(team.staff);
    expect((await map.zone(team.staff, site)).properties.reviewBy).toBe('2032-03-10');
    const none = await map.zone(team.staff, site, { reviewBy: null });
    expect(none.properties.reviewBy).toBeNull();

    const { zone } = await map.agreedZone(team, { reviewBy: '2031-06-30' });
    const service = test.app.get(ZonesService);
    const due = async () => ((await team.policeSignatory.get<ZoneFeatureCollection>('/api/zones?reviewDue=true')).body.features.map((feature) => feature.id));
    const noticesOfZone = () => reviewEvents.filter((event) => event.zone.id === zone.id).map((event) => [event.daysBefore, event.daysLeft]);
    // Runs of the job at a time: two at once (two instances) post a stage once.
    const runAt = async (iso: string) => {
      clock.mockReturnValue(new Date(iso));
      await Promise.all([service.sendReviewNotices(), service.sendReviewNotices()]);
    };

    await runAt('2031-05-30T10:00:00Z');
    expect(await due()).not.toContain(zone.id);
    expect(noticesOfZone()).toEqual([]);

    await runAt('2031-05-31T10:00:00Z');
    expect(await due()).toContain(zone.id);
    expect(noticesOfZone()).toEqual([[30, 30]]);
    await runAt('2031-06-10T10:00:00Z');
    await runAt('2031-06-23T10:00:00Z');
    await runAt('2031-06-23T21:00:00Z');
    expect(noticesOfZone()).toEqual([[30, 30], [7, 7]]);
    // 22:30 UTC on 29 June is 00:30 on 30 June in Stockholm: the day itself.
    await runAt('2031-06-29T22:30:00Z');
    await runAt('2031-07-15T10:00:00Z');
    expect(noticesOfZone()).toEqual([[30, 30], [7, 7], [0, 0]]);
    // Past its review date the zone stays in force and stays listed.
    expect(await due()).toContain(zone.id);
    expect((await team.police.get(`/api/zones/${zone.id}`)).body.properties).toMatchObject({ status: 'agreed', agreedVersion: 1 });

    const channel = ((await team.signatory.get<Channel[]>('/api/channels')).body).find((entry) => entry.kind === 'zone' && entry.refId === zone.id)!;
    const notices = await waitFor('three review notices', async () => {
      const messages = (await team.signatory.get<Message[]>(`/api/channels/${channel.id}/messages?limit=50`)).body.filter((message) => /ses över|reviewed/.test(message.body));
      return messages.length === 3 ? messages : null;
    });
    expect(notices.map((message) => message.body.split('\n')[0])).toEqual([
      expect.stringContaining('om 30 dagar'),
      expect.stringContaining('om 7 dagar'),
      expect.stringContaining('i dag (2031-06-30)'),
    ]);

    // A restart that missed the stages claims them together and posts only the newest.
    const late = await map.zone(team.staff, site, { reviewBy: '2031-07-20' });
    await runAt('2031-07-16T10:00:00Z');
    expect(reviewEvents.filter((event) => event.zone.id === late.id).map((event) => event.daysBefore)).toEqual([7]);
    await runAt('2031-07-17T10:00:00Z');
    expect(reviewEvents.filter((event) => event.zone.id === late.id)).toHaveLength(1);

    // Renewal is a new version both sides approve, with the same diff; the new date leaves the list.
    clock.mockReturnValue(new Date('2031-07-16T10:00:00Z'));
    const renewed = await propose((await team.police.get(`/api/zones/${zone.id}`)).body, { reviewBy: '2032-06-30' });
    expect((await diff(team.police, renewed)).body.fields).toEqual([{ field: 'reviewBy', before: '2031-06-30', after: '2032-06-30' }]);
    expect(await due()).toContain(zone.id);
    await map.agree(team, renewed);
    expect(await due()).not.toContain(zone.id);
    clock.mockRestore();
  });
});
