import type { Ack, Meeting } from '@samverkan/contracts';
import type { AppProcess } from '../support/app-process';
import { Factory } from '../support/factories';
import {
  addAgendaItem,
  createMeeting,
  joinedMeeting,
  joinMeeting,
  MeetingTeam,
  meetingTeam,
} from '../support/meeting-factories';
import { meetingSentinel } from '../support/sentinels';
import { connectSocket, TestSocket } from '../support/sockets';
import { startInstances, startTestApp, TestApp, twoInstancesSkipReason } from '../support/test-app';

/** The shared map of a meeting over Socket.IO with real socket.io-client connections. */

jest.setTimeout(60_000);

const MALMO_C = { lat: 55.6092, lng: 13.0007 };
const MALMO_C_BOUNDS = { south: 55.6052, west: 12.9927, north: 55.6132, east: 13.0087 };

describe('the shared map of a meeting', () => {
  let app: TestApp;
  let factory: Factory;
  let team: MeetingTeam;
  const open: TestSocket[] = [];
  const socketOf = async (user: { token?: string }, baseUrl = app.baseUrl) => {
    const socket = await connectSocket(baseUrl, user.token!);
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await startTestApp();
    factory = await Factory.create(app.baseUrl);
    team = await meetingTeam(factory);
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  it('lets participants join, answers the stored state, and refuses those who do not take part', async () => {
    const meeting = await createMeeting(team);
    const officer = await socketOf(team.officer);
    const outsider = await socketOf(team.outsider);
    // Another meeting both take part in, for sentinels (see sentinels.ts).
    const sentinel = await meetingSentinel(
      team,
      [team.police.id, team.outsider.organisationId],
      [officer, outsider],
    );
    expect(await joinMeeting(officer, meeting.id)).toEqual({
      ok: true,
      view: null,
      currentItemId: null,
      presenterId: null,
    });

    const refused = await joinMeeting(outsider, meeting.id);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining(meeting.id) },
    });
    expect(await joinMeeting(outsider, 'not-a-uuid')).toEqual({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('meetingId'), field: 'meetingId', reason: 'invalid_id' },
    });

    // A change over HTTP reaches the room as the whole meeting.
    const updated = officer.next('meeting:updated', (payload: Meeting) => payload.id === meeting.id);
    const item = await addAgendaItem(team.staff, meeting.id, { title: 'Ny punkt' });
    const snapshot = await updated;
    expect(snapshot.agenda.map((entry) => entry.id)).toEqual([item.id]);
    expect(snapshot.revision).toBe(meeting.revision + 1);
    await sentinel.pass();
    const ofMeeting = (update: Meeting) => update.id === meeting.id;
    expect(outsider.all('meeting:updated', ofMeeting)).toEqual([]);

    expect(await officer.request('meeting:leave', { meetingId: meeting.id })).toEqual({ ok: true });
    await addAgendaItem(team.staff, meeting.id);
    await sentinel.pass();
    expect(officer.all('meeting:updated', ofMeeting)).toHaveLength(1);
  });

  it('passes the presenter’s view and item to the followers, refuses others, and keeps the state for late joiners', async () => {
    const meeting = await createMeeting(team);
    const [first, second] = [
      await addAgendaItem(team.coordinator, meeting.id),
      await addAgendaItem(team.coordinator, meeting.id),
    ];
    const presenter = await socketOf(team.coordinator);
    const follower = await socketOf(team.officer);
    const other = await socketOf(team.staff);
    await joinedMeeting(presenter, meeting.id);
    await joinedMeeting(follower, meeting.id);
    await joinedMeeting(other, meeting.id);

    // Nobody presents yet: moving the map is refused.
    expect(
      await follower.request('meeting:view', { meetingId: meeting.id, center: MALMO_C, zoom: 14 }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('presenter') },
    });

    const presenterEvent = follower.next('meeting:presenter');
    expect(await presenter.request('meeting:present', { meetingId: meeting.id })).toEqual({
      ok: true,
      presenterId: team.coordinator.user.id,
    });
    expect(await presenterEvent).toEqual({ meetingId: meeting.id, presenterId: team.coordinator.user.id });

    // A client that sends only centre and zoom (as before bounds existed) is followed as it was.
    const viewed = follower.next('meeting:view');
    const viewedByOther = other.next('meeting:view');
    expect(
      await presenter.request('meeting:view', { meetingId: meeting.id, center: MALMO_C, zoom: 15.5 }),
    ).toEqual({ ok: true });
    expect(await viewed).toEqual({ meetingId: meeting.id, center: MALMO_C, zoom: 15.5 });
    expect(await viewedByOther).toEqual({ meetingId: meeting.id, center: MALMO_C, zoom: 15.5 });
    // With the view's bounds, a follower on a smaller screen can fit the whole view; they reach everyone.
    const withBounds = follower.next('meeting:view');
    expect(
      await presenter.request('meeting:view', {
        meetingId: meeting.id,
        center: MALMO_C,
        zoom: 15,
        bounds: MALMO_C_BOUNDS,
      }),
    ).toEqual({ ok: true });
    expect(await withBounds).toEqual({
      meetingId: meeting.id,
      center: MALMO_C,
      zoom: 15,
      bounds: MALMO_C_BOUNDS,
    });
    expect((await joinedMeeting(other, meeting.id)).view).toEqual({
      center: MALMO_C,
      zoom: 15,
      bounds: MALMO_C_BOUNDS,
    });
    expect(
      await presenter.request('meeting:view', { meetingId: meeting.id, center: MALMO_C, zoom: 15.5 }),
    ).toEqual({ ok: true });
    await follower.next('meeting:view', (payload) => payload.zoom === 15.5);

    // A follower who is not the presenter cannot move everyone's map.
    expect(
      await follower.request('meeting:view', {
        meetingId: meeting.id,
        center: { lat: 55.6, lng: 13.0 },
        zoom: 12,
      }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });
    expect(await follower.request('meeting:item', { meetingId: meeting.id, itemId: first.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });

    const itemToFollower = follower.next('meeting:item');
    const itemToPresenter = presenter.next('meeting:item');
    expect(await presenter.request('meeting:item', { meetingId: meeting.id, itemId: second.id })).toEqual({
      ok: true,
    });
    expect(await itemToFollower).toEqual({ meetingId: meeting.id, itemId: second.id });
    expect(await itemToPresenter).toEqual({ meetingId: meeting.id, itemId: second.id });
    const otherMeeting = await createMeeting(team);
    const foreign = await addAgendaItem(team.coordinator, otherMeeting.id);
    expect(await presenter.request('meeting:item', { meetingId: meeting.id, itemId: foreign.id })).toEqual({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('itemId'), field: 'itemId', reason: 'unknown_reference' },
    });

    // Sentinel: a change to the meeting reaches the whole room after everything above.
    const added = await addAgendaItem(team.coordinator, meeting.id);
    for (const socket of [presenter, follower, other])
      await socket.next('meeting:updated', (update: Meeting) =>
        update.agenda.some((entry) => entry.id === added.id),
      );
    // The presenter's own map is not sent back to it; the refused attempts reached nobody.
    expect(presenter.all('meeting:view')).toEqual([]);
    expect(follower.all('meeting:view')).toHaveLength(3);
    expect(other.all('meeting:item')).toHaveLength(1);

    // Someone who joins late (from any instance) gets the state from the database.
    const late = await socketOf(team.serviceSignatory);
    expect(await joinedMeeting(late, meeting.id)).toEqual({
      ok: true,
      view: { center: MALMO_C, zoom: 15.5 },
      currentItemId: second.id,
      presenterId: team.coordinator.user.id,
    });
    const read = (await team.staff.get(`/api/meetings/${meeting.id}`)).body as Meeting;
    expect(read).toEqual(
      expect.objectContaining({
        presenterId: team.coordinator.user.id,
        currentItemId: second.id,
        view: { center: MALMO_C, zoom: 15.5 },
      }),
    );
  });

  it('validates the payloads and answers every bad one through the acknowledgement', async () => {
    const meeting = await createMeeting(team);
    const presenter = await socketOf(team.coordinator);
    await joinedMeeting(presenter, meeting.id);
    await presenter.request('meeting:present', { meetingId: meeting.id });
    const view = { meetingId: meeting.id, center: MALMO_C, zoom: 15 };
    const bad: [string, unknown, RegExp][] = [
      ['meeting:view', { meetingId: meeting.id, center: { lat: 91, lng: 13 }, zoom: 12 }, /center\.lat/],
      ['meeting:view', { meetingId: meeting.id, center: { lat: 55, lng: 181 }, zoom: 12 }, /center\.lng/],
      ['meeting:view', { meetingId: meeting.id, center: [55, 13], zoom: 12 }, /center/],
      ['meeting:view', { meetingId: meeting.id, lat: 55, lng: 13, zoom: 12 }, /center|lat/],
      [
        'meeting:view',
        { meetingId: meeting.id, center: { lat: '55', lng: 13 }, zoom: 12 },
        /center\.lat: must be a number/,
      ],
      ['meeting:view', { meetingId: meeting.id, center: MALMO_C, zoom: 40 }, /zoom/],
      ['meeting:view', { ...view, bounds: [12.99, 55.6, 13.01, 55.61] }, /^bounds: must be an object/],
      [
        'meeting:view',
        { ...view, bounds: { ...MALMO_C_BOUNDS, north: 95 } },
        /^bounds\.north: must be within/,
      ],
      [
        'meeting:view',
        { ...view, bounds: { ...MALMO_C_BOUNDS, west: '12.99' } },
        /^bounds\.west: must be a number/,
      ],
      ['meeting:view', { ...view, bounds: { ...MALMO_C_BOUNDS, east: undefined } }, /^bounds\.east/],
      [
        'meeting:view',
        { ...view, bounds: { ...MALMO_C_BOUNDS, south: 55.62 } },
        /^bounds\.north: must not be below south/,
      ],
      [
        'meeting:view',
        { ...view, bounds: { ...MALMO_C_BOUNDS, west: 13.02, east: 13.03 } },
        /^bounds: must contain center/,
      ],
      [
        'meeting:view',
        { ...view, bounds: { ...MALMO_C_BOUNDS, east: 12.9 } },
        /^bounds\.east: must not lie west/,
      ],
      ['meeting:view', { ...view, bounds: { ...MALMO_C_BOUNDS, zoom: 3 } }, /^bounds\.zoom/],
      ['meeting:item', { meetingId: meeting.id }, /itemId/],
      ['meeting:item', { meetingId: meeting.id, itemId: 'first' }, /itemId/],
      ['meeting:present', { meetingId: meeting.id, userId: 'someone' }, /userId/],
      ['meeting:join', 'not an object', /./],
    ];
    for (const [event, payload, field] of bad) {
      const ack = await presenter.request<Ack>(event, payload);
      expect({ event, payload, ack }).toEqual({
        event,
        payload,
        ack: { ok: false, error: expect.objectContaining({ code: 'bad_request', message: expect.stringMatching(field) }) },
      });
    }
    expect(presenter.connected).toBe(true);
    // None of the refused views was stored.
    expect((await joinedMeeting(presenter, meeting.id)).view).toBeNull();
  });

  it('hands the presenter role over, lets a signatory take it from a presenter who left, and ends it', async () => {
    const meeting = await createMeeting(team);
    const coordinator = await socketOf(team.coordinator);
    const officer = await socketOf(team.officer);
    const signatory = await socketOf(team.serviceSignatory);
    for (const socket of [coordinator, officer, signatory]) await joinedMeeting(socket, meeting.id);

    // Without the role, an officer can neither take it nor give it.
    expect(await officer.request('meeting:present', { meetingId: meeting.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });
    expect(await coordinator.request('meeting:present', { meetingId: meeting.id })).toEqual({
      ok: true,
      presenterId: team.coordinator.user.id,
    });

    // The coordinator hands the role to the officer: everyone in the room hears it.
    const heardByOfficer = officer.next(
      'meeting:presenter',
      (payload) => payload.presenterId === team.officer.user.id,
    );
    const heardBySignatory = signatory.next(
      'meeting:presenter',
      (payload) => payload.presenterId === team.officer.user.id,
    );
    expect(
      await coordinator.request('meeting:present', { meetingId: meeting.id, userId: team.officer.user.id }),
    ).toEqual({
      ok: true,
      presenterId: team.officer.user.id,
    });
    await Promise.all([heardByOfficer, heardBySignatory]);

    // The new presenter moves the map; the old one no longer can.
    const followed = coordinator.next('meeting:view');
    expect(
      await officer.request('meeting:view', { meetingId: meeting.id, center: MALMO_C, zoom: 13 }),
    ).toEqual({ ok: true });
    expect(await followed).toEqual({ meetingId: meeting.id, center: MALMO_C, zoom: 13 });
    expect(
      await coordinator.request('meeting:view', { meetingId: meeting.id, center: MALMO_C, zoom: 10 }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });

    // Only someone who takes part can be given the role.
    expect(
      await officer.request('meeting:present', { meetingId: meeting.id, userId: team.outsider.user.id }),
    ).toEqual({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('userId'), field: 'userId', reason: 'unknown_reference' },
    });

    // A signatory cannot take the role from a presenter who is still there …
    expect(await signatory.request('meeting:present', { meetingId: meeting.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });
    // … but can once the presenter has left the meeting.
    expect(await officer.request('meeting:leave', { meetingId: meeting.id })).toEqual({ ok: true });
    const takenOver = coordinator.next(
      'meeting:presenter',
      (payload) => payload.presenterId === team.serviceSignatory.user.id,
    );
    expect(await signatory.request('meeting:present', { meetingId: meeting.id })).toEqual({
      ok: true,
      presenterId: team.serviceSignatory.user.id,
    });
    await takenOver;

    // The presenter ends the presentation.
    const ended = coordinator.next('meeting:presenter', (payload) => payload.presenterId === null);
    expect(await signatory.request('meeting:present', { meetingId: meeting.id, userId: null })).toEqual({
      ok: true,
      presenterId: null,
    });
    await ended;
    expect((await joinedMeeting(coordinator, meeting.id)).presenterId).toBeNull();
  });

  it('takes an organisation’s sockets out of the room when it leaves the meeting, and clears its presenter', async () => {
    const meeting = await createMeeting(team);
    const coordinator = await socketOf(team.coordinator);
    const staff = await socketOf(team.staff);
    const officer = await socketOf(team.officer);
    for (const socket of [coordinator, staff, officer]) await joinedMeeting(socket, meeting.id);
    const sentinel = await meetingSentinel(team, [team.service.id], [staff]);
    expect(
      await coordinator.request('meeting:present', { meetingId: meeting.id, userId: team.staff.user.id }),
    ).toEqual({ ok: true, presenterId: team.staff.user.id });

    const removed = staff.next('meeting:removed');
    const cleared = officer.next('meeting:presenter', (payload) => payload.presenterId === null);
    expect(
      (await team.coordinator.patch(`/api/meetings/${meeting.id}`, { organisationIds: [team.police.id] }))
        .status,
    ).toBe(200);
    expect(await removed).toEqual({ meetingId: meeting.id });
    await cleared;

    const item = await addAgendaItem(team.coordinator, meeting.id);
    await officer.next('meeting:updated', (payload: Meeting) =>
      payload.agenda.some((entry) => entry.id === item.id),
    );
    await sentinel.pass();
    expect(
      staff.all('meeting:updated', (payload: Meeting) =>
        payload.agenda.some((entry) => entry.id === item.id),
      ),
    ).toEqual([]);
    expect(await joinMeeting(staff, meeting.id)).toEqual({
      ok: false,
      error: { code: 'not_found', message: expect.any(String) },
    });
    expect(await staff.request('meeting:view', { meetingId: meeting.id, center: MALMO_C, zoom: 12 })).toEqual(
      {
        ok: false,
        error: { code: 'not_found', message: expect.any(String) },
      },
    );
  });
});

