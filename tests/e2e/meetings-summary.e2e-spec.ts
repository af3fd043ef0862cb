import { DateTime } from 'luxon';
import type { Channel, MeetingSummary } from '@samverkan/contracts';
import { addDays, localToday } from '../../apps/api/src/common/calendar-dates';
import { Factory, unique } from '../support/factories';
import { addAction, asMapTeam, createMeeting, MeetingTeam, meetingTeam } from '../support/meeting-factories';
import { postMessage } from '../support/messaging-factories';
import { ago, createReport, DAY, HOUR } from '../support/report-factories';
import { connectSocket, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';
import { clockPast, waitFor } from '../support/wait';
import { MapFactory } from '../support/zone-factories';

/**
 * "Since last meeting": exact counts for fresh organisations, so nothing another test file does can change them.
 * Events before the previous meeting of the series must not count; events of other organisations must not count.
 */

jest.setTimeout(90_000);

describe('meeting summary', () => {
  let app: TestApp;
  let factory: Factory;
  let map: MapFactory;
  let team: MeetingTeam;
  const open: TestSocket[] = [];
  const socketOf = async (user: { token?: string }) => {
    const socket = await connectSocket(app.baseUrl, user.token!);
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await startTestApp();
    factory = await Factory.create(app.baseUrl);
    map = new MapFactory(factory);
    team = await meetingTeam(factory);
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await app.close();
  });

  /** Sets how long after being sent an alert was acknowledged by `userId` (the real wait is milliseconds). */
  async function ackedAfter(messageId: string, userId: string, seconds: number): Promise<void> {
    await app.dataSource.query(
      `UPDATE alert_acks SET acked_at = (SELECT created_at FROM messages WHERE id = $1) + make_interval(secs => $3)
       WHERE message_id = $1 AND user_id = $2`,
      [messageId, userId, seconds],
    );
  }

  async function acknowledge(socket: TestSocket, messageId: string): Promise<void> {
    const ack = await socket.request('alert:ack', { messageId });
    if (!ack.ok) throw new Error(`Acknowledging failed: ${JSON.stringify(ack.error)}`);
  }

  it('counts zones, alerts, actions and reports of the organisations since the previous meeting of the series', async () => {
    const series = unique('Serie');
    const mapTeam = asMapTeam(team);
    const stranger = await factory.user({ role: 'service' }); // a service organisation that does not take part
    const strangerSite = await map.site(stranger);
    const [officerSocket, staffSocket, coordinatorSocket, strangerSocket] = [
      await socketOf(team.officer),
      await socketOf(team.staff),
      await socketOf(team.coordinator),
      await socketOf(stranger),
    ];

    // Two months ago, a meeting of the series; its open action still counts.
    const earlier = await createMeeting(team, {
      series,
      startsAt: new Date(Date.now() - 60 * DAY).toISOString(),
    });
    await addAction(team.coordinator, earlier.id, {
      ownerId: team.officer.user.id,
      dueDate: addDays(localToday(new Date()), 30),
    });
    const channelId = earlier.channelId!;

    // Before the previous meeting: none of this counts.
    const siteA = await map.site(team.staff);
    const zoneA = await map.zone(team.staff, siteA);
    const oldAlert = await postMessage(officerSocket, channelId, 'Gammalt larm', { priority: 'urgent' });
    await acknowledge(staffSocket, oldAlert.id);
    await createReport(team.staff, { siteId: siteA.id, category: 'diversion', occurredAt: ago(2 * HOUR) });
    // The previous meeting starts strictly after everything above was stored, and before everything below.
    await clockPast();
    const previous = await createMeeting(team, { series, startsAt: new Date().toISOString() });
    await clockPast(Date.parse(previous.startsAt));

    // Zones: A gets a new version (proposed), B proposed then withdrawn, C agreed, D agreed then suspended.
    expect(
      (await team.staff.patch(`/api/zones/${zoneA.id}`, { version: 1, name: unique('Zon A') })).status,
    ).toBe(200);
    const siteB = await map.site(team.staff);
    const zoneB = await map.zone(team.staff, siteB);
    expect(
      (await team.serviceSignatory.post(`/api/zones/${zoneB.id}/withdraw`, { reason: 'Flyttar' })).status,
    ).toBe(200);
    await map.agreedZone(mapTeam);
    const { zone: zoneD } = await map.agreedZone(mapTeam);
    expect(
      (await team.policeSignatory.post(`/api/zones/${zoneD.id}/suspend`, { reason: 'Evenemang' })).status,
    ).toBe(200);
    // The suspension alerts the service's signatory (an urgent message, not acknowledged): it counts as an alert.
    await waitFor('the suspension alert to the service signatory', async () =>
      ((await team.serviceSignatory.get('/api/channels')).body as Channel[]).some(
        (channel) => channel.kind === 'direct' && channel.unread > 0,
      ),
    );
    await map.zone(stranger, strangerSite); // another organisation's zone

    // Alerts: waits of 10, 30 and 50 s; one acknowledged only by its own sender; others not counted.
    const a1 = await postMessage(officerSocket, channelId, 'Larm 1', { priority: 'urgent' });
    const a2 = await postMessage(staffSocket, channelId, 'Larm 2', { priority: 'urgent' });
    const a3 = await postMessage(officerSocket, channelId, 'Larm 3', { priority: 'urgent' });
    const a4 = await postMessage(staffSocket, channelId, 'Larm 4', { priority: 'urgent' });
    await postMessage(officerSocket, channelId, 'Inget larm');
    const joint = ((await stranger.get('/api/channels')).body as Channel[]).find(
      (channel) => channel.kind === 'joint',
    )!;
    await postMessage(strangerSocket, joint.id, 'Någon annans larm', { priority: 'urgent' });
    await acknowledge(staffSocket, a1.id);
    await acknowledge(officerSocket, a2.id);
    await acknowledge(officerSocket, a3.id);
    await acknowledge(coordinatorSocket, a4.id);
    await ackedAfter(a1.id, team.staff.user.id, 10);
    await ackedAfter(a2.id, team.officer.user.id, 50);
    await ackedAfter(a4.id, team.coordinator.user.id, 30);

    // Actions of the series: open and overdue, open, done since the previous meeting; another series' not counted.
    await addAction(team.coordinator, previous.id, {
      ownerId: team.officer.user.id,
      dueDate: addDays(localToday(new Date()), -1),
    });
    await addAction(team.coordinator, previous.id, {
      ownerId: team.staff.user.id,
      dueDate: addDays(localToday(new Date()), 7),
    });
    const done = await addAction(team.coordinator, previous.id, {
      ownerId: team.staff.user.id,
      dueDate: addDays(localToday(new Date()), -3),
    });
    expect(
      (await team.staff.patch(`/api/meetings/${previous.id}/actions/${done.id}`, { status: 'done' })).status,
    ).toBe(200);
    const otherSeries = await createMeeting(team, {
      series: unique('Annan serie'),
      startsAt: new Date(Date.now() - DAY).toISOString(),
    });
    await addAction(team.coordinator, otherSeries.id, {
      ownerId: team.officer.user.id,
      dueDate: addDays(localToday(new Date()), -5),
    });

    // Reports by or about the organisations, since the previous meeting.
    await createReport(team.staff, {
      siteId: siteB.id,
      category: 'public_nuisance',
      occurredAt: new Date().toISOString(),
    });
    await createReport(team.officer, { category: 'staff_safety', occurredAt: new Date().toISOString() });
    await createReport(stranger, {
      siteId: siteA.id,
      category: 'public_nuisance',
      occurredAt: new Date().toISOString(),
    });
    await createReport(stranger, {
      siteId: strangerSite.id,
      category: 'other',
      occurredAt: new Date().toISOString(),
    });

    const current = await createMeeting(team, { series, startsAt: new Date(Date.now() + DAY).toISOString() });
    await addAction(team.coordinator, current.id, {
      ownerId: team.officer.user.id,
      dueDate: addDays(localToday(new Date()), 14),
    });
    const before = Date.now();
    const response = await team.staff.get(`/api/meetings/${current.id}/summary`);
    expect(response.status).toBe(200);
    const summary: MeetingSummary = response.body;

    expect(summary).toEqual(
      expect.objectContaining({
        meetingId: current.id,
        basis: 'previous_meeting',
        previousMeetingId: previous.id,
        since: previous.startsAt,
        zones: { proposed: 4, agreed: 2, suspended: 1, withdrawn: 1 },
        alerts: { total: 5, acknowledged: 3, unacknowledged: 2, medianAckSeconds: 30, maxAckSeconds: 50 },
        actions: { open: 4, overdue: 1, doneInPeriod: 1 },
      }),
    );
    expect(Date.parse(summary.until)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(summary.until)).toBeGreaterThanOrEqual(before - 1000);
    expect(summary.reports.total).toBe(3);
    expect(summary.reports.byCategory).toEqual({
      enforcement_near_site: 0,
      diversion: 0,
      staff_safety: 1,
      public_nuisance: 2,
      overdose_response: 0,
      other: 0,
    });
    expect(summary.reports.byWeek.reduce((sum, week) => sum + week.count, 0)).toBe(3);
    expect(summary.reports.byWeek.at(-1)!.week).toBe(
      DateTime.now().setZone('Europe/Stockholm').toFormat("kkkk-'W'WW"),
    );

    // Counts only: no positions, no people.
    const text = JSON.stringify(summary);
    for (const secret of [
      team.officer.user.id,
      team.staff.user.id,
      team.officer.email,
      'coordinates',
      'Larm',
    ]) {
      expect(text).not.toContain(secret);
    }

    // The previous meeting's own summary starts from the earlier one and ends at its own start.
    const previousSummary: MeetingSummary = (await team.officer.get(`/api/meetings/${previous.id}/summary`))
      .body;
    expect(previousSummary).toEqual(
      expect.objectContaining({
        basis: 'previous_meeting',
        previousMeetingId: earlier.id,
        since: earlier.startsAt,
        until: previous.startsAt,
      }),
    );
    expect(previousSummary.alerts.total).toBe(1);
  });

  it('falls back to the last 30 days, and takes meetings of the same organisations without a series as one series', async () => {
    const police = await factory.organisation('police');
    const service = await factory.organisation('service');
    const organisationIds = [police.id, service.id];
    const first = await createMeeting(team, {
      organisationIds,
      startsAt: new Date(Date.now() - 14 * DAY).toISOString(),
    });
    const firstSummary: MeetingSummary = (await team.coordinator.get(`/api/meetings/${first.id}/summary`))
      .body;
    expect(firstSummary).toEqual(
      expect.objectContaining({ basis: 'fallback', previousMeetingId: null, until: first.startsAt }),
    );
    expect(Date.parse(firstSummary.until) - Date.parse(firstSummary.since)).toBe(30 * DAY);
    expect(firstSummary.zones).toEqual({ proposed: 0, agreed: 0, suspended: 0, withdrawn: 0 });
    expect(firstSummary.alerts).toEqual({
      total: 0,
      acknowledged: 0,
      unacknowledged: 0,
      medianAckSeconds: null,
      maxAckSeconds: null,
    });

    // Same organisations in another order, no series: the same series.
    const second = await createMeeting(team, { organisationIds: [service.id, police.id] });
    const secondSummary: MeetingSummary = (await team.coordinator.get(`/api/meetings/${second.id}/summary`))
      .body;
    expect(secondSummary).toEqual(
      expect.objectContaining({
        basis: 'previous_meeting',
        previousMeetingId: first.id,
        since: first.startsAt,
      }),
    );
    // A named series, or other organisations, start a series of their own.
    const named = await createMeeting(team, { organisationIds, series: unique('Namngiven') });
    expect(
      ((await team.coordinator.get(`/api/meetings/${named.id}/summary`)).body as MeetingSummary).basis,
    ).toBe('fallback');
    const wider = await createMeeting(team, { organisationIds: [...organisationIds, team.police.id] });
    expect(
      ((await team.coordinator.get(`/api/meetings/${wider.id}/summary`)).body as MeetingSummary).basis,
    ).toBe('fallback');
    // Renaming the series joins the first meeting's.
    const joined = await team.coordinator.patch(`/api/meetings/${named.id}`, { series: null });
    expect(joined.status).toBe(200);
    expect(
      ((await team.coordinator.get(`/api/meetings/${named.id}/summary`)).body as MeetingSummary)
        .previousMeetingId,
    ).toEqual(expect.any(String));
  });
});
