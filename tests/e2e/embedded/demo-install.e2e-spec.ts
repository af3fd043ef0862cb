import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEvent, Meeting, MeetingSummary, SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { DEMO_PASSWORD } from '../../../apps/api/src/demo/demo-data';
import { DEMO_MEETING_SERIES } from '../../../apps/api/src/demo/demo-meetings.data';
import { AppProcess } from '../../support/app-process';
import { signIn } from '../../support/factories';
import { request } from '../../support/http';

const seriesPath = `/api/meetings?series=${encodeURIComponent(DEMO_MEETING_SERIES)}`;
const DEMO_SIGN_IN = { email: 'police@demo.samverkan.test', password: DEMO_PASSWORD };
// The first start initialises PostGIS in the embedded database: slow on a busy machine.
const START = { timeoutMs: 240_000 };

/**
 * The built api as `npm start` runs it: its own process, the embedded database in DATA_DIR, the demo data.
 * One fresh install serves every test here, in order (a fresh PostGIS database costs seconds of CPU each):
 * what the first start seeds, then a second api on the same folder, a restart, and turning the demo off.
 */
describe('a fresh embedded install with the demo data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-install-'));
  let app: AppProcess | undefined;
  let started: number;

  beforeAll(async () => {
    started = Date.now();
    app = await AppProcess.start({ DATA_DIR: dataDir, LOG_LEVEL: 'debug' }, START);
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the demo sign-ins and keeps what is made', async () => {
    app = app!;
    expect(app.output).toContain('admin@demo.samverkan.test');
    expect(app.output).toContain('demo-password-2026');
    const login = await request(app.baseUrl, 'POST', '/api/auth/login', {
      body: { email: 'admin@demo.samverkan.test', password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(200);
    const created = await request(app.baseUrl, 'POST', '/api/organisations', {
      token: login.body.accessToken,
      body: { name: 'Kvar efter omstart', kind: 'service' },
    });
    expect(created.status).toBe(201);
  });

  it('seeds the demo sites and zones, and answers the position check', async () => {
    app = app!;
    const police = await signIn(app.baseUrl, 'police@demo.samverkan.test', 'demo-password-2026');
    const sites = await police.get('/api/sites');
    expect(sites.body.features).toHaveLength(7);
    expect(sites.body.features.every((site: SiteFeature) => /^Demo – .*\(fiktiv[at]?\)$/.test(site.properties.name))).toBe(true);
    const zones = await police.get('/api/zones');
    const states = zones.body.features.map((zone: ZoneFeature) => `${zone.properties.status}:${zone.properties.agreedVersion}`).sort();
    expect(states).toEqual(['agreed:1', 'agreed:1', 'agreed:1', 'agreed:1', 'proposed:1', 'proposed:null', 'suspended:null']);

    // Möllevångstorget: weekday daytime.
    const position = 'lat=55.59071234&lng=13.01061234';
    const monday = await police.get(`/api/zones/check?${position}&at=2026-05-04T10:00:00%2B02:00`);
    expect(monday.body.inside).toEqual([expect.objectContaining({ name: 'Demo – Zon Möllevångstorget, vardagar', inForce: true, until: '2026-05-04T17:00:00.000+02:00' })]);
    const saturday = await police.get(`/api/zones/check?${position}&at=2026-05-02T10:00:00%2B02:00`);
    expect(saturday.body.inside[0]).toMatchObject({ inForce: false, nextInForceAt: '2026-05-04T09:00:00.000+02:00' });
    expect((await police.get('/api/zones/check?lat=95.07071234&lng=13.01061234')).status).toBe(400);

    const admin = await signIn(app.baseUrl, 'admin@demo.samverkan.test', 'demo-password-2026');
    expect((await admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });

  });

  it('seeds the next meeting and the one before, audited, and the demo officer sees them', async () => {
    app = app!;
    const police = await signIn(app.baseUrl, 'police@demo.samverkan.test', DEMO_PASSWORD);
    const service = await signIn(app.baseUrl, 'service@demo.samverkan.test', DEMO_PASSWORD);
    const coordinator = await signIn(app.baseUrl, 'coordinator@demo.samverkan.test', DEMO_PASSWORD);

    const listed = await police.get(seriesPath);
    expect(listed.status).toBe(200);
    const [previous, next] = listed.body as Meeting[];
    expect(listed.body).toHaveLength(2);

    // The next one: a Thursday 09:00 in Malmö within the coming week, four weeks after the one before.
    const startsAt = new Date(next.startsAt);
    expect(startsAt.getTime()).toBeGreaterThan(started);
    expect(startsAt.getTime() - started).toBeLessThanOrEqual(7 * 86_400_000);
    expect(
      startsAt.toLocaleString('sv-SE', {
        timeZone: 'Europe/Stockholm',
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
      }),
    ).toBe('torsdag 09:00');
    expect(startsAt.getTime() - new Date(previous.startsAt).getTime()).toBeGreaterThanOrEqual(
      27 * 86_400_000,
    );
    expect(next).toMatchObject({
      title: expect.stringMatching(/^Demo – Samverkansmöte Malmö, \d{1,2} \p{L}+$/u),
      place: 'Polishuset, Porslinsgatan 3 / Teams',
      series: DEMO_MEETING_SERIES,
      channelId: expect.any(String),
    });
    expect(next.organisationIds).toContain(police.user.organisationId);
    expect(next.organisationIds).toContain(service.user.organisationId);
    expect(next.organisationIds).not.toContain(coordinator.user.organisationId);

    // Every item on the map; one with minutes; the decision about a zone; one action for each side.
    expect(next.agenda).toHaveLength(4);
    expect(next.agenda.every((item) => item.siteId !== null)).toBe(true);
    expect(next.agenda.filter((item) => item.minutes !== '')).toHaveLength(1);
    expect(next.decisions).toEqual([
      expect.objectContaining({
        zoneId: next.agenda[0].zoneId,
        agendaItemId: next.agenda[0].id,
        zoneVersion: 2,
      }),
    ]);
    expect(next.agenda[0].zoneId).not.toBeNull();
    const owners = Object.fromEntries(next.actions.map((action) => [action.ownerId, action]));
    expect(owners[police.user.id]).toMatchObject({ status: 'open', overdue: false });
    expect(owners[service.user.id]).toMatchObject({ status: 'open', overdue: false });
    const inAWeek = new Date(started + 7 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Stockholm',
    });
    expect(owners[police.user.id].dueDate).toBe(inAWeek);
    expect(previous.actions).toEqual([
      expect.objectContaining({ status: 'done', doneAt: expect.any(String) }),
    ]);

    // "Since last meeting" counts from the one before, with its action done.
    const summary = await police.get(`/api/meetings/${next.id}/summary`);
    expect(summary.body as MeetingSummary).toMatchObject({
      basis: 'previous_meeting',
      previousMeetingId: previous.id,
      actions: { open: 2, overdue: 0, doneInPeriod: 1 },
    });
    expect((await police.get('/api/actions?owner=me')).body).toEqual([
      expect.objectContaining({ meetingId: next.id }),
    ]);

    const admin = await signIn(app.baseUrl, 'admin@demo.samverkan.test', DEMO_PASSWORD);
    const audit = (await admin.get(`/api/audit?entity=meeting&entityId=${next.id}`)).body as AuditEvent[];
    // Made by the demo coordinator, step by step, like a meeting made in the app.
    expect(audit.map((event) => event.action).sort()).toEqual(
      [
        'create',
        'agenda-add',
        'agenda-add',
        'agenda-add',
        'agenda-add',
        'decision-add',
        'action-add',
        'action-add',
      ].sort(),
    );
    expect(new Set(audit.map((event) => event.actorId))).toEqual(new Set([coordinator.user.id]));
    expect((await admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });
    expect(app.output).toContain(`Demo meeting: ${next.title}`);

  });

  it('refuses to open the data folder while another running api holds it', async () => {
    const second = await AppProcess.start({ DATA_DIR: dataDir, DEMO: 'false' }, { waitForHealth: false });
    expect(await second.waitForExit()).toBe(1);
    expect(second.output).toContain('is in use by process');
  });

  it('shuts down cleanly, never having logged a checked position, and seeds nothing twice after a restart', async () => {
    const first = app!;
    expect(await first.stop('SIGINT')).toBe(0);
    // The request log has a line for each check, but never its query string.
    expect(first.output).toContain('/api/zones/check');
    expect(first.output).not.toMatch(/5907123|0106123|0707123/);

    app = await AppProcess.start({ DATA_DIR: dataDir }, START);
    const admin = await signIn(app.baseUrl, 'admin@demo.samverkan.test', DEMO_PASSWORD);
    const names = ((await admin.get('/api/organisations')).body as { name: string }[]).map((o) => o.name);
    expect(names).toContain('Kvar efter omstart');
    expect(names.filter((name) => name.startsWith('Demo – Polisområde'))).toHaveLength(1);
    const police = await signIn(app.baseUrl, 'police@demo.samverkan.test', DEMO_PASSWORD);
    expect((await police.get('/api/sites')).body.features).toHaveLength(7);
    expect((await police.get('/api/zones')).body.features).toHaveLength(7);
    const relisted = (await police.get(seriesPath)).body as Meeting[];
    expect(relisted).toHaveLength(2);
    expect(relisted[1].agenda).toHaveLength(4);
    expect(relisted[1].actions).toHaveLength(2);
    expect(app.output).toContain(`Demo meeting: ${relisted[1].title}`);
  }, 300_000);

  it('disables the demo accounts and ends their sessions when DEMO is turned off, and brings them back with it', async () => {
    const login = await request(app!.baseUrl, 'POST', '/api/auth/login', { body: DEMO_SIGN_IN });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    expect(await app!.stop('SIGTERM')).toBe(0);
    app = undefined;

    const real = await AppProcess.start({ DATA_DIR: dataDir, DEMO: 'false' }, START);
    try {
      expect((await request(real.baseUrl, 'GET', '/api/auth/me', { token })).status).toBe(401);
      expect((await request(real.baseUrl, 'POST', '/api/auth/login', { body: DEMO_SIGN_IN })).status).toBe(401);
    } finally {
      expect(await real.stop()).toBe(0);
    }

    const demoAgain = await AppProcess.start({ DATA_DIR: dataDir, DEMO_PASSWORD: 'our-own-demo-phrase-2026' }, START);
    try {
      expect(demoAgain.output).toContain('password for every demo account: the one set in DEMO_PASSWORD');
      expect(demoAgain.output).not.toContain('our-own-demo-phrase-2026');
      expect((await request(demoAgain.baseUrl, 'POST', '/api/auth/login', { body: DEMO_SIGN_IN })).status).toBe(401);
      const again = await request(demoAgain.baseUrl, 'POST', '/api/auth/login', {
        body: { email: DEMO_SIGN_IN.email, password: 'our-own-demo-phrase-2026' },
      });
      expect(again.status).toBe(200);
    } finally {
      expect(await demoAgain.stop()).toBe(0);
    }
  }, 600_000);
});

/** Settings that stop the api at once, before it opens any database. */
describe('the api process with a bad setting', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-settings-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops at once with one clear line when a setting is bad', async () => {
    const app = await AppProcess.start({ DATA_DIR: dataDir, PORT: '0', RETENTION_DAYS: 'forever' }, { waitForHealth: false });
    expect(await app.waitForExit()).toBe(1);
    expect(app.output.trim()).toBe('Configuration error: RETENTION_DAYS must be a whole number (got "forever")');
  });

  it('refuses demo data on an address beyond loopback unless DEMO_PASSWORD is set, in one line', async () => {
    const app = await AppProcess.start({ DATA_DIR: dataDir, HOST: '0.0.0.0', DEMO: 'true' }, { waitForHealth: false });
    expect(await app.waitForExit()).toBe(1);
    expect(app.output.trim()).toBe(
      'Configuration error: DEMO_PASSWORD is required with DEMO=true when others can reach the api (HOST=0.0.0.0): the default demo password is published',
    );
  });
});
