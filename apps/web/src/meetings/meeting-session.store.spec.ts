import type { Meeting } from '@samverkan/contracts';
import { SocketRequestError, type ConnectionState } from '../api/socket-client';
import { WritableStore } from '../state/store';
import type { MeetingsApi } from './meetings-api';
import { MeetingSessionStore, type MeetingSocket } from './meeting-session.store';

const meeting = (revision: number, title = 'Samverkansmöte'): Meeting =>
  ({ id: 'meeting-1', title, revision, agenda: [], decisions: [], actions: [] }) as unknown as Meeting;

/** A socket that records requests and lets the test push server events. */
function fakeSocket(answers: Record<string, (payload: unknown) => unknown> = {}) {
  const handlers = new Map<string, (payload: never) => void>();
  const connection = new WritableStore<ConnectionState>({ status: 'connected', lostAt: null });
  const connectListeners: (() => void)[] = [];
  const requests: { event: string; payload: unknown }[] = [];
  const socket = {
    connected: true,
    on: (event: string, handler: (payload: never) => void) => {
      handlers.set(event, handler);
      return () => handlers.delete(event);
    },
    connection,
    onConnect: (listener: () => void) => {
      connectListeners.push(listener);
      return () => undefined;
    },
    request: (event: string, payload: unknown) => {
      requests.push({ event, payload });
      const answer = answers[event];
      return answer ? Promise.resolve().then(() => answer(payload)) : Promise.resolve({ ok: true });
    },
  };
  return {
    socket: socket as unknown as MeetingSocket,
    requests,
    push: (event: string, payload: unknown) => handlers.get(event)?.(payload as never),
    connect: () => {
      connection.set({ status: 'connected', lostAt: null });
      connectListeners.forEach((listener) => listener());
    },
    drop: () => connection.set({ status: 'reconnecting', lostAt: Date.now() }),
  };
}

const api = (get: () => Promise<Meeting>) => ({ get }) as unknown as MeetingsApi;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** user-1's session of meeting-1, connected and in the room, where `presenterId` presents. */
async function joinedSession(
  presenterId: string | null,
  get: () => Promise<Meeting> = async () => meeting(1),
) {
  const fake = fakeSocket({
    'meeting:join': () => ({ ok: true, presenterId, view: null, currentItemId: null }),
  });
  const session = new MeetingSessionStore('meeting-1', api(get), fake.socket, 'user-1');
  session.start();
  fake.connect();
  await flush();
  return { fake, session };
}

