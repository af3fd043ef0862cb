import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Channel, Meeting } from '@samverkan/contracts';
import { ChannelsRepository } from '../../apps/api/src/messaging/channels.repository';
import { DatabaseProxy } from '../support/database-proxy';
import { Factory, signInAdmin, unique } from '../support/factories';
import { ApiClient, request } from '../support/http';
import { parseKml } from '../support/kml';
import { createMeeting, getMeeting, MeetingTeam, meetingTeam } from '../support/meeting-factories';
import { joinChannel, sendMessage } from '../support/messaging-factories';
import { createReport } from '../support/report-factories';
import { connectSocket, TestSocket } from '../support/sockets';
import {
  startTestApp,
  TEST_JWT_SECRET,
  TestApp,
  testDatabaseIsEmbedded,
  testDatabaseUrl,
} from '../support/test-app';
import { MapFactory, point, uniqueSpot } from '../support/zone-factories';

// Meetings do not widen who sees what, a 201 means all of a change is there, and
// the smaller holes (caching of the check, deep JSON, KML descriptions, odd tokens and offsets, an unreachable
// database, the send limit as a setting).

describe('trust holes', () => {
  let test: TestApp;
  let factory: Factory;
  let map: MapFactory;
  let team: MeetingTeam;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    // The send limit is a setting: 3 messages a minute here (the default is 20 in 10 seconds).
    test = await startTestApp({ env: { MESSAGE_RATE_LIMIT: '3/60' } });
    factory = await Factory.create(test.baseUrl);
    map = new MapFactory(factory);
    team = await meetingTeam(factory);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await test.close();
  });

  const channelsOf = async (user: ApiClient): Promise<Channel[]> => (await user.get('/api/channels')).body;

  describe('meetings do not widen who sees a field report', () => {
    /** A report by another service organisation about its own site: the team's service organisation may not see it. */
    async function reportOfAnotherService() {
      const other = await factory.organisation('service');
      const staff = await factory.user({ role: 'service', organisationId: other.id });
      const site = await map.site(staff);
      return { organisation: other, report: await createReport(staff, { siteId: site.properties.id }) };
    }

    it('refuses a link when a participating organisation may not see the report, and allows it when all may', async () => {
      const meeting = await createMeeting(team);
      const { report } = await reportOfAnotherService();
      // The coordinator sees every report, but the meeting's service organisation does not see this one.
      const refused = await team.coordinator.post(`/api/meetings/${meeting.id}/agenda`, {
        title: 'Rapporten',
        reportId: report.id,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details[0].field).toBe('reportId');
      const item = (
        await team.coordinator.post(`/api/meetings/${meeting.id}/agenda`, { title: 'Utan rapport' })
      ).body;
      const relinked = await team.coordinator.patch(`/api/meetings/${meeting.id}/agenda/${item.id}`, {
        version: item.version,
        reportId: report.id,
      });
      expect(relinked.status).toBe(400);
      expect(relinked.body.details[0].field).toBe('reportId');
      expect((await getMeeting(team.staff, meeting.id)).agenda.map((entry) => entry.reportId)).toEqual([
        null,
      ]);

      // The service organisation's own report: the police (every report) and the service organisation see it.
      const own = await createReport(team.staff);
      const linked = await team.coordinator.post(`/api/meetings/${meeting.id}/agenda`, {
        title: 'Vår rapport',
        reportId: own.id,
      });
      expect(linked.status).toBe(201);
      expect(linked.body.reportId).toBe(own.id);
    });

    it('allows the link in a meeting of those who may see it, and then refuses an organisation that may not', async () => {
      const { organisation, report } = await reportOfAnotherService();
      const meeting = await createMeeting(team, { organisationIds: [team.police.id, organisation.id] });
      const linked = await team.coordinator.post(`/api/meetings/${meeting.id}/agenda`, {
        title: 'Rapporten',
        reportId: report.id,
      });
      expect(linked.status).toBe(201);
      const widened = await team.coordinator.patch(`/api/meetings/${meeting.id}`, {
        version: meeting.version,
        organisationIds: [team.police.id, organisation.id, team.service.id],
      });
      expect(widened.status).toBe(409);
      expect((await getMeeting(team.coordinator, meeting.id)).organisationIds.sort()).toEqual(
        [team.police.id, organisation.id].sort(),
      );
      expect((await team.staff.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    });
  });

  describe('who takes an organisation out of a meeting', () => {
    it("another participant's signatory may not; the organisation itself and the organiser may", async () => {
      const meeting = await createMeeting(team);
      const both = [team.police.id, team.service.id];
      const byOther = await team.policeSignatory.patch(`/api/meetings/${meeting.id}`, {
        version: meeting.version,
        organisationIds: [team.police.id],
      });
      expect(byOther.status).toBe(403);
      expect((await getMeeting(team.staff, meeting.id)).organisationIds.sort()).toEqual(both.sort());

      // The service organisation leaves by itself: its people no longer see the meeting.
      const left = await team.serviceSignatory.patch(`/api/meetings/${meeting.id}`, {
        version: meeting.version,
        organisationIds: [team.police.id],
      });
      expect(left.status).toBe(200);
      expect((await team.staff.get(`/api/meetings/${meeting.id}`)).status).toBe(404);

      // A signatory who organised the meeting may take the other organisation out.
      const own = await createMeeting(team, {}, team.policeSignatory);
      const byOrganiser = await team.policeSignatory.patch(`/api/meetings/${own.id}`, {
        version: own.version,
        organisationIds: [team.police.id],
      });
      expect(byOrganiser.status).toBe(200);
      expect(byOrganiser.body.organisationIds).toEqual([team.police.id]);
    });
  });

  describe("a meeting's channel", () => {
    it('is 404 to an outsider, as for an unknown id; those taking part get it', async () => {
      const meeting: Meeting = await createMeeting(team);
      const outsider = await team.outsider.post('/api/channels', { kind: 'meeting', refId: meeting.id });
      const unknown = await team.outsider.post('/api/channels', { kind: 'meeting', refId: randomUUID() });
      expect([outsider.status, unknown.status]).toEqual([404, 404]);
      expect(outsider.body.message).toBe(unknown.body.message.replace(/[0-9a-f-]{36}/, meeting.id));
      expect((await team.outsider.get(`/api/channels/${meeting.channelId}`)).status).toBe(404);

      const participant = await team.officer.post('/api/channels', { kind: 'meeting', refId: meeting.id });
      expect(participant.status).toBe(200);
      expect(participant.body).toMatchObject({ id: meeting.channelId, kind: 'meeting', refId: meeting.id });
    });
  });

  describe('a 201 means all of the change is there', () => {
    it("lists a site's channel right after the site's 201", async () => {
      const staff = await factory.user({ role: 'service', organisationId: team.service.id });
      for (let i = 0; i < 5; i++) {
        const site = await map.site(staff);
        const channels = await channelsOf(staff);
        expect(
          channels.filter((channel) => channel.kind === 'site' && channel.refId === site.properties.id),
        ).toHaveLength(1);
      }
    });

    it('keeps no site, zone or meeting without its channel when making the channel fails', async () => {
      const repository = test.app.get(ChannelsRepository);
      const name = unique('Utan kanal');
      jest.spyOn(repository, 'upsertOwned').mockRejectedValueOnce(new Error('channel store down'));
      const site = await team.staff.post('/api/sites', {
        name,
        type: 'naloxone',
        location: point(uniqueSpot()),
      });
      expect(site.status).toBe(500);
      const sites = (await team.staff.get('/api/sites')).body;
      expect(
        sites.features.filter(
          (feature: { properties: { name: string } }) => feature.properties.name === name,
        ),
      ).toEqual([]);
      expect((await channelsOf(team.staff)).filter((channel) => channel.name === name)).toEqual([]);

      const kept = await map.site(team.staff);
      jest.spyOn(repository, 'upsertOwned').mockRejectedValueOnce(new Error('channel store down'));
      const zone = await team.staff.post('/api/zones', {
        siteId: kept.properties.id,
        name: unique('Zon utan kanal'),
        radiusMeters: 50,
      });
      expect(zone.status).toBe(500);
      expect((await team.staff.get(`/api/zones?siteId=${kept.properties.id}`)).body.features).toEqual([]);

      const title = unique('Möte utan kanal');
      jest.spyOn(repository, 'upsertMeeting').mockRejectedValueOnce(new Error('channel store down'));
      const meeting = await team.coordinator.post('/api/meetings', {
        title,
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        organisationIds: [team.police.id, team.service.id],
      });
      expect(meeting.status).toBe(500);
      expect(
        ((await team.coordinator.get('/api/meetings')).body as Meeting[]).filter(
          (entry) => entry.title === title,
        ),
      ).toEqual([]);
    });
  });

  describe('smaller holes', () => {
    it('the check is never kept by a cache', async () => {
      const response = await team.officer.get('/api/zones/check?lat=55.6&lng=13.0');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('answers deeply nested JSON with 400 on every route, sign-in included', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const deepObject = '{"email":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + ',"password":"x"}';
      const cases: [string, string, string | undefined, string][] = [
        ['POST', '/api/auth/login', undefined, deepObject],
        ['POST', '/api/auth/login', undefined, deep],
        ['POST', '/api/sites', team.staff.token, deep],
        ['POST', '/api/zones/import', team.staff.token, `{"type":"FeatureCollection","features":${deep}}`],
        ['PATCH', `/api/meetings/${randomUUID()}`, team.coordinator.token, deepObject],
      ];
      for (const [method, path, token, rawBody] of cases) {
        const response = await request(test.baseUrl, method, path, { token, rawBody });
        expect({ path, status: response.status, error: response.body.error }).toEqual({
          path,
          status: 400,
          error: 'Bad Request',
        });
      }
    });

    it('exports KML descriptions that map programs show as text', async () => {
      const description = '<a href="https://example.org/">klicka</a> <img src="x"> & mer';
      const site = await map.site(team.staff, { body: { description } });
      const kml = await team.officer.get('/api/sites/export?format=kml');
      const placemark = parseKml(kml.body).features.find(
        (feature) => feature.properties?.siteId === site.properties.id,
      );
      const html = String(placemark?.properties?.description);
      // The description is HTML to a map program: it must hold no element, only the escaped text.
      expect(html).not.toMatch(/<a |<img /);
      expect(html).toContain(
        '&lt;a href=&quot;https://example.org/&quot;&gt;klicka&lt;/a&gt; &lt;img src=&quot;x&quot;&gt; &amp; mer',
      );
    });

    it('answers a token whose ids are not UUIDs with 401', async () => {
      const jwt = new JwtService({ secret: TEST_JWT_SECRET });
      for (const payload of [
        { sub: 'admin', jti: 'session' },
        { sub: team.officer.user.id, jti: 'not-a-uuid' },
        { sub: 'x', jti: randomUUID() },
      ]) {
        const response = await request(test.baseUrl, 'GET', '/api/auth/me', { token: jwt.sign(payload) });
        expect({ payload, status: response.status }).toEqual({ payload, status: 401 });
      }
    });

    it('answers a time with an offset that does not exist with 400', async () => {
      const zones = await team.officer.get(
        `/api/zones?at=${encodeURIComponent('2026-03-29T14:00:00+99:00')}`,
      );
      expect(zones.status).toBe(400);
      expect(zones.body.details[0].field).toBe('at');
      const report = await team.officer.post('/api/reports', {
        category: 'other',
        occurredAt: new Date().toISOString().slice(0, 19) + '+99:00',
        body: 'Lugnt.',
      });
      expect(report.status).toBe(400);
      expect(report.body.details[0].field).toBe('occurredAt');
    });

    it('takes the send limit from MESSAGE_RATE_LIMIT and names the wait', async () => {
      const joint = (await channelsOf(team.officer)).find((channel) => channel.kind === 'joint')!;
      const socket = await connectSocket(test.baseUrl, team.officer.token!);
      sockets.push(socket);
      await joinChannel(socket, joint.id);
      const acks: Awaited<ReturnType<typeof sendMessage>>[] = [];
      for (let i = 0; i < 4; i++) acks.push(await sendMessage(socket, joint.id, `meddelande ${i}`));
      expect(acks.map((ack) => ack.ok)).toEqual([true, true, true, false]);
      const refused = acks[3];
      if (refused.ok) throw new Error('the fourth message should have been refused');
      expect(refused.error.code).toBe('rate_limited');
      expect(refused.error.message).toMatch(/at most 3 in 60 seconds; try again in \d+ s/);
      expect(refused.error.retryAfterSeconds).toBeGreaterThan(50);
      expect(refused.error.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('answers 503 when the database server turns the app away', async () => {
      if (testDatabaseIsEmbedded()) {
        console.log(
          'Skipped "503 when the database server turns the app away": it needs a PostgreSQL server (run with DATABASE_URL)',
        );
        return;
      }
      // A database of its own, so that closing it to connections disturbs no other test.
      const name = `trust_holes_${randomUUID().slice(0, 8)}`;
      const url = new URL(testDatabaseUrl());
      url.pathname = `/${name}`;
      const server = new Client({ connectionString: testDatabaseUrl() });
      await server.connect();
      await server.query(`CREATE DATABASE "${name}"`);
      let broken: TestApp | null = null;
      try {
        const setup = new Client({ connectionString: url.toString() });
        await setup.connect();
        await setup.query('CREATE EXTENSION IF NOT EXISTS postgis');
        await setup.end();
        broken = await startTestApp({ env: { DATABASE_URL: url.toString() } });
        const admin = await Factory.create(broken.baseUrl);
        expect((await admin.admin.get('/api/sites')).status).toBe(200);
        await server.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
        const answers = [
          await admin.admin.get('/api/sites'),
          await request(broken.baseUrl, 'POST', '/api/auth/login', {
            body: { email: 'someone@samverkan.test', password: 'a long password 2026' },
          }),
        ];
        expect(answers.map((answer) => [answer.status, answer.body.error])).toEqual(
          Array(2).fill([503, 'Service Unavailable']),
        );
      } finally {
        await broken?.close().catch(() => undefined);
        await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await server.end();
      }
    });

    it('answers 503 while the database is unreachable', async () => {
      const proxy = await DatabaseProxy.start(testDatabaseUrl());
      const broken = await startTestApp({ env: { DATABASE_URL: proxy.url } });
      try {
        const admin = await Factory.create(broken.baseUrl);
        expect((await admin.admin.get('/api/sites')).status).toBe(200);
        // A sign-in not used yet: one just used is let in from the session cache for a few seconds, and
        // `/api/auth/me` would answer from there; this one needs the database.
        const fresh = await signInAdmin(broken.baseUrl);
        await proxy.cut();
        const answers = [
          await admin.admin.get('/api/sites'),
          await fresh.get('/api/auth/me'),
          await request(broken.baseUrl, 'POST', '/api/auth/login', {
            body: { email: 'someone@samverkan.test', password: 'a long password 2026' },
          }),
        ];
        expect(answers.map((answer) => [answer.status, answer.body.error])).toEqual(
          Array(3).fill([503, 'Service Unavailable']),
        );
      } finally {
        await broken.close().catch(() => undefined);
        await proxy.cut().catch(() => undefined);
      }
    });
  });
});