/** The presenter's grace period, shortened: long enough for a reconnection, short enough to wait out. */
const GRACE_MS = 3000;

describe('a presenter who leaves the meeting', () => {
  let app: TestApp;
  let team: MeetingTeam;
  const open: TestSocket[] = [];
  const socketOf = async (user: { token?: string }) => {
    const socket = await connectSocket(app.baseUrl, user.token!);
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await startTestApp({ overrides: { presenterGraceMs: GRACE_MS } });
    team = await meetingTeam(await Factory.create(app.baseUrl));
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await app.close();
  });

  it('keeps the role through a reconnection within the grace period, and gives it up past it', async () => {
    const [stays, leaves] = [await createMeeting(team), await createMeeting(team)];
    const officer = await socketOf(team.officer);
    const signatory = await socketOf(team.serviceSignatory);
    for (const socket of [officer, signatory]) {
      await joinedMeeting(socket, stays.id);
      await joinedMeeting(socket, leaves.id);
    }
    // The coordinator presents both meetings, each from its own page (socket).
    const first = await socketOf(team.coordinator);
    const second = await socketOf(team.coordinator);
    await joinedMeeting(first, stays.id);
    await joinedMeeting(second, leaves.id);
    for (const [socket, meeting] of [
      [first, stays],
      [second, leaves],
    ] as const)
      expect(await socket.request('meeting:present', { meetingId: meeting.id })).toMatchObject({ ok: true });

    // The first page reloads: a new connection joins again well within the grace period.
    first.close();
    const reloaded = await socketOf(team.coordinator);
    expect((await joinedMeeting(reloaded, stays.id)).presenterId).toBe(team.coordinator.user.id);
    // The second page closes for good, after the first one went: its grace period ends later.
    const gone = officer.next(
      'meeting:presenter-left',
      (payload) => payload.meetingId === leaves.id,
      GRACE_MS + 15_000,
    );
    second.close();
    expect(await gone).toEqual({ meetingId: leaves.id, userId: team.coordinator.user.id });
    // Nobody presents that meeting any more (said first, so clients that know only this event stop following).
    expect(officer.all('meeting:presenter', (payload) => payload.meetingId === leaves.id)).toEqual([
      { meetingId: leaves.id, presenterId: team.coordinator.user.id },
      { meetingId: leaves.id, presenterId: null },
    ]);
    await signatory.next('meeting:presenter-left', (payload) => payload.meetingId === leaves.id);
    expect((await joinedMeeting(officer, leaves.id)).presenterId).toBeNull();

    // The meeting whose presenter came back heard nothing: its grace period ended before the other's, whose
    // notice is the sentinel (one instance, one room path, timers in the order they were set).
    const ofStays = (payload: { meetingId: string }) => payload.meetingId === stays.id;
    expect(officer.all('meeting:presenter-left', ofStays)).toEqual([]);
    expect(officer.all('meeting:presenter', ofStays)).toEqual([
      { meetingId: stays.id, presenterId: team.coordinator.user.id },
    ]);
    expect((await joinedMeeting(officer, stays.id)).presenterId).toBe(team.coordinator.user.id);
    const followed = officer.next('meeting:view', ofStays);
    expect(
      await reloaded.request('meeting:view', { meetingId: stays.id, center: MALMO_C, zoom: 14 }),
    ).toEqual({ ok: true });
    await followed;

    // Whoever may present today takes over the meeting the presenter left: a signatory, as nobody presents.
    expect(await signatory.request('meeting:present', { meetingId: leaves.id })).toEqual({
      ok: true,
      presenterId: team.serviceSignatory.user.id,
    });
  });

  it('gives the role up when the presenter leaves the meeting’s page without closing the app', async () => {
    const meeting = await createMeeting(team);
    const officer = await socketOf(team.officer);
    const presenter = await socketOf(team.policeSignatory);
    for (const socket of [officer, presenter]) await joinedMeeting(socket, meeting.id);
    expect(await presenter.request('meeting:present', { meetingId: meeting.id })).toMatchObject({ ok: true });

    const gone = officer.next('meeting:presenter-left', undefined, GRACE_MS + 15_000);
    expect(await presenter.request('meeting:leave', { meetingId: meeting.id })).toEqual({ ok: true });
    expect(await gone).toEqual({ meetingId: meeting.id, userId: team.policeSignatory.user.id });
    // The coordinator takes over presenting.
    const coordinator = await socketOf(team.coordinator);
    await joinedMeeting(coordinator, meeting.id);
    const taken = officer.next(
      'meeting:presenter',
      (payload) => payload.presenterId === team.coordinator.user.id,
    );
    expect(await coordinator.request('meeting:present', { meetingId: meeting.id })).toMatchObject({
      ok: true,
    });
    await taken;
    expect(officer.all('meeting:presenter').map((payload) => payload.presenterId)).toEqual([
      team.policeSignatory.user.id,
      null,
      team.coordinator.user.id,
    ]);
  });
});