describe('MeetingSessionStore', () => {
  it('joins the room on every connection and takes the shared state from the answer', async () => {
    const fake = fakeSocket({
      'meeting:join': () => ({
        ok: true,
        presenterId: 'user-2',
        view: { center: { lat: 55.6, lng: 13 }, zoom: 15 },
        currentItemId: 'item-1',
      }),
    });
    const session = new MeetingSessionStore(
      'meeting-1',
      api(async () => meeting(1)),
      fake.socket,
      'user-1',
    );
    session.start();
    fake.connect();
    await flush();
    expect(session.value).toMatchObject({
      status: 'ready',
      live: true,
      presenterId: 'user-2',
      currentItemId: 'item-1',
    });
    fake.connect();
    await flush();
    expect(fake.requests.filter((request) => request.event === 'meeting:join')).toHaveLength(2);
  });

  it('keeps the newer of two meeting snapshots', async () => {
    const fake = fakeSocket();
    const session = new MeetingSessionStore(
      'meeting-1',
      api(async () => meeting(1)),
      fake.socket,
      'user-1',
    );
    session.start();
    await flush();
    fake.push('meeting:updated', meeting(3, 'Newer'));
    fake.push('meeting:updated', meeting(2, 'Older'));
    fake.push('meeting:updated', { ...meeting(9, 'Another meeting'), id: 'meeting-2' });
    expect(session.value.meeting?.title).toBe('Newer');
  });

  it('stops following when the user looks around, and follows again on request or a new presenter', async () => {
    const { fake, session } = await joinedSession('user-2');
    session.detach();
    expect(session.value.following).toBe(false);
    fake.push('meeting:view', { meetingId: 'meeting-1', center: { lat: 55.59, lng: 13.01 }, zoom: 16 });
    expect(session.value.view).toEqual({ center: { lat: 55.59, lng: 13.01 }, zoom: 16 });
    session.follow();
    expect(session.value.following).toBe(true);
    session.detach();
    fake.push('meeting:presenter', { meetingId: 'meeting-1', presenterId: 'user-3' });
    expect(session.value).toMatchObject({ presenterId: 'user-3', following: true });
  });

  it('keeps the presenter’s bounds with the view, and says who left until someone presents again', async () => {
    const { fake, session } = await joinedSession('user-2');
    const bounds = { south: 55.58, west: 12.98, north: 55.6, east: 13.04 };
    fake.push('meeting:view', {
      meetingId: 'meeting-1',
      center: { lat: 55.59, lng: 13.01 },
      zoom: 16,
      bounds,
    });
    expect(session.value.view).toEqual({ center: { lat: 55.59, lng: 13.01 }, zoom: 16, bounds });

    fake.push('meeting:presenter', { meetingId: 'meeting-1', presenterId: null });
    fake.push('meeting:presenter-left', { meetingId: 'meeting-1', userId: 'user-2' });
    fake.push('meeting:presenter-left', { meetingId: 'meeting-2', userId: 'user-9' });
    expect(session.value).toMatchObject({ presenterId: null, presenterLeftId: 'user-2' });
    // A join that finds someone presenting again drops it.
    fake.connect();
    await flush();
    expect(session.value).toMatchObject({ presenterId: 'user-2', presenterLeftId: null });
    fake.push('meeting:presenter', { meetingId: 'meeting-1', presenterId: null });
    fake.push('meeting:presenter-left', { meetingId: 'meeting-1', userId: 'user-2' });
    fake.push('meeting:presenter', { meetingId: 'meeting-1', presenterId: 'user-3' });
    expect(session.value).toMatchObject({ presenterId: 'user-3', presenterLeftId: null, following: true });
  });

  it('as the presenter sends at most the newest of a quick series of views', async () => {
    const { fake, session } = await joinedSession('user-1');
    for (const zoom of [14, 15, 16, 17]) session.presenterMoved({ center: { lat: 55.6, lng: 13 }, zoom });
    await flush();
    await flush();
    const views = fake.requests.filter((request) => request.event === 'meeting:view');
    expect(views.map((request) => (request.payload as { zoom: number }).zoom)).toEqual([14, 17]);
  });

  it('sends nothing for a follower’s moves', async () => {
    const { fake, session } = await joinedSession('user-2');
    session.presenterMoved({ center: { lat: 55.6, lng: 13 }, zoom: 14 });
    await flush();
    expect(fake.requests.some((request) => request.event === 'meeting:view')).toBe(false);
  });

  it('says when the meeting cannot be seen', async () => {
    const fake = fakeSocket({
      'meeting:join': () => {
        throw new SocketRequestError('not_found', 'No such meeting');
      },
    });
    const session = new MeetingSessionStore(
      'meeting-1',
      api(() => new Promise(() => undefined)),
      fake.socket,
      'user-1',
    );
    session.start();
    fake.connect();
    await flush();
    expect(session.value.status).toBe('not_found');
  });

  it('reads the meeting again after a reconnection, not after the first join', async () => {
    const get = jest.fn(async () => meeting(1));
    const { fake } = await joinedSession(null, get);
    expect(get).toHaveBeenCalledTimes(1);
    fake.connect();
    await flush();
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('after a change over HTTP reads the meeting only when the live room cannot bring it', async () => {
    const get = jest.fn(async () => meeting(1));
    const { fake, session } = await joinedSession(null, get);
    session.changed();
    expect(get).toHaveBeenCalledTimes(1);
    fake.drop();
    expect(session.value.live).toBe(false);
    session.changed();
    expect(get).toHaveBeenCalledTimes(2);
  });
});
