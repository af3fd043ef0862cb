import { randomUUID } from 'node:crypto';
import { MESSAGE_RATE_LIMIT } from '@samverkan/contracts';
import { Factory } from '../support/factories';
import { request } from '../support/http';
import {
  joinChannel,
  meetingChannel,
  postMessage,
  sendMessage,
  userWithSocket,
} from '../support/messaging-factories';
import { messageSentinel } from '../support/sentinels';
import { connectError, connectSocket, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/** The Socket.IO side of messaging: handshake, origins, every event with good and bad payloads, limits. */

// Sockets, several users and the embedded database: more than Jest's default 5 s per test.
jest.setTimeout(60_000);

describe('messaging sockets', () => {
  let app: TestApp;
  let factory: Factory;
  const open: TestSocket[] = [];

  /** Sockets opened by a test are closed after it. */
  const track = <T extends { socket: TestSocket } | TestSocket>(value: T): T => {
    open.push(value instanceof TestSocket ? value : value.socket);
    return value;
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { ALLOWED_ORIGINS: 'https://partner.example.org' } });
    factory = await Factory.create(app.baseUrl);
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  describe('the handshake', () => {
    it('refuses a missing, malformed, forged or revoked token with connect_error "unauthorized"', async () => {
      const user = await factory.user({ role: 'police' });
      expect(await connectError(app.baseUrl, undefined)).toBe('unauthorized');
      expect(await connectError(app.baseUrl, 'not-a-token')).toBe('unauthorized');
      const [header, payload] = user.token!.split('.');
      expect(await connectError(app.baseUrl, `${header}.${payload}.forged-signature`)).toBe('unauthorized');

      const other = await factory.user({ role: 'service' });
      expect((await other.post('/api/auth/logout')).status).toBe(204);
      expect(await connectError(app.baseUrl, other.token!)).toBe('unauthorized');

      const socket = track(await connectSocket(app.baseUrl, user.token!));
      expect(socket.connected).toBe(true);
    });

    it.each(['websocket', 'polling'] as const)(
      'accepts the app’s own and listed origins and refuses others (%s)',
      async (transport) => {
        const user = await factory.user({ role: 'police' });
        track(
          await connectSocket(app.baseUrl, user.token!, { transports: [transport], origin: app.baseUrl }),
        );
        track(
          await connectSocket(app.baseUrl, user.token!, {
            transports: [transport],
            origin: 'https://partner.example.org',
          }),
        );
        track(await connectSocket(app.baseUrl, user.token!, { transports: [transport] }));
        await expect(
          connectError(app.baseUrl, user.token!, {
            transports: [transport],
            origin: 'https://evil.example.com',
          }),
        ).resolves.toEqual(expect.any(String));
        await expect(
          connectError(app.baseUrl, user.token!, { transports: [transport], origin: 'null' }),
        ).resolves.toEqual(expect.any(String));
      },
    );

    it('disconnects the sockets of a user who is disabled, and of a token that is logged out', async () => {
      const disabled = await userWithSocket(factory, { role: 'service' });
      const secondTab = track(await connectSocket(app.baseUrl, disabled.user.token!));
      track(disabled);
      const closed = [disabled.socket.disconnection(5000), secondTab.disconnection(5000)];
      expect(
        (await factory.admin.patch(`/api/users/${disabled.user.user.id}`, { disabled: true })).status,
      ).toBe(200);
      await Promise.all(closed);

      const loggedOut = track(await userWithSocket(factory, { role: 'police' }));
      // A second sign-in of the same user keeps its socket: only the logged-out token's sockets close.
      const again = await request(app.baseUrl, 'POST', '/api/auth/login', {
        body: { email: loggedOut.user.email, password: loggedOut.user.password },
      });
      const otherSession = track(await connectSocket(app.baseUrl, again.body.accessToken));
      const closing = loggedOut.socket.disconnection(5000);
      expect((await loggedOut.user.post('/api/auth/logout')).status).toBe(204);
      await closing;
      // The other session's socket still answers on its connection, after the logout closed the first one.
      expect(await otherSession.request('presence:list', {})).toMatchObject({ ok: true });
      expect(otherSession.connected).toBe(true);
    });

    it('disconnects within 5 s a session revoked behind the api’s back (another instance)', async () => {
      const { user, socket } = track(await userWithSocket(factory, { role: 'police' }));
      const closing = socket.disconnection(5000);
      // As another instance would: straight in the database, with no event on this one.
      await app.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [user.user.id]);
      await closing;
      expect(await connectError(app.baseUrl, user.token!)).toBe('unauthorized');
    });
  });

  describe('events', () => {
    it('answers an unknown event with unknown_event and a malformed payload with bad_request, and stays connected', async () => {
      const { socket } = track(await userWithSocket(factory, { role: 'police' }));
      expect(await socket.request('no:such-event', { x: 1 })).toEqual({
        ok: false,
        error: { code: 'unknown_event', message: expect.any(String) },
      });
      for (const event of [
        'channel:join',
        'channel:leave',
        'message:send',
        'message:read',
        'alert:ack',
        'typing',
      ]) {
        for (const payload of [
          undefined,
          null,
          'text',
          42,
          [1, 2],
          { channelId: 'nope', messageId: 'nope' },
        ]) {
          const ack = await socket.request(event, payload);
          expect({ event, payload, ack }).toEqual({
            event,
            payload,
            ack: { ok: false, error: expect.objectContaining({ code: 'bad_request', message: expect.any(String) }) },
          });
        }
      }
      expect(socket.connected).toBe(true);
    });

    it('channel:join checks visibility and catches up from sinceSeq; channel:leave stops delivery', async () => {
      const coordinator = track(await userWithSocket(factory, { role: 'coordinator' }));
      const police = track(await userWithSocket(factory, { role: 'police' }));
      const channel = await meetingChannel(coordinator.user);

      // A meeting channel with no organisations yet is for coordinators and admins only.
      expect(await police.socket.request('channel:join', { channelId: channel.id })).toEqual({
        ok: false,
        error: { code: 'not_found', message: expect.any(String) },
      });
      expect(await coordinator.socket.request('channel:join', { channelId: randomUUID() })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(
        await coordinator.socket.request('channel:join', { channelId: channel.id, sinceSeq: -1 }),
      ).toMatchObject({
        ok: false,
        error: { code: 'bad_request', message: 'sinceSeq: must be 0 or more' },
      });
      expect(
        await coordinator.socket.request('channel:join', { channelId: channel.id, sinceSeq: 1.5 }),
      ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(
        await coordinator.socket.request('channel:join', { channelId: channel.id, extra: true }),
      ).toMatchObject({ ok: false, error: { code: 'bad_request' } });

      const first = await joinChannel(coordinator.socket, channel.id);
      expect(first).toEqual({ ok: true, messages: [], lastSeq: 0 });
      const sent = [];
      for (const body of ['ett', 'två', 'tre'])
        sent.push(await postMessage(coordinator.socket, channel.id, body));
      const since1 = await joinChannel(coordinator.socket, channel.id, 1);
      expect(since1.messages.map((message) => message.body)).toEqual(['två', 'tre']);
      expect(since1.lastSeq).toBe(3);

      expect(await coordinator.socket.request('channel:leave', { channelId: channel.id })).toEqual({
        ok: true,
      });
      const colleague = track(await userWithSocket(factory, { role: 'coordinator' }));
      const stillJoined = await meetingChannel(coordinator.user);
      await joinChannel(coordinator.socket, stillJoined.id);
      await postMessage(colleague.socket, channel.id, 'efter att du gick');
      await messageSentinel(colleague.socket, stillJoined.id, coordinator.socket);
      expect(
        coordinator.socket.all('message:new', (message) => message.body === 'efter att du gick'),
      ).toHaveLength(0);
      expect(sent.map((message) => message.seq)).toEqual([1, 2, 3]);
    });

    it('message:send validates the body (1–4000 code points, no NUL), the priority and the clientId', async () => {
      const { user, socket } = track(await userWithSocket(factory, { role: 'coordinator' }));
      const channel = await meetingChannel(user);
      const bad = async (payload: Record<string, unknown>, field: string) => {
        const ack = await socket.request('message:send', {
          channelId: channel.id,
          clientId: randomUUID(),
          body: 'hej',
          ...payload,
        });
        expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
        expect(ack.error.message.startsWith(`${field}:`)).toBe(true);
      };
      await bad({ body: '' }, 'body');
      await bad({ body: 'x'.repeat(4001) }, 'body');
      await bad({ body: 'a\u0000b' }, 'body');
      await bad({ body: 'a\ud800b' }, 'body');
      await bad({ body: 12 }, 'body');
      await bad({ priority: 'high' }, 'priority');
      await bad({ clientId: 'my-message-1' }, 'clientId');
      await bad({ channelId: undefined }, 'channelId');

      // 4000 code points, emoji counted as one each, stored exactly as sent (no trimming).
      const body = ' ' + '🚑'.repeat(3998) + ' ';
      const stored = await postMessage(socket, channel.id, body, { priority: 'urgent' });
      expect(stored.body).toBe(body);
      expect(stored.priority).toBe('urgent');
      expect(socket.connected).toBe(true);
    });

    it('refuses to send to a channel the user cannot see, or that does not exist', async () => {
      const coordinator = track(await userWithSocket(factory, { role: 'coordinator' }));
      const service = track(await userWithSocket(factory, { role: 'service' }));
      const channel = await meetingChannel(coordinator.user);
      expect(await sendMessage(service.socket, channel.id, 'smyger in')).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await sendMessage(service.socket, randomUUID(), 'ingenstans')).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      const history = await coordinator.user.get(`/api/channels/${channel.id}/messages`);
      expect(history.body).toEqual([]);
    });

    it('message:read moves the read position forward only and tells the room', async () => {
      const a = track(await userWithSocket(factory, { role: 'coordinator' }));
      const b = track(await userWithSocket(factory, { role: 'coordinator' }));
      const channel = await meetingChannel(a.user);
      await joinChannel(a.socket, channel.id);
      for (const body of ['1', '2', '3']) await postMessage(b.socket, channel.id, body);

      expect(await b.socket.request('message:read', { channelId: channel.id, seq: 9 })).toMatchObject({
        ok: false,
        error: { code: 'bad_request', message: "seq: is beyond the channel's last message (3)" },
      });
      expect(await b.socket.request('message:read', { channelId: channel.id, seq: '2' })).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
      expect(await a.socket.request('message:read', { channelId: channel.id, seq: 2 })).toEqual({ ok: true });
      expect(await a.socket.next('message:read')).toEqual({
        channelId: channel.id,
        userId: a.user.user.id,
        seq: 2,
      });
      // Going back is accepted but changes nothing, and nobody is told.
      expect(await a.socket.request('message:read', { channelId: channel.id, seq: 1 })).toEqual({ ok: true });
      // Sentinel: moving forward again is told, on the same path.
      expect(await a.socket.request('message:read', { channelId: channel.id, seq: 3 })).toEqual({ ok: true });
      await a.socket.next('message:read', (event) => event.seq === 3);
      expect(a.socket.all('message:read').map((event) => event.seq)).toEqual([2, 3]);
      const service = track(await userWithSocket(factory, { role: 'service' }));
      expect(await service.socket.request('message:read', { channelId: channel.id, seq: 1 })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });

    it('typing reaches the others in the room, throttled, and needs a joined channel', async () => {
      const a = track(await userWithSocket(factory, { role: 'coordinator' }));
      const b = track(await userWithSocket(factory, { role: 'coordinator' }));
      const channel = await meetingChannel(a.user);
      expect(await a.socket.request('typing', { channelId: channel.id })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      await joinChannel(a.socket, channel.id);
      await joinChannel(b.socket, channel.id);
      for (let i = 0; i < 5; i++)
        expect(await a.socket.request('typing', { channelId: channel.id })).toEqual({ ok: true });
      a.socket.socket.emit('typing', { channelId: channel.id }); // without an acknowledgement: fine too
      expect(await b.socket.next('typing')).toEqual({ channelId: channel.id, userId: a.user.user.id });
      // Sentinel: a message from `a`, sent after the typing notices, reaches both sockets after any notice would.
      await messageSentinel(a.socket, channel.id, [a.socket, b.socket]);
      expect(b.socket.all('typing')).toHaveLength(1);
      expect(a.socket.all('typing')).toHaveLength(0);
    });

    it('limits each user to a burst of messages, but still answers a resend of a stored one', async () => {
      const { user, socket } = track(await userWithSocket(factory, { role: 'coordinator' }));
      const channel = await meetingChannel(user);
      const clientIds = Array.from({ length: MESSAGE_RATE_LIMIT.messages + 3 }, () => randomUUID());
      const acks = await Promise.all(
        clientIds.map((clientId, i) => sendMessage(socket, channel.id, `nr ${i}`, { clientId })),
      );
      const stored = acks.filter((ack) => ack.ok);
      const limited = acks.filter((ack) => !ack.ok);
      expect(stored).toHaveLength(MESSAGE_RATE_LIMIT.messages);
      expect(limited).toHaveLength(3);
      for (const ack of limited)
        expect(ack).toMatchObject({
          ok: false,
          error: { code: 'rate_limited', message: expect.stringContaining('Too many messages') },
        });
      const storedIndex = acks.findIndex((ack) => ack.ok);
      const again = await sendMessage(socket, channel.id, `nr ${storedIndex}`, {
        clientId: clientIds[storedIndex],
      });
      expect(again).toMatchObject({ ok: true, message: { clientId: clientIds[storedIndex] } });
    });

    it('closes a connection that sends a frame over 1 MB, and keeps serving others', async () => {
      const { user, socket } = track(await userWithSocket(factory, { role: 'coordinator' }));
      const channel = await meetingChannel(user);
      const closing = socket.disconnection(5000);
      // No acknowledgement awaited: the frame ends the connection.
      const raw = socket.socket as unknown as { emit(event: string, payload: unknown): void };
      raw.emit('message:send', {
        channelId: channel.id,
        clientId: randomUUID(),
        body: 'x'.repeat(1_100_000),
      });
      await closing;
      const other = track(await connectSocket(app.baseUrl, user.token!));
      expect((await sendMessage(other, channel.id, 'fortfarande här')).ok).toBe(true);
    });
  });

  describe('presence', () => {
    it('counts a user’s tabs once: online with the first, offline after the last; colleagues hear each change, everyone a batch', async () => {
      const watcher = track(await userWithSocket(factory, { role: 'police' }));
      const person = await factory.user({ role: 'service' });
      const colleague = track(await userWithSocket(factory, { role: 'service', organisationId: person.organisationId }));
      const id = person.user.id;
      const tab1 = track(await connectSocket(app.baseUrl, person.token!));
      await colleague.socket.next('presence', (event) => event.userId === id && event.online);
      await watcher.socket.next('presence:batch', (batch) => batch.online.includes(id));
      const tab2 = track(await connectSocket(app.baseUrl, person.token!));
      const list = await watcher.socket.request('presence:list', {});
      expect(list.ok).toBe(true);
      expect(list.online).toEqual(expect.arrayContaining([id, watcher.user.user.id]));

      // Sentinel: a colleague's only tab, closed after tab1 on the same instance, goes offline on the same path
      // (the grace period, the check, the batch): an offline for `id` would have come before it.
      const sentinel = await factory.user({ role: 'service', organisationId: person.organisationId });
      const sentinelTab = track(await connectSocket(app.baseUrl, sentinel.token!));
      await colleague.socket.next('presence', (event) => event.userId === sentinel.user.id && event.online);
      tab1.close();
      sentinelTab.close();
      await colleague.socket.next('presence', (event) => event.userId === sentinel.user.id && !event.online);
      await watcher.socket.next('presence:batch', (batch) => batch.offline.includes(sentinel.user.id));
      expect(colleague.socket.all('presence', (event) => event.userId === id)).toEqual([{ userId: id, online: true }]);
      expect(watcher.socket.all('presence:batch', (batch) => batch.offline.includes(id))).toEqual([]);
      // Presence of someone in another organisation reaches the watcher only in batches.
      expect(watcher.socket.all('presence', (event) => event.userId === id)).toEqual([]);
      tab2.close();
      await colleague.socket.next('presence', (event) => event.userId === id && !event.online, 5000);
      await watcher.socket.next('presence:batch', (batch) => batch.offline.includes(id), 5000);
      expect((await watcher.socket.request('presence:list', {})).online).not.toContain(id);
    });

    it('tells everyone of many users coming online at once in a few batches', async () => {
      const watcher = track(await userWithSocket(factory, { role: 'coordinator' }));
      const people = await Promise.all(Array.from({ length: 12 }, () => factory.user({ role: 'service' })));
      const tabs = await Promise.all(people.map((person) => connectSocket(app.baseUrl, person.token!)));
      tabs.forEach((tab) => track(tab));
      const ids = new Set(people.map((person) => person.user.id));
      const heard = new Set<string>();
      while (heard.size < ids.size) {
        const batch = await watcher.socket.next('presence:batch', (event) => event.online.some((id) => ids.has(id)));
        batch.online.filter((id) => ids.has(id)).forEach((id) => heard.add(id));
      }
      const batches = watcher.socket.all('presence:batch', (event) => event.online.some((id) => ids.has(id)));
      expect(batches.length).toBeLessThan(ids.size);
    });
  });
});
