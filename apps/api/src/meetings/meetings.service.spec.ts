import { refusalOf } from '../common/spec-helpers';
import { meetingsWorld, ORG, PEOPLE } from './meetings.fake';

// Who creates, sees and changes a meeting, and the frame every change runs in. Visibility and the other
// queries are SQL in MeetingsRepository, covered by the e2e tests; here they are the fake's.

const { coordinator, policeSignatory, officer, serviceSignatory, serviceStaff, outsider } = PEOPLE;
const STARTS_AT = '2026-12-10T13:00:00.000Z';

describe('MeetingsService', () => {
  describe('create', () => {
    it('lets a signatory create a meeting with their own organisation: stored, audited, with its channel', async () => {
      const { meetings, store, outbox, actions } = meetingsWorld();

      const meeting = await meetings.create(
        { title: 'Samverkan Malmö', startsAt: STARTS_AT, organisationIds: [ORG.police, ORG.service] },
        policeSignatory,
      );

      expect(meeting).toMatchObject({ title: 'Samverkan Malmö', organisationIds: [ORG.police, ORG.service].sort(), version: 1 });
      expect(meeting.channelId).toBe(`channel-of-${meeting.id}`);
      expect(outbox.channelUpdates).toEqual([{ meetingId: meeting.id, title: 'Samverkan Malmö', organisationIds: [ORG.police, ORG.service] }]);
      expect(actions()).toEqual(['create']);
      expect(store.meeting(meeting.id).seriesKey).toBe(`organisations:${[ORG.police, ORG.service].sort().join(',')}`);
    });

    it('refuses staff who are not signatories (403) and stores nothing', async () => {
      const { meetings, store } = meetingsWorld();
      const refusal = await refusalOf(meetings.create({ title: 'M', startsAt: STARTS_AT, organisationIds: [ORG.service] }, serviceStaff));
      expect(refusal.status).toBe(403);
      expect(store.meetings).toEqual([]);
    });

    it("asks a signatory to include their own organisation, and refuses unknown organisations, naming organisationIds", async () => {
      const { meetings, store, outbox } = meetingsWorld();

      expect(await refusalOf(meetings.create({ title: 'M', startsAt: STARTS_AT, organisationIds: [ORG.police] }, serviceSignatory))).toMatchObject({
        status: 400,
        fields: ['organisationIds'],
        message: 'organisationIds: must include your own organisation',
      });
      const unknown = '00000000-0000-4000-8000-00000000ffff';
      expect(await refusalOf(meetings.create({ title: 'M', startsAt: STARTS_AT, organisationIds: [unknown] }, coordinator))).toMatchObject({
        status: 400,
        fields: ['organisationIds'],
      });
      expect(store.meetings).toEqual([]);
      expect(outbox.channelUpdates).toEqual([]);
    });

    it('refuses a start outside the years 2000 to 2099', async () => {
      const { meetings } = meetingsWorld();
      const refusal = await refusalOf(meetings.create({ title: 'M', startsAt: '1999-12-31T12:00:00Z', organisationIds: [ORG.police] }, coordinator));
      expect(refusal).toMatchObject({ status: 400, fields: ['startsAt'] });
    });
  });

  describe('get', () => {
    it('answers 404, not 403, to someone whose organisation does not take part; coordinators see every meeting', async () => {
      const { meetings, store } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police, ORG.service], { channelId: 'channel-1' });

      expect((await refusalOf(meetings.get(id, outsider))).status).toBe(404);
      expect((await meetings.get(id, officer)).id).toBe(id);
      expect((await meetings.get(id, coordinator)).id).toBe(id);
    });
  });

  describe('update', () => {
    it('lets an organiser change the meeting: a new version, audited, and sent to its room', async () => {
      const { meetings, store, outbox, actions } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police, ORG.service]);

      const meeting = await meetings.update(id, { version: 1, title: 'Nytt namn' }, serviceSignatory);

      expect(meeting).toMatchObject({ title: 'Nytt namn', version: 2 });
      expect(outbox.changed.map((sent) => sent.title)).toEqual(['Nytt namn']);
      // A new title renames the meeting's channel.
      expect(outbox.channelUpdates).toEqual([{ meetingId: id, title: 'Nytt namn', organisationIds: [ORG.police, ORG.service].sort() }]);
      expect(actions()).toEqual(['update']);
    });

    it('refuses participants who are not signatories (403), changing nothing', async () => {
      const { meetings, store, outbox } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police, ORG.service]);

      expect((await refusalOf(meetings.update(id, { version: 1, title: 'X' }, officer))).status).toBe(403);
      expect(store.meeting(id)).toMatchObject({ title: 'Samverkansmöte', version: 1 });
      expect(outbox.changed).toEqual([]);
    });

    it('answers 409 for a stale version and 404 for a meeting the user cannot see', async () => {
      const { meetings, store, outbox } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police, ORG.service], { version: 3 });

      expect(await refusalOf(meetings.update(id, { version: 2, title: 'X' }, coordinator))).toMatchObject({
        status: 409,
        message: 'The meeting is at version 3, not 2: reload it and try again',
      });
      expect((await refusalOf(meetings.update(id, { version: 3, title: 'X' }, outsider))).status).toBe(404);
      expect(store.meeting(id).title).toBe('Samverkansmöte');
      expect(outbox.changed).toEqual([]);
    });

    it('asks for at least one field to change', async () => {
      const { meetings, store } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police]);
      expect(await refusalOf(meetings.update(id, { version: 1 }, coordinator))).toMatchObject({ status: 400, fields: ['body'] });
    });

    it('refuses to take out an organisation whose members own open actions of the meeting (409)', async () => {
      const { meetings, store } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police, ORG.service]);
      store.seedAction(id, { ownerId: serviceStaff.id, status: 'open' });

      const refusal = await refusalOf(meetings.update(id, { version: 1, organisationIds: [ORG.police] }, coordinator));

      expect(refusal).toMatchObject({ status: 409, message: expect.stringContaining('1 open action(s)') });
      expect(store.meetingOrganisations[id]).toEqual([ORG.police, ORG.service]);
    });

    it('takes an organisation out: its sockets leave the room, and its presenter stops presenting', async () => {
      const { meetings, store, outbox } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police, ORG.service], { presenterId: serviceSignatory.id });
      store.seedAction(id, { ownerId: serviceStaff.id, status: 'done' });

      const meeting = await meetings.update(id, { version: 1, organisationIds: [ORG.police] }, coordinator);

      expect(meeting).toMatchObject({ organisationIds: [ORG.police], presenterId: null });
      expect(outbox.organisationsLeft).toEqual([{ meetingId: id, organisationIds: [ORG.service] }]);
      expect(outbox.presenters).toEqual([{ meetingId: id, presenterId: null }]);
      expect(outbox.channelUpdates).toEqual([{ meetingId: id, title: 'Samverkansmöte', organisationIds: [ORG.police] }]);
    });
  });

  describe('taking organisations out and in', () => {
    it("lets an organisation's own signatory take it out, but not another participant's", async () => {
      const { meetings, store } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police, ORG.service], { createdBy: coordinator.id });

      expect((await refusalOf(meetings.update(id, { version: 1, organisationIds: [ORG.service] }, serviceSignatory))).status).toBe(403);
      expect(store.meetingOrganisations[id]).toEqual([ORG.police, ORG.service]);

      expect(await meetings.update(id, { version: 1, organisationIds: [ORG.police] }, serviceSignatory)).toMatchObject({
        organisationIds: [ORG.police],
      });
    });

    it('refuses to let in an organisation that may not see a field report the agenda links (409)', async () => {
      const { meetings, store, outbox } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.police]);
      store.seedItem(id, { reportId: 'report-1' });
      store.reportsHiddenFrom['report-1'] = [ORG.otherService];

      const refusal = await refusalOf(meetings.update(id, { version: 1, organisationIds: [ORG.police, ORG.otherService] }, coordinator));

      expect(refusal).toMatchObject({ status: 409, message: expect.stringContaining('report-1') });
      expect(store.meetingOrganisations[id]).toEqual([ORG.police]);
      expect(outbox.channelUpdates).toEqual([]);
      expect(await meetings.update(id, { version: 1, organisationIds: [ORG.police, ORG.service] }, coordinator)).toMatchObject({ version: 2 });
    });
  });

  describe('change', () => {
    it('runs no work for a meeting the user cannot see (404) and bumps the revision of one they can', async () => {
      const { meetings, store } = meetingsWorld();
      const { id } = store.seedMeeting([ORG.service]);
      const work = jest.fn(async () => 'done');

      expect((await refusalOf(meetings.change(policeSignatory, id, work))).status).toBe(404);
      expect(work).not.toHaveBeenCalled();
      expect(store.meeting(id).revision).toBe(1);

      expect(await meetings.change(serviceStaff, id, work)).toBe('done');
      expect(store.meeting(id).revision).toBe(2);
      // The work sees the meeting as it was before its own bump.
      expect(work).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ revision: 1, organisationIds: [ORG.service] }), expect.anything());
    });
  });
});
