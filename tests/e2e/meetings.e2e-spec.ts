import type {
  AgendaItem,
  AgendaItemConflict,
  AuditEvent,
  Channel,
  FieldReport,
  Meeting,
} from '@samverkan/contracts';
import { addDays, localToday } from '../../apps/api/src/common/calendar-dates';
import { Clock } from '../../apps/api/src/common/clock';
import { Factory, unique } from '../support/factories';
import {
  addAction,
  addAgendaItem,
  addDecision,
  asMapTeam,
  createMeeting,
  getMeeting,
  MeetingTeam,
  meetingTeam,
} from '../support/meeting-factories';
import { createReport } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory } from '../support/zone-factories';

/** Meetings over HTTP: life cycle, who sees and changes what, the agenda, minutes, decisions, actions and the export. */

jest.setTimeout(60_000);

describe('meetings', () => {
  let app: TestApp;
  let factory: Factory;
  let map: MapFactory;
  let team: MeetingTeam;

  beforeAll(async () => {
    app = await startTestApp();
    factory = await Factory.create(app.baseUrl);
    map = new MapFactory(factory);
    team = await meetingTeam(factory);
  });
  afterAll(() => app.close());

  describe('life cycle', () => {
    it('creates a meeting with its channel, reads, lists and changes it, and audits every step', async () => {
      const startsAt = '2026-12-03T13:00:00+01:00';
      const created = await createMeeting(team, {
        title: 'Samverkan city, december',
        startsAt,
        series: unique('Serie'),
      });
      expect(created).toEqual(
        expect.objectContaining({
          title: 'Samverkan city, december',
          startsAt: '2026-12-03T12:00:00.000Z',
          place: 'Polishuset, sal 3',
          organisationIds: [team.police.id, team.service.id].sort(),
          agenda: [],
          decisions: [],
          actions: [],
          presenterId: null,
          currentItemId: null,
          view: null,
          version: 1,
        }),
      );
      expect(created.channelId).toEqual(expect.any(String));

      // The meeting's channel: the participating organisations and coordinators see it, named after the meeting.
      const officerChannels: Channel[] = (await team.officer.get('/api/channels')).body;
      expect(officerChannels.find((channel) => channel.id === created.channelId)).toEqual(
        expect.objectContaining({ kind: 'meeting', refId: created.id, name: 'Samverkan city, december' }),
      );
      const outsiderChannels: Channel[] = (await team.outsider.get('/api/channels')).body;
      expect(outsiderChannels.some((channel) => channel.id === created.channelId)).toBe(false);

      expect(await getMeeting(team.staff, created.id)).toEqual(created);
      const listed: Meeting[] = (
        await team.officer.get('/api/meetings?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z')
      ).body;
      expect(listed.map((meeting) => meeting.id)).toContain(created.id);

      const patched = await team.coordinator.patch(`/api/meetings/${created.id}`, {
        version: 1,
        title: 'Samverkan city, ny tid',
        place: null,
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toEqual(
        expect.objectContaining({ title: 'Samverkan city, ny tid', place: null, version: 2 }),
      );
      const stale = await team.coordinator.patch(`/api/meetings/${created.id}`, {
        version: 1,
        title: 'För sent',
      });
      expect(stale.status).toBe(409);
      const renamed: Channel[] = (await team.officer.get('/api/channels')).body;
      expect(renamed.find((channel) => channel.id === created.channelId)?.name).toBe(
        'Samverkan city, ny tid',
      );

      const audit: AuditEvent[] = (
        await team.coordinator.get(`/api/audit?entity=meeting&entityId=${created.id}`)
      ).body;
      expect(audit.map((event) => event.action)).toEqual(['create', 'update']);
      expect(audit[1].before).toEqual(
        expect.objectContaining({ title: 'Samverkan city, december', version: 1 }),
      );
      expect(audit[1].after).toEqual(
        expect.objectContaining({ title: 'Samverkan city, ny tid', version: 2 }),
      );
      expect((await team.coordinator.get('/api/audit/verify')).body.ok).toBe(true);
    });

    it('validates meetings and names the field', async () => {
      const base = {
        title: 'Möte',
        startsAt: '2026-12-03T13:00:00+01:00',
        organisationIds: [team.police.id],
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, title: '' }, 'title'],
        [{ ...base, startsAt: '3 december' }, 'startsAt'],
        [{ ...base, startsAt: '2026-12-03T13:00:00' }, 'startsAt'],
        [{ ...base, organisationIds: [] }, 'organisationIds'],
        [{ ...base, organisationIds: [team.police.id, team.police.id] }, 'organisationIds'],
        [{ ...base, organisationIds: ['not-a-uuid'] }, 'organisationIds'],
        [{ ...base, organisationIds: ['00000000-0000-4000-8000-000000000000'] }, 'organisationIds'],
        [{ ...base, place: 'x'.repeat(501) }, 'place'],
        [{ ...base, title: 'a\u0000b' }, 'title'],
        [{ ...base, extra: true }, 'extra'],
      ];
      for (const [body, field] of cases) {
        const response = await team.coordinator.post('/api/meetings', body);
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.body.message).toContain(field);
      }
      const patch = await team.coordinator.patch(`/api/meetings/${(await createMeeting(team)).id}`, {
        version: 1,
      });
      expect(patch.status).toBe(400);
      const nullTitle = await team.coordinator.patch(`/api/meetings/${(await createMeeting(team)).id}`, {
        title: null,
      });
      expect(nullTitle.status).toBe(400);
    });
  });

  describe('who sees and organises a meeting', () => {
    it('shows a meeting to its organisations, coordinators and admins, and answers 404 to others', async () => {
      const meeting = await createMeeting(team);
      for (const viewer of [team.officer, team.staff, team.coordinator, factory.admin]) {
        expect((await viewer.get(`/api/meetings/${meeting.id}`)).status).toBe(200);
      }
      for (const path of [
        `/api/meetings/${meeting.id}`,
        `/api/meetings/${meeting.id}/summary`,
        `/api/meetings/${meeting.id}/minutes`,
      ]) {
        expect((await team.outsider.get(path)).status).toBe(404);
      }
      expect((await team.outsider.patch(`/api/meetings/${meeting.id}`, { title: 'x' })).status).toBe(404);
      expect((await team.outsider.post(`/api/meetings/${meeting.id}/agenda`, { title: 'x' })).status).toBe(
        404,
      );
      const listed: Meeting[] = (await team.outsider.get('/api/meetings')).body;
      expect(listed.some((entry) => entry.id === meeting.id)).toBe(false);
      expect((await team.officer.get('/api/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await team.officer.get('/api/meetings/not-a-uuid')).status).toBe(400);
    });

    it('lets coordinators, admins and signatories of a participating organisation create and change meetings', async () => {
      expect(
        (
          await team.officer.post('/api/meetings', {
            title: 'x',
            startsAt: new Date().toISOString(),
            organisationIds: [team.police.id],
          })
        ).status,
      ).toBe(403);
      const bySignatory = await createMeeting(team, {}, team.policeSignatory);
      expect(bySignatory.organisationIds).toContain(team.police.id);
      const withoutOwn = await team.serviceSignatory.post('/api/meetings', {
        title: 'Utan oss',
        startsAt: new Date().toISOString(),
        organisationIds: [team.police.id],
      });
      expect(withoutOwn.status).toBe(400);
      expect(withoutOwn.body.message).toContain('organisationIds');
      await createMeeting(team, {}, factory.admin);

      expect((await team.officer.patch(`/api/meetings/${bySignatory.id}`, { title: 'Nytt' })).status).toBe(
        403,
      );
      expect(
        (await team.serviceSignatory.patch(`/api/meetings/${bySignatory.id}`, { title: 'Nytt' })).status,
      ).toBe(200);
      // A signatory may take their own organisation out (it leaves the meeting), never another one.
      const dropOther = await team.serviceSignatory.patch(`/api/meetings/${bySignatory.id}`, {
        organisationIds: [team.service.id],
      });
      expect(dropOther.status).toBe(403);
      const dropOwn = await team.serviceSignatory.patch(`/api/meetings/${bySignatory.id}`, {
        organisationIds: [team.police.id],
      });
      expect(dropOwn.status).toBe(200);
      expect((await team.staff.get(`/api/meetings/${bySignatory.id}`)).status).toBe(404);
    });

    it('moves who sees the meeting and its channel when the organisations change', async () => {
      const meeting = await createMeeting(team);
      const action = await addAction(team.coordinator, meeting.id, {
        ownerId: team.staff.user.id,
        dueDate: addDays(localToday(new Date()), 7),
      });
      // An organisation whose members own open actions stays until the actions are given to someone else.
      const blocked = await team.coordinator.patch(`/api/meetings/${meeting.id}`, {
        organisationIds: [team.police.id],
      });
      expect(blocked.status).toBe(409);
      expect(
        (
          await team.coordinator.patch(`/api/meetings/${meeting.id}/actions/${action.id}`, {
            ownerId: team.officer.user.id,
          })
        ).status,
      ).toBe(200);

      const narrowed = await team.coordinator.patch(`/api/meetings/${meeting.id}`, {
        organisationIds: [team.police.id],
      });
      expect(narrowed.status).toBe(200);
      expect(narrowed.body.organisationIds).toEqual([team.police.id]);
      expect((await team.staff.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
      expect((await team.staff.get(`/api/channels/${meeting.channelId}/messages`)).status).toBe(404);
      expect((await team.officer.get(`/api/channels/${meeting.channelId}/messages`)).status).toBe(200);

      const widened = await team.coordinator.patch(`/api/meetings/${meeting.id}`, {
        organisationIds: [team.police.id, team.service.id, team.outsider.organisationId],
      });
      expect(widened.status).toBe(200);
      expect((await team.outsider.get(`/api/meetings/${meeting.id}`)).status).toBe(200);
      expect((await team.outsider.get(`/api/channels/${meeting.channelId}/messages`)).status).toBe(200);
    });
  });

  describe('the agenda', () => {
    it('keeps items in order when they are added, inserted, moved and deleted, without touching their versions', async () => {
      const meeting = await createMeeting(team);
      const [a, b, c] = [
        await addAgendaItem(team.coordinator, meeting.id, { title: 'A' }),
        await addAgendaItem(team.staff, meeting.id, { title: 'B' }),
        await addAgendaItem(team.officer, meeting.id, { title: 'C' }),
      ];
      expect([a.position, b.position, c.position]).toEqual([1, 2, 3]);
      const inserted = await addAgendaItem(team.coordinator, meeting.id, { title: 'Först', position: 1 });
      expect(inserted.position).toBe(1);
      const order = async () =>
        (await getMeeting(team.officer, meeting.id)).agenda.map((item) => `${item.position}:${item.title}`);
      expect(await order()).toEqual(['1:Först', '2:A', '3:B', '4:C']);

      const moved = await team.coordinator.patch(`/api/meetings/${meeting.id}/agenda/${c.id}`, {
        version: c.version,
        position: 1,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toEqual(expect.objectContaining({ position: 1, version: c.version }));
      expect(await order()).toEqual(['1:C', '2:Först', '3:A', '4:B']);
      expect(
        (
          await team.coordinator.patch(`/api/meetings/${meeting.id}/agenda/${inserted.id}`, {
            version: 1,
            position: 4,
          })
        ).status,
      ).toBe(200);
      expect(await order()).toEqual(['1:C', '2:A', '3:B', '4:Först']);
      expect((await getMeeting(team.officer, meeting.id)).agenda.every((item) => item.version === 1)).toBe(
        true,
      );

      const outOfRange = await team.coordinator.patch(`/api/meetings/${meeting.id}/agenda/${a.id}`, {
        version: 1,
        position: 5,
      });
      expect(outOfRange.status).toBe(400);
      expect(outOfRange.body.message).toContain('position');
      // Ordering is the organisers'; anyone taking part adds items.
      expect(
        (await team.officer.patch(`/api/meetings/${meeting.id}/agenda/${a.id}`, { version: 1, position: 1 }))
          .status,
      ).toBe(403);

      expect((await team.coordinator.delete(`/api/meetings/${meeting.id}/agenda/${a.id}`)).status).toBe(204);
      expect(await order()).toEqual(['1:C', '2:B', '3:Först']);
      expect((await team.officer.delete(`/api/meetings/${meeting.id}/agenda/${b.id}`)).status).toBe(403);
      await addDecision(team.coordinator, meeting.id, { text: 'Beslut under B', agendaItemId: b.id });
      expect((await team.coordinator.delete(`/api/meetings/${meeting.id}/agenda/${b.id}`)).status).toBe(409);
    });

    it('links items to a site, a zone (bringing its site) or a report (bringing its site and zone)', async () => {
      const meeting = await createMeeting(team);
      const site = await map.site(team.staff);
      const zone = await map.zone(team.staff, site);
      const otherSite = await map.site(team.staff);

      expect(await addAgendaItem(team.staff, meeting.id, { siteId: site.id })).toEqual(
        expect.objectContaining({ siteId: site.id, zoneId: null }),
      );
      expect(await addAgendaItem(team.staff, meeting.id, { zoneId: zone.id })).toEqual(
        expect.objectContaining({ siteId: site.id, zoneId: zone.id }),
      );
      const mismatch = await team.staff.post(`/api/meetings/${meeting.id}/agenda`, {
        title: 'x',
        siteId: otherSite.id,
        zoneId: zone.id,
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.message).toContain('zoneId');
      const noSite = await team.staff.post(`/api/meetings/${meeting.id}/agenda`, {
        title: 'x',
        siteId: '00000000-0000-4000-8000-000000000000',
      });
      expect(noSite.status).toBe(400);
      expect(noSite.body.message).toContain('siteId');

      const report = await createReport(team.officer, { zoneId: zone.id, category: 'enforcement_near_site' });
      const fromReport = await addAgendaItem(team.officer, meeting.id, {
        title: 'Rapport från polisen',
        reportId: report.id,
      });
      expect(fromReport).toEqual(
        expect.objectContaining({ reportId: report.id, siteId: site.id, zoneId: zone.id }),
      );
      // A report the caller cannot see cannot be linked: the outsider's organisation and site are not the staff's.
      const hidden = await createReport(team.outsider, { category: 'other' });
      const refused = await team.staff.post(`/api/meetings/${meeting.id}/agenda`, {
        title: 'x',
        reportId: hidden.id,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain('reportId');

      // Relinking is the organisers'.
      const item = await addAgendaItem(team.staff, meeting.id);
      expect(
        (
          await team.staff.patch(`/api/meetings/${meeting.id}/agenda/${item.id}`, {
            version: 1,
            siteId: site.id,
          })
        ).status,
      ).toBe(403);
      const relinked = await team.coordinator.patch(`/api/meetings/${meeting.id}/agenda/${item.id}`, {
        version: 1,
        zoneId: zone.id,
      });
      expect(relinked.body).toEqual(
        expect.objectContaining({ siteId: site.id, zoneId: zone.id, version: 2 }),
      );
      const unlinked = await team.coordinator.patch(`/api/meetings/${meeting.id}/agenda/${item.id}`, {
        version: 2,
        siteId: null,
        zoneId: null,
      });
      expect(unlinked.body).toEqual(expect.objectContaining({ siteId: null, zoneId: null, version: 3 }));
    });

    it('refuses a stale minutes save with 409 and the item as it is now, so nobody overwrites another silently', async () => {
      const meeting = await createMeeting(team);
      const item = await addAgendaItem(team.coordinator, meeting.id, { title: 'Läget vid sprutbytet' });
      const path = `/api/meetings/${meeting.id}/agenda/${item.id}`;

      // Both read version 1; the officer saves first.
      const first = await team.officer.patch(path, {
        version: 1,
        minutes: 'Polisen: två insatser i november.',
      });
      expect(first.status).toBe(200);
      expect(first.body).toEqual(
        expect.objectContaining({
          version: 2,
          minutes: 'Polisen: två insatser i november.',
          updatedBy: team.officer.user.id,
        }),
      );

      const second = await team.staff.patch(path, { version: 1, minutes: 'Verksamheten: fler besök.' });
      expect(second.status).toBe(409);
      const conflict = second.body as AgendaItemConflict;
      expect(conflict).toEqual(
        expect.objectContaining({
          statusCode: 409,
          error: 'Conflict',
          message: expect.stringContaining('version'),
        }),
      );
      expect(conflict.current).toEqual(
        expect.objectContaining({ id: item.id, version: 2, minutes: 'Polisen: två insatser i november.' }),
      );

      // The staff member merges and saves on the current version.
      const merged = `${conflict.current.minutes}\nVerksamheten: fler besök.`;
      const third = await team.staff.patch(path, { version: conflict.current.version, minutes: merged });
      expect(third.status).toBe(200);
      expect(third.body).toEqual(expect.objectContaining({ version: 3, minutes: merged }));
      // Saving the same text again changes nothing, so it cannot make someone else's next save conflict.
      expect((await team.staff.patch(path, { version: 3, minutes: merged })).body.version).toBe(3);

      const tooLong = await team.staff.patch(path, { version: 3, minutes: 'x'.repeat(20_001) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.message).toContain('minutes');
      expect((await team.staff.patch(path, { minutes: 'utan version' })).status).toBe(400);
      expect((await team.outsider.patch(path, { version: 3, minutes: 'x' })).status).toBe(404);
    });
  });

  describe('decisions and actions', () => {
    it('records decisions under items and about a zone version', async () => {
      const meeting = await createMeeting(team);
      const { zone } = await map.agreedZone(asMapTeam(team));
      const item = await addAgendaItem(team.coordinator, meeting.id, { zoneId: zone.id });
      const decision = await addDecision(team.coordinator, meeting.id, {
        text: 'Zonen är överenskommen.',
        agendaItemId: item.id,
        zoneId: zone.id,
      });
      expect(decision).toEqual(
        expect.objectContaining({ agendaItemId: item.id, zoneId: zone.id, zoneVersion: 1 }),
      );
      const badVersion = await team.coordinator.post(`/api/meetings/${meeting.id}/decisions`, {
        text: 'x',
        zoneId: zone.id,
        zoneVersion: 9,
      });
      expect(badVersion.status).toBe(400);
      expect(badVersion.body.message).toContain('zoneVersion');
      const otherMeeting = await createMeeting(team);
      const foreignItem = await team.coordinator.post(`/api/meetings/${otherMeeting.id}/decisions`, {
        text: 'x',
        agendaItemId: item.id,
      });
      expect(foreignItem.status).toBe(400);
      expect((await team.officer.post(`/api/meetings/${meeting.id}/decisions`, { text: 'x' })).status).toBe(
        403,
      );
      const edited = await team.policeSignatory.patch(
        `/api/meetings/${meeting.id}/decisions/${decision.id}`,
        { text: 'Zonen är överenskommen, version 1.' },
      );
      expect(edited.status).toBe(200);
      expect(edited.body.text).toBe('Zonen är överenskommen, version 1.');
      expect((await getMeeting(team.staff, meeting.id)).decisions).toEqual([edited.body]);
    });

    it('lists actions per owner, open ones first, and lets the owner mark theirs done', async () => {
      const meeting = await createMeeting(team);
      const later = await addAction(team.coordinator, meeting.id, {
        ownerId: team.officer.user.id,
        dueDate: addDays(localToday(new Date()), 14),
        title: 'Senare',
      });
      const sooner = await addAction(team.serviceSignatory, meeting.id, {
        ownerId: team.officer.user.id,
        dueDate: addDays(localToday(new Date()), 2),
        title: 'Snart',
      });
      const staffs = await addAction(team.coordinator, meeting.id, {
        ownerId: team.staff.user.id,
        dueDate: addDays(localToday(new Date()), 3),
      });

      const mine = (await team.officer.get(`/api/actions?owner=me&meetingId=${meeting.id}`)).body;
      expect(mine.map((action: { id: string }) => action.id)).toEqual([sooner.id, later.id]);
      expect(mine[0]).toEqual(
        expect.objectContaining({
          meetingId: meeting.id,
          meetingTitle: meeting.title,
          status: 'open',
          overdue: false,
        }),
      );
      expect(
        (await team.officer.get('/api/actions')).body.map((action: { id: string }) => action.id),
      ).toEqual(expect.arrayContaining([sooner.id, later.id]));
      expect((await team.staff.get(`/api/actions?owner=${team.officer.user.id}`)).status).toBe(403);
      const asCoordinator = (
        await team.coordinator.get(`/api/actions?owner=${team.staff.user.id}&meetingId=${meeting.id}`)
      ).body;
      expect(asCoordinator.map((action: { id: string }) => action.id)).toEqual([staffs.id]);
      expect((await team.officer.get('/api/actions?owner=someone')).status).toBe(400);

      // The owner marks their action done, and only that; others who take part cannot.
      const path = `/api/meetings/${meeting.id}/actions/${sooner.id}`;
      expect((await team.staff.patch(path, { status: 'done' })).status).toBe(403);
      expect((await team.officer.patch(path, { title: 'Annan titel' })).status).toBe(403);
      const done = await team.officer.patch(path, { status: 'done', version: 1 });
      expect(done.status).toBe(200);
      expect(done.body).toEqual(
        expect.objectContaining({ status: 'done', version: 2, doneAt: expect.any(String) }),
      );
      expect((await team.officer.patch(path, { status: 'open', version: 1 })).status).toBe(409);
      const open = (await team.officer.get(`/api/actions?owner=me&meetingId=${meeting.id}&status=open`)).body;
      expect(open.map((action: { id: string }) => action.id)).toEqual([later.id]);

      const outsiderOwner = await team.coordinator.post(`/api/meetings/${meeting.id}/actions`, {
        title: 'x',
        ownerId: team.outsider.user.id,
        dueDate: addDays(localToday(new Date()), 1),
      });
      expect(outsiderOwner.status).toBe(400);
      expect(outsiderOwner.body.message).toContain('ownerId');
      const badDate = await team.coordinator.post(`/api/meetings/${meeting.id}/actions`, {
        title: 'x',
        ownerId: team.officer.user.id,
        dueDate: '2026-02-30',
      });
      expect(badDate.status).toBe(400);
      expect(badDate.body.message).toContain('dueDate');
      expect(
        (
          await team.officer.post(`/api/meetings/${meeting.id}/actions`, {
            title: 'x',
            ownerId: team.officer.user.id,
            dueDate: addDays(localToday(new Date()), 1),
          })
        ).status,
      ).toBe(403);
    });

    it('marks open actions overdue once their due day has passed in Europe/Stockholm', async () => {
      const meeting = await createMeeting(team);
      const dueSunday = await addAction(team.coordinator, meeting.id, {
        ownerId: team.staff.user.id,
        dueDate: '2026-03-29',
      });
      const dueMonday = await addAction(team.coordinator, meeting.id, {
        ownerId: team.staff.user.id,
        dueDate: '2026-03-30',
      });
      const clock = app.app.get(Clock);
      // 22:30 UTC on Sunday 29 March 2026 is 00:30 on Monday in Malmö (summer time has begun).
      const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-03-29T22:30:00Z'));
      try {
        const listed = (await team.staff.get(`/api/actions?meetingId=${meeting.id}`)).body;
        expect(listed.map((action: { id: string; overdue: boolean }) => [action.id, action.overdue])).toEqual(
          [
            [dueSunday.id, true],
            [dueMonday.id, false],
          ],
        );
        const inMeeting = (await getMeeting(team.staff, meeting.id)).actions;
        expect(inMeeting.find((action) => action.id === dueSunday.id)?.overdue).toBe(true);
        spy.mockReturnValue(new Date('2026-03-29T21:30:00Z')); // 23:30 on Sunday in Malmö
        expect((await team.staff.get(`/api/actions?meetingId=${meeting.id}`)).body[0].overdue).toBe(false);
        await team.staff.patch(`/api/meetings/${meeting.id}/actions/${dueSunday.id}`, { status: 'done' });
        spy.mockReturnValue(new Date('2026-04-02T10:00:00Z'));
        const afterwards = (await team.staff.get(`/api/actions?meetingId=${meeting.id}`)).body;
        expect(
          afterwards.map((action: { id: string; overdue: boolean }) => [action.id, action.overdue]),
        ).toEqual([
          [dueMonday.id, true],
          [dueSunday.id, false],
        ]);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('the minutes export', () => {
    let meeting: Meeting;
    let report: FieldReport;
    let closedReport: FieldReport;

    beforeAll(async () => {
      meeting = await createMeeting(team, {
        title: 'Möte <b>1</b> & "citat"',
        startsAt: '2026-12-03T13:00:00+01:00',
      });
      const site = await map.site(team.staff, { name: 'Sprutbytet Södervärn' });
      report = await createReport(team.staff, { siteId: site.id, category: 'public_nuisance' });
      closedReport = await createReport(team.staff, { siteId: site.id, category: 'staff_safety' });
      expect(
        (await team.staff.patch(`/api/reports/${closedReport.id}`, { version: 1, status: 'closed' })).status,
      ).toBe(200);
      const item = await addAgendaItem(team.staff, meeting.id, {
        title: '# Rubrik [länk](https://x.test)',
        reportId: report.id,
      });
      await addAgendaItem(team.staff, meeting.id, { title: 'Stängd rapport', reportId: closedReport.id });
      await team.staff.patch(`/api/meetings/${meeting.id}/agenda/${item.id}`, {
        version: 1,
        minutes: 'Rad ett\n<script>alert("x")</script>\n- inte en lista',
      });
      await addDecision(team.coordinator, meeting.id, {
        text: 'Vi ses igen i januari.',
        agendaItemId: item.id,
      });
      await addAction(team.coordinator, meeting.id, {
        title: 'Skicka <i>kartan</i>',
        ownerId: team.officer.user.id,
        dueDate: '2026-12-15',
      });
    });

    it('writes Markdown with the organisations, agenda, minutes, decisions and actions, user text escaped', async () => {
      const response = await team.officer.get(`/api/meetings/${meeting.id}/minutes?format=md`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="protokoll-2026-12-03.md"',
      );
      const text: string = response.body;
      expect(text.startsWith('# Möte \\<b\\>1\\</b\\> \\& "citat"\n')).toBe(true);
      expect(text).toContain('2026-12-03 13:00 (Europe/Stockholm)');
      expect(text).toContain(`- ${team.police.name} (polis)`);
      expect(text).toContain(`- ${team.service.name} (verksamhet)`);
      expect(text).toContain('### 1\\. \\# Rubrik \\[länk\\](https://x.test)');
      expect(text).toContain('*Verksamhet:* Sprutbytet Södervärn');
      expect(text).toContain('*Fältrapport:* olägenhet på allmän plats');
      expect(text).toContain('Rad ett  \n\\<script\\>alert("x")\\</script\\>  \n\\- inte en lista');
      expect(text).not.toContain('<script>');
      expect(text).toContain('1. Vi ses igen i januari. — *Punkt:* 1\\. \\# Rubrik');
      expect(text).toContain(
        `- [ ] Skicka \\<i\\>kartan\\</i\\> — *Ansvarig:* ${team.officer.user.displayName} · *Klart senast:* 2026-12-15`,
      );

      const english = await team.officer.get(`/api/meetings/${meeting.id}/minutes?format=md&lang=en`);
      expect(english.body).toContain('## Participating organisations');
    });

    it('writes a printable A4 page with every user text escaped', async () => {
      const response = await team.staff.get(`/api/meetings/${meeting.id}/minutes?format=html`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html: string = response.body;
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('@page { size: A4;');
      expect(html).toContain('@media print');
      expect(html).toContain('<title>Möte &lt;b&gt;1&lt;/b&gt; &amp; &quot;citat&quot; – Protokoll</title>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(html).toContain('Skicka &lt;i&gt;kartan&lt;/i&gt;');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toContain('<b>1</b>');
      expect(html).toContain(`<li>${team.police.name} (polis)</li>`);
      expect((await team.staff.get(`/api/meetings/${meeting.id}/minutes?format=pdf`)).status).toBe(400);
    });

    it('marks the linked open reports discussed when the minutes are exported, and audits the export', async () => {
      expect((await team.staff.get(`/api/reports/${report.id}`)).body.status).toBe('discussed');
      expect((await team.staff.get(`/api/reports/${closedReport.id}`)).body.status).toBe('closed');
      const audit: AuditEvent[] = (
        await team.coordinator.get(`/api/audit?entity=meeting&entityId=${meeting.id}`)
      ).body;
      const exports = audit.filter((event) => event.action === 'minutes-export');
      expect(exports.length).toBeGreaterThanOrEqual(2);
      expect(exports[0].after).toEqual({ format: 'md', discussedReportIds: [report.id] });
      expect(exports[1].after).toEqual({ format: 'md', discussedReportIds: [] });
      const reportAudit: AuditEvent[] = (
        await team.coordinator.get(`/api/audit?entity=report&entityId=${report.id}`)
      ).body;
      expect(reportAudit.map((event) => event.action)).toContain('discuss');
    });
  });

  it('raises the meeting revision with every change to anything in it, its version only with its own details', async () => {
    const meeting = await createMeeting(team);
    const item: AgendaItem = await addAgendaItem(team.staff, meeting.id);
    await team.staff.patch(`/api/meetings/${meeting.id}/agenda/${item.id}`, { version: 1, minutes: 'a' });
    const after = await getMeeting(team.staff, meeting.id);
    expect(after.revision).toBe(meeting.revision + 2);
    expect(after.version).toBe(1);
  });
});
