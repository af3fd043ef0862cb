import { refusalOf } from '../common/spec-helpers';
import { ActionsService } from './actions.service';
import { meetingsWorld, ORG, PEOPLE } from './meetings.fake';

// Action items: organisers record and change them; the owner may only mark their own action done or open again.

const { coordinator, policeSignatory, officer, serviceSignatory, serviceStaff, outsider } = PEOPLE;

function setUp() {
  const world = meetingsWorld();
  const actionsService = new ActionsService(
    world.meetings,
    world.repositories.actions,
    world.repositories.agenda,
    world.people,
    world.audit,
  );
  const meeting = world.store.seedMeeting([ORG.police, ORG.service]);
  return { ...world, actionsService, meetingId: meeting.id };
}

describe('ActionsService', () => {
  describe('add', () => {
    it('lets an organiser give an action to a participant: open, audited, sent to the room', async () => {
      const { actionsService, meetingId, outbox, actions } = setUp();

      const action = await actionsService.add(meetingId, { title: 'Kolla belysningen', ownerId: officer.id, dueDate: '2026-12-20' }, serviceSignatory);

      expect(action).toMatchObject({ title: 'Kolla belysningen', ownerId: officer.id, status: 'open', overdue: false, version: 1 });
      expect(actions()).toEqual(['action-add']);
      expect(outbox.changed[0].actions.map((sent) => sent.id)).toEqual([action.id]);
    });

    it('marks an open action past its due day (in Stockholm) as overdue', async () => {
      const { actionsService, meetingId } = setUp();
      const action = await actionsService.add(meetingId, { title: 'Sen', ownerId: officer.id, dueDate: '2026-12-14' }, coordinator);
      expect(action.overdue).toBe(true);
    });

    it('refuses participants who do not organise (403), storing nothing', async () => {
      const { actionsService, store, meetingId } = setUp();
      expect((await refusalOf(actionsService.add(meetingId, { title: 'X', ownerId: officer.id, dueDate: '2026-12-20' }, serviceStaff))).status).toBe(403);
      expect(store.actions).toEqual([]);
    });

    it('asks for an owner who can see the meeting and is not disabled, and an agenda item of this meeting', async () => {
      const { actionsService, store, meetingId } = setUp();
      store.people.find((person) => person.id === serviceStaff.id)!.disabled = true;
      const add = (changes: object) => refusalOf(actionsService.add(meetingId, { title: 'X', ownerId: officer.id, dueDate: '2026-12-20', ...changes }, coordinator));

      expect(await add({ ownerId: outsider.id })).toMatchObject({ status: 400, fields: ['ownerId'], message: expect.stringContaining('participating organisation') });
      expect(await add({ ownerId: serviceStaff.id })).toMatchObject({ status: 400, fields: ['ownerId'], message: 'ownerId: names a disabled user' });
      expect(await add({ ownerId: 'nobody' })).toMatchObject({ status: 400, fields: ['ownerId'] });
      expect(await add({ agendaItemId: 'item-of-nothing' })).toMatchObject({ status: 400, fields: ['agendaItemId'] });
      // Coordinators may own actions of any meeting.
      expect((await actionsService.add(meetingId, { title: 'Y', ownerId: coordinator.id, dueDate: '2026-12-20' }, coordinator)).ownerId).toBe(coordinator.id);
    });
  });

  describe('update', () => {
    it('lets the owner mark their own action done and open again, and nothing else', async () => {
      const { actionsService, store, meetingId } = setUp();
      const { id } = store.seedAction(meetingId, { ownerId: officer.id });

      expect(await actionsService.update(meetingId, id, { version: 1, status: 'done' }, officer)).toMatchObject({ status: 'done', version: 2 });
      expect(store.action(id).doneAt).not.toBeNull();
      expect(await actionsService.update(meetingId, id, { version: 2, status: 'open' }, officer)).toMatchObject({ status: 'open', doneAt: null });
      expect((await refusalOf(actionsService.update(meetingId, id, { version: 3, title: 'Mitt' }, officer))).status).toBe(403);
      expect((await refusalOf(actionsService.update(meetingId, id, { version: 3, status: 'done' }, serviceStaff))).status).toBe(403);
      expect(store.action(id)).toMatchObject({ status: 'open', title: 'Ring tillbaka', version: 3 });
    });

    it('lets organisers change any field, checking a new owner', async () => {
      const { actionsService, store, meetingId } = setUp();
      const { id } = store.seedAction(meetingId, { ownerId: officer.id });

      expect(await actionsService.update(meetingId, id, { version: 1, ownerId: serviceStaff.id, dueDate: '2027-01-10' }, policeSignatory)).toMatchObject({
        ownerId: serviceStaff.id,
        dueDate: '2027-01-10',
      });
      expect(await refusalOf(actionsService.update(meetingId, id, { version: 2, ownerId: outsider.id }, policeSignatory))).toMatchObject({
        status: 400,
        fields: ['ownerId'],
      });
    });

    it('answers 409 for a stale version, changing nothing', async () => {
      const { actionsService, store, meetingId, actions } = setUp();
      const { id } = store.seedAction(meetingId, { version: 2 });

      expect(await refusalOf(actionsService.update(meetingId, id, { version: 1, status: 'done' }, coordinator))).toMatchObject({
        status: 409,
        message: 'The action is at version 2, not 1: reload it and try again',
      });
      expect(store.action(id).status).toBe('open');
      expect(actions()).toEqual([]);
    });

    it('answers an update that changes nothing without a new version or an audit event', async () => {
      const { actionsService, store, meetingId, actions } = setUp();
      const { id } = store.seedAction(meetingId, { status: 'done' });

      expect(await actionsService.update(meetingId, id, { version: 1, status: 'done' }, coordinator)).toMatchObject({ version: 1 });
      expect(actions()).toEqual([]);
    });
  });

  describe('remove', () => {
    it('is for organisers only', async () => {
      const { actionsService, store, meetingId } = setUp();
      const { id } = store.seedAction(meetingId, { ownerId: serviceStaff.id });

      expect((await refusalOf(actionsService.remove(meetingId, id, serviceStaff))).status).toBe(403);
      await actionsService.remove(meetingId, id, serviceSignatory);
      expect(store.actions).toEqual([]);
    });
  });

  describe('list', () => {
    it("lists the caller's own actions, and another person's only for coordinators and admins", async () => {
      const { actionsService, store, meetingId } = setUp();
      store.seedAction(meetingId, { ownerId: officer.id, title: 'Officerens' });

      expect((await actionsService.list({}, officer)).map((action) => action.title)).toEqual(['Officerens']);
      expect((await refusalOf(actionsService.list({ owner: officer.id }, policeSignatory))).status).toBe(403);
      expect((await actionsService.list({ owner: officer.id }, coordinator)).map((action) => action.meetingTitle)).toEqual(['Samverkansmöte']);
    });
  });
});