/**
 * Two api processes on one PostgreSQL and one Redis: the state lives in the database and the room in Redis, so a
 * participant on either instance follows the presenter on the other. Needs DATABASE_URL and REDIS_URL (CI has both)
 * and the built api (`npm run build:api`).
 */
const scaleOutSkipReason = twoInstancesSkipReason();
if (scaleOutSkipReason) console.warn(`Skipping the meeting scale-out test: ${scaleOutSkipReason}.`);

(scaleOutSkipReason ? describe.skip : describe)('the shared map on two instances', () => {
  let instances: AppProcess[] = [];
  const open: TestSocket[] = [];

  beforeAll(async () => {
    instances = await startInstances(2);
  }, 120_000);
  afterAll(async () => {
    for (const socket of open) socket.close();
    await Promise.all(instances.map((instance) => instance.stop()));
    instances = [];
  });

  it('follows a presenter on the other instance and answers the same state on both', async () => {
    const [one, two] = instances;
    const factory = await Factory.create(one.baseUrl);
    const team = await meetingTeam(factory);
    const meeting = await createMeeting(team);
    const item = await addAgendaItem(team.coordinator, meeting.id);
    const connect = async (token: string, baseUrl: string) => {
      const socket = await connectSocket(baseUrl, token);
      open.push(socket);
      return socket;
    };
    const presenter = await connect(team.coordinator.token!, one.baseUrl);
    const follower = await connect(team.officer.token!, two.baseUrl);
    const signatory = await connect(team.serviceSignatory.token!, two.baseUrl);
    for (const socket of [presenter, follower, signatory]) await joinedMeeting(socket, meeting.id);

    const heard = follower.next('meeting:presenter', undefined, 10_000);
    expect(await presenter.request('meeting:present', { meetingId: meeting.id })).toEqual({
      ok: true,
      presenterId: team.coordinator.user.id,
    });
    await heard;
    const viewed = follower.next('meeting:view', undefined, 10_000);
    const itemed = follower.next('meeting:item', undefined, 10_000);
    await presenter.request('meeting:view', { meetingId: meeting.id, center: MALMO_C, zoom: 16 });
    await presenter.request('meeting:item', { meetingId: meeting.id, itemId: item.id });
    expect(await viewed).toEqual({ meetingId: meeting.id, center: MALMO_C, zoom: 16 });
    expect(await itemed).toEqual({ meetingId: meeting.id, itemId: item.id });

    // The presenter is connected on the other instance: the signatory cannot take over.
    expect(await signatory.request('meeting:present', { meetingId: meeting.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });

    const expected = {
      ok: true,
      view: { center: MALMO_C, zoom: 16 },
      currentItemId: item.id,
      presenterId: team.coordinator.user.id,
    };
    expect(await joinMeeting(await connect(team.staff.token!, one.baseUrl), meeting.id)).toEqual(expected);
    expect(await joinMeeting(await connect(team.staff.token!, two.baseUrl), meeting.id)).toEqual(expected);
  });
});
