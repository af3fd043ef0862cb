import { refusalOf } from '../common/spec-helpers';
import { DecisionsService } from './decisions.service';
import { meetingsWorld, ORG, PEOPLE } from './meetings.fake';

// Decisions: organisers record them, each optionally under an agenda item of the meeting and about a zone version
// (the zone's current version when none is given).

const { coordinator, officer, serviceSignatory } = PEOPLE;

function setUp() {
  const world = meetingsWorld();
  const decisions = new DecisionsService(
    world.meetings,
    world.repositories.decisions,
    world.repositories.agenda,
    world.zones,
    world.audit,
  );
  const meeting = world.store.seedMeeting([ORG.police, ORG.service]);
  return { ...world, decisions, meetingId: meeting.id };
}

describe('DecisionsService', () => {
  it('lets organisers record a decision, about a zone at its current version unless one is named', async () => {
    const { decisions, meetingId, actions } = setUp();

    expect(await decisions.add(meetingId, { text: 'Zonen gäller', zoneId: 'zone-1' }, serviceSignatory)).toMatchObject({
      zoneId: 'zone-1',
      zoneVersion: 2,
    });
    expect(await decisions.add(meetingId, { text: 'Förra versionen', zoneId: 'zone-1', zoneVersion: 1 }, coordinator)).toMatchObject({
      zoneVersion: 1,
    });
    expect(actions()).toEqual(['decision-add', 'decision-add']);
  });

  it('refuses participants who do not organise (403), recording nothing', async () => {
    const { decisions, store, meetingId } = setUp();
    expect((await refusalOf(decisions.add(meetingId, { text: 'X' }, officer))).status).toBe(403);
    expect(store.decisions).toEqual([]);
  });

  it('checks what a decision refers to, naming the field', async () => {
    const { decisions, store, meetingId } = setUp();
    const otherMeeting = store.seedMeeting([ORG.police]);
    const itemElsewhere = store.seedItem(otherMeeting.id);
    const add = (input: object) => refusalOf(decisions.add(meetingId, { text: 'X', ...input }, coordinator));

    expect(await add({ agendaItemId: itemElsewhere.id })).toMatchObject({ status: 400, fields: ['agendaItemId'] });
    expect(await add({ zoneVersion: 1 })).toMatchObject({ status: 400, fields: ['zoneVersion'], message: 'zoneVersion: needs zoneId' });
    expect(await add({ zoneId: 'zone-gone' })).toMatchObject({ status: 400, fields: ['zoneId'] });
    expect(await add({ zoneId: 'zone-1', zoneVersion: 3 })).toMatchObject({
      status: 400,
      fields: ['zoneVersion'],
      message: expect.stringContaining('it is at version 2'),
    });
    expect(store.decisions).toEqual([]);
  });

  it("takes another zone at that zone's current version, and keeps the version when only the text changes", async () => {
    const { decisions, store, meetingId } = setUp();
    const { id } = store.seedDecision(meetingId, { zoneId: 'zone-1', zoneVersion: 1 });

    expect(await decisions.update(meetingId, id, { text: 'Ny lydelse' }, coordinator)).toMatchObject({ zoneId: 'zone-1', zoneVersion: 1 });
    expect(await decisions.update(meetingId, id, { zoneId: 'zone-2' }, coordinator)).toMatchObject({ zoneId: 'zone-2', zoneVersion: 5 });
  });

  it('lets only organisers delete a decision; 404 for one of another meeting', async () => {
    const { decisions, store, meetingId } = setUp();
    const { id } = store.seedDecision(meetingId);
    const elsewhere = store.seedDecision(store.seedMeeting([ORG.police]).id);

    expect((await refusalOf(decisions.remove(meetingId, id, officer))).status).toBe(403);
    expect((await refusalOf(decisions.remove(meetingId, elsewhere.id, coordinator))).status).toBe(404);
    await decisions.remove(meetingId, id, serviceSignatory);
    expect(store.decisions.map((decision) => decision.id)).toEqual([elsewhere.id]);
  });
});
