import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEvent, Meeting, MeetingSummary } from '@samverkan/contracts';
import { DEMO_PASSWORD } from '../../../apps/api/src/demo/demo-data';
import { DEMO_MEETING_SERIES } from '../../../apps/api/src/demo/demo-meetings.data';
import { AppProcess } from '../../support/app-process';
import { signIn } from '../../support/factories';

const seriesPath = `/api/meetings?series=${encodeURIComponent(DEMO_MEETING_SERIES)}`;

describe('the demo meetings on a fresh embedded database', () => {
  let dataDir: string;
  let app: AppProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'samverkan-demo-meetings-'));
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the next meeting and the one before once, audited, and the demo officer sees them', async () => {
    const started = Date.now();
    app = await AppProcess.start({ DATA_DIR: dataDir }, { timeoutMs: 120_000 });
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

    await app.stop();
    app = await AppProcess.start({ DATA_DIR: dataDir }, { timeoutMs: 120_000 });
    const again = await signIn(app.baseUrl, 'police@demo.samverkan.test', DEMO_PASSWORD);
    const relisted = (await again.get(seriesPath)).body as Meeting[];
    expect(relisted.map((meeting) => meeting.id)).toEqual([previous.id, next.id]);
    expect(relisted[1].agenda).toHaveLength(4);
    expect(relisted[1].actions).toHaveLength(2);
    expect(app.output).toContain(`Demo meeting: ${next.title}`);
  }, 300_000);
});
