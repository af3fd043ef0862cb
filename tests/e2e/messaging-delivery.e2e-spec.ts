import { randomUUID } from 'node:crypto';
import type { Channel, Message } from '@samverkan/contracts';
import { ChannelsService } from '../../apps/api/src/messaging/channels.service';
import { RetentionService } from '../../apps/api/src/messaging/retention.service';
import { Factory } from '../support/factories';
import {
  channelOf,
  directChannel,
  joinChannel,
  meetingChannel,
  postMessage,
  sendMessage,
  userWithSocket,
} from '../support/messaging-factories';
import { messageSentinel, presenceSentinel } from '../support/sentinels';
import { connectSocket, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory } from '../support/zone-factories';

/** Messages that arrive exactly once, in order, to the people allowed to read them. */

// Sockets, several users and the embedded database: more than Jest's default 5 s per test.
jest.setTimeout(60_000);

describe('messaging delivery', () => {
  let app: TestApp;
  let factory: Factory;
  let map: MapFactory;
  const open: TestSocket[] = [];
  const track = <T extends { socket: TestSocket } | TestSocket>(value: T): T => {
    open.push(value instanceof TestSocket ? value : value.socket);
    return value;
  };
  const channelsOf = async (user: { get: Factory['admin']['get'] }): Promise<Channel[]> =>
    (await user.get('/api/channels')).body;

  beforeAll(async () => {
    app = await startTestApp();
    factory = await Factory.create(app.baseUrl);
    map = new MapFactory(factory);
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  it('has one joint channel that every user sees from the start', async () => {
    const users = await Promise.all([
      factory.user({ role: 'police' }),
      factory.user({ role: 'service' }),
      factory.user({ role: 'coordinator' }),
    ]);
    const joints = await Promise.all(
      users.map(async (user) => (await channelsOf(user)).filter((channel) => channel.kind === 'joint')),
    );
    for (const joint of joints)
      expect(joint).toEqual([
        expect.objectContaining({ kind: 'joint', name: 'Gemensam kanal', refId: null }),
      ]);
    expect(new Set(joints.map((joint) => joint[0].id)).size).toBe(1);
  });

  it('stores a resent clientId once and answers the stored message, also for concurrent resends', async () => {
    const { user, socket } = track(await userWithSocket(factory, { role: 'coordinator' }));
    const tab2 = track(await connectSocket(app.baseUrl, user.token!));
    const channel = await meetingChannel(user);
    const clientId = randomUUID();
    const first = await postMessage(socket, channel.id, 'kommer ni?', { clientId });
    const again = await postMessage(socket, channel.id, 'kommer ni?', { clientId });
    expect(again).toEqual(first);

    const racing = randomUUID();
    const acks = await Promise.all([
      ...Array.from({ length: 4 }, () => sendMessage(socket, channel.id, 'samtidigt', { clientId: racing })),
      ...Array.from({ length: 4 }, () => sendMessage(tab2, channel.id, 'samtidigt', { clientId: racing })),
    ]);
    const ids = new Set(acks.map((ack) => (ack.ok ? ack.message.id : 'refused')));
    expect([...ids]).toHaveLength(1);
    expect(ids.has('refused')).toBe(false);

    const history: Message[] = (await user.get(`/api/channels/${channel.id}/messages`)).body;
    expect(history.map((message) => [message.seq, message.body])).toEqual([
      [1, 'kommer ni?'],
      [2, 'samtidigt'],
    ]);
    // The same clientId from another author is another message.
    const colleague = track(await userWithSocket(factory, { role: 'coordinator' }));
    expect((await postMessage(colleague.socket, channel.id, 'min egen', { clientId })).seq).toBe(3);
  });

  it('gives gap-free, strictly rising seq to 4 concurrent senders × 20 messages, delivered once each', async () => {
    const senders = await Promise.all(
      Array.from({ length: 4 }, () => userWithSocket(factory, { role: 'coordinator' }).then(track)),
    );
    const channel = await meetingChannel(senders[0].user);
    const observer = track(await userWithSocket(factory, { role: 'admin' }));
    await joinChannel(observer.socket, channel.id);

    const acks = await Promise.all(
      senders.flatMap((sender, s) =>
        Array.from({ length: 20 }, (_, i) =>
          sendMessage(sender.socket, channel.id, `avsändare ${s} nr ${i}`),
        ),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const seqs = acks.map((ack) => (ack.ok ? ack.message.seq : -1)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));

    // Each sender's own messages got rising seq in the order they were sent from one socket.
    const history: Message[] = (
      await observer.user.get(`/api/channels/${channel.id}/messages?afterSeq=0&limit=200`)
    ).body;
    expect(history.map((message) => message.seq)).toEqual(seqs);
    // Concurrent senders' messages may go out in any order: wait for each one (a missing one shows below).
    await Promise.all(
      seqs.map((seq) =>
        observer.socket.next(
          'message:new',
          (message) => message.channelId === channel.id && message.seq === seq,
          10_000,
        ),
      ),
    ).catch(() => undefined);
    const delivered = observer.socket
      .all('message:new', (message) => message.channelId === channel.id)
      .map((message) => message.seq);
    expect(delivered.sort((a, b) => a - b)).toEqual(seqs);
  });

  it('answers each of a burst of sends on its own: resends, a doubled clientId and a hidden channel fail no others', async () => {
    const { user, socket } = track(await userWithSocket(factory, { role: 'coordinator' }));
    const member = track(await userWithSocket(factory, { role: 'admin' }));
    const channel = await meetingChannel(user);
    await joinChannel(member.socket, channel.id);
    const [b, c] = await Promise.all([factory.user({ role: 'police' }), factory.user({ role: 'service' })]);
    const hidden = await directChannel(b, c);
    const stored = await postMessage(socket, channel.id, 'redan sparat');
    const doubled = randomUUID();

    // Sent without waiting: they reach the api together and are stored by as few statements as it likes.
    const burst = await Promise.all([
      sendMessage(socket, channel.id, 'ett'),
      sendMessage(socket, channel.id, 'redan sparat', { clientId: stored.clientId }),
      sendMessage(socket, channel.id, 'två'),
      sendMessage(socket, hidden.id, 'fel kanal'),
      sendMessage(socket, channel.id, 'dubbel', { clientId: doubled }),
      sendMessage(socket, channel.id, 'dubbel', { clientId: doubled }),
      sendMessage(socket, channel.id, 'brådskande', { priority: 'urgent' }),
      sendMessage(socket, channel.id, 'tre'),
    ]);
    const [one, resend, two, refused, first, second, urgent, three] = burst;
    expect(resend).toEqual({ ok: true, message: stored });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(first.ok && second.ok && first.message.id === second.message.id).toBe(true);
    // New messages get the seqs after the stored one, gap-free, in the order this socket sent them.
    const fresh = [one, two, first, urgent, three].map((ack) => (ack.ok ? [ack.message.seq, ack.message.body] : ack));
    expect(fresh).toEqual([
      [2, 'ett'],
      [3, 'två'],
      [4, 'dubbel'],
      [5, 'brådskande'],
      [6, 'tre'],
    ]);
    const history: Message[] = (await user.get(`/api/channels/${channel.id}/messages?afterSeq=0`)).body;
    expect(history.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await member.socket.next('alert')).body).toBe('brådskande');
    await member.socket.next('message:new', (message) => message.seq === 6);
    // Resends are broadcast again (0005), so the member may hear seq 1 and 4 twice: each once by id.
    const heard = new Set(member.socket.all('message:new').map((message) => message.seq));
    expect([...heard].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await channelsOf(b)).some((seen) => seen.id === hidden.id && seen.lastSeq === 0)).toBe(true);
  });

  it('lets a client that was away catch up with channel:join sinceSeq', async () => {
    const away = await userWithSocket(factory, { role: 'coordinator' });
    const talker = track(await userWithSocket(factory, { role: 'coordinator' }));
    const channel = await meetingChannel(away.user);
    await joinChannel(away.socket, channel.id);
    const before = await postMessage(talker.socket, channel.id, 'innan');
    await away.socket.next('message:new', (message) => message.id === before.id);
    away.socket.close();

    const missed = [];
    for (let i = 0; i < 5; i++)
      missed.push(await postMessage(talker.socket, channel.id, `medan du var borta ${i}`));
    const back = track(await connectSocket(app.baseUrl, away.user.token!));
    const caughtUp = await joinChannel(back, channel.id, before.seq);
    expect(caughtUp.messages).toEqual(missed);
    expect(caughtUp.lastSeq).toBe(missed[4].seq);
    const live = await postMessage(talker.socket, channel.id, 'nu är du tillbaka');
    expect((await back.next('message:new', (message) => message.id === live.id)).seq).toBe(live.seq);
  });

  it('pages the history over HTTP with beforeSeq, afterSeq and limit', async () => {
    const { user, socket } = track(await userWithSocket(factory, { role: 'coordinator' }));
    const channel = await meetingChannel(user);
    for (let i = 1; i <= 12; i++) await postMessage(socket, channel.id, `m${i}`);
    const seqsOf = async (query: string) =>
      ((await user.get(`/api/channels/${channel.id}/messages${query}`)).body as Message[]).map((m) => m.seq);
    expect(await seqsOf('')).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await seqsOf('?limit=3')).toEqual([10, 11, 12]);
    expect(await seqsOf('?afterSeq=4&limit=3')).toEqual([5, 6, 7]);
    expect(await seqsOf('?beforeSeq=4')).toEqual([1, 2, 3]);
    expect(await seqsOf('?beforeSeq=10&limit=2')).toEqual([8, 9]);
    expect(await seqsOf('?afterSeq=3&beforeSeq=6')).toEqual([4, 5]);
    expect(await seqsOf('?afterSeq=12')).toEqual([]);

    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=ten', 'limit'],
      ['?beforeSeq=-1', 'beforeSeq'],
      ['?afterSeq=5&beforeSeq=5', 'beforeSeq'],
      ['?since=3', 'since'],
    ]) {
      const response = await user.get(`/api/channels/${channel.id}/messages${query}`);
      expect({ query, status: response.status, field: response.body.details?.[0]?.field }).toEqual({
        query,
        status: 400,
        field,
      });
    }
    expect((await user.get(`/api/channels/${randomUUID()}/messages`)).status).toBe(404);
    const police = await factory.user({ role: 'police' });
    expect((await police.get(`/api/channels/${channel.id}/messages`)).status).toBe(404);
    expect((await police.get(`/api/channels/${channel.id}`)).status).toBe(404);
    expect((await user.get(`/api/channels/${channel.id}`)).body).toMatchObject({
      id: channel.id,
      lastSeq: 12,
      unread: 0,
    });
  });

  it('counts unread messages per user and channel, never the reader’s own', async () => {
    const a = track(await userWithSocket(factory, { role: 'police' }));
    const b = track(await userWithSocket(factory, { role: 'service' }));
    const channel = await directChannel(a.user, b.user);
    const unreadOf = async (user: typeof a.user) =>
      (await channelsOf(user)).find((c) => c.id === channel.id)?.unread;
    for (const body of ['ett', 'två', 'tre']) await postMessage(b.socket, channel.id, body);
    expect(await unreadOf(a.user)).toBe(3);
    expect(await unreadOf(b.user)).toBe(0);
    expect(await a.socket.request('message:read', { channelId: channel.id, seq: 2 })).toEqual({ ok: true });
    expect(await unreadOf(a.user)).toBe(1);
    // Answering reads what came before.
    await postMessage(a.socket, channel.id, 'fyra');
    expect(await unreadOf(a.user)).toBe(0);
    expect(await unreadOf(b.user)).toBe(1);
  });

  describe('direct channels', () => {
    it('are one per pair, whoever asks, and private to the two', async () => {
      const a = track(await userWithSocket(factory, { role: 'police' }));
      const b = track(await userWithSocket(factory, { role: 'service' }));
      const admin = track(await userWithSocket(factory, { role: 'admin' }));

      const created = await a.user.post('/api/channels', { kind: 'direct', userId: b.user.user.id });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        kind: 'direct',
        name: b.user.user.displayName,
        refId: null,
        unread: 0,
        lastSeq: 0,
      });
      // The other person hears of the new channel, under the asker's name.
      expect(
        await b.socket.next('channel:updated', (channel) => channel.id === created.body.id),
      ).toMatchObject({ name: a.user.user.displayName });
      const again = await a.user.post('/api/channels', { kind: 'direct', userId: b.user.user.id });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(created.body.id);
      const reverse = await b.user.post('/api/channels', { kind: 'direct', userId: a.user.user.id });
      expect(reverse.body).toMatchObject({ id: created.body.id, name: a.user.user.displayName });

      const channelId = created.body.id;
      await postMessage(a.socket, channelId, 'bara för oss');
      expect((await admin.user.get(`/api/channels/${channelId}/messages`)).status).toBe(404);
      expect((await channelsOf(admin.user)).map((channel) => channel.id)).not.toContain(channelId);
      expect(await admin.socket.request('channel:join', { channelId })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await sendMessage(admin.socket, channelId, 'hej')).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await admin.socket.request('message:read', { channelId, seq: 1 })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect((await b.user.get(`/api/channels/${channelId}/messages`)).body).toHaveLength(1);
    });

    it('refuses a direct channel with oneself, an unknown or disabled user, and bad bodies', async () => {
      const a = await factory.user({ role: 'police' });
      const disabled = await factory.user({ role: 'service' });
      await factory.admin.patch(`/api/users/${disabled.user.id}`, { disabled: true });
      const cases: [unknown, number, string][] = [
        [{ kind: 'direct', userId: a.user.id }, 400, 'userId'],
        [{ kind: 'direct', userId: randomUUID() }, 400, 'userId'],
        [{ kind: 'direct', userId: disabled.user.id }, 400, 'userId'],
        [{ kind: 'direct' }, 400, 'userId'],
        [{ kind: 'direct', userId: 'anna' }, 400, 'userId'],
        [{ kind: 'site', refId: randomUUID() }, 400, 'kind'],
        [{ kind: 'direct', userId: disabled.user.id, refId: randomUUID() }, 400, 'refId'],
        [{ kind: 'meeting', refId: randomUUID() }, 404, ''],
      ];
      for (const [body, status, field] of cases) {
        const response = await a.post('/api/channels', body);
        expect({ body, status: response.status, field: response.body.details?.[0]?.field ?? '' }).toEqual({
          body,
          status,
          field,
        });
      }
    });
  });

  describe('site and zone channels', () => {
    it('follow their site: made, renamed and archived with it, visible to its organisation, police and coordinators', async () => {
      const team = await map.team();
      const outsider = track(await userWithSocket(factory, { role: 'service' }));
      const policeSocket = track(await connectSocket(app.baseUrl, team.police.token!));
      const site = await map.site(team.staff, { name: 'Sprututbytet Norr' });
      expect(await outsider.socket.next('site:updated', (feature) => feature.id === site.id)).toMatchObject({
        properties: { name: 'Sprututbytet Norr' },
      });

      const siteChannelOf = async (user: typeof team.staff) =>
        (await channelsOf(user)).find((c) => c.kind === 'site' && c.refId === site.id);
      const channel = await channelOf(team.staff, 'site', site.properties.id);
      expect(channel).toMatchObject({
        kind: 'site',
        name: 'Sprututbytet Norr',
        refId: site.id,
        archived: false,
      });
      expect(await siteChannelOf(team.police)).toMatchObject({ id: channel.id });
      expect(await siteChannelOf(team.coordinator)).toMatchObject({ id: channel.id });
      expect(await siteChannelOf(outsider.user)).toBeUndefined();
      expect(await outsider.socket.request('channel:join', { channelId: channel.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });

      const renamed = await team.staff.patch(`/api/sites/${site.id}`, {
        version: site.properties.version,
        name: 'Sprututbytet Nord',
      });
      expect(renamed.status).toBe(200);
      // Police heard of the channel when it was made, and again when it was renamed.
      expect(await policeSocket.next('channel:updated', (update) => update.id === channel.id)).toMatchObject({
        name: 'Sprututbytet Norr',
      });
      expect(await policeSocket.next('channel:updated', (update) => update.id === channel.id)).toMatchObject({
        name: 'Sprututbytet Nord',
        archived: false,
      });
      expect(
        await policeSocket.next(
          'site:updated',
          (feature) => feature.id === site.id && feature.properties.name === 'Sprututbytet Nord',
        ),
      ).toBeTruthy();
      await postMessage(policeSocket, channel.id, 'vi kommer förbi');

      const zone = await map.zone(
        team.staff,
        { ...site, properties: { ...site.properties } },
        { name: 'Zon Nord' },
      );
      expect(await outsider.socket.next('zone:updated', (feature) => feature.id === zone.id)).toMatchObject({
        properties: { name: 'Zon Nord' },
      });
      const zoneChannel = await channelOf(team.police, 'zone', zone.properties.id);
      expect(zoneChannel).toMatchObject({ name: 'Zon Nord' });
      expect((await channelsOf(outsider.user)).find((c) => c.refId === zone.id)).toBeUndefined();

      expect((await team.staff.delete(`/api/sites/${site.id}`)).status).toBeLessThan(300);
      expect(await outsider.socket.next('site:deleted', (event) => event.id === site.id)).toEqual({
        id: site.id,
      });
      await policeSocket.next('channel:updated', (update) => update.id === channel.id && update.archived);
      expect(await siteChannelOf(team.police)).toBeUndefined();
      expect(await sendMessage(policeSocket, channel.id, 'stängt?')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      // The history stays readable.
      expect((await team.police.get(`/api/channels/${channel.id}/messages`)).body).toEqual([
        expect.objectContaining({ body: 'vi kommer förbi' }),
      ]);
      expect((await team.police.get(`/api/channels/${channel.id}`)).body).toMatchObject({ archived: true });
    });
  });

  describe('meeting channels', () => {
    it('are seen by the organisations the meetings module names, and left at once by those it takes off', async () => {
      // What the meetings module will call (it is built later): ChannelsService.ensureMeetingChannel.
      const channels = app.app.get(ChannelsService);
      const service = await factory.organisation('service');
      const police = await factory.organisation('police');
      const a = track(await userWithSocket(factory, { role: 'service', organisationId: service.id }));
      const b = track(await userWithSocket(factory, { role: 'police', organisationId: police.id }));
      const outsider = await factory.user({ role: 'police' });
      const meetingId = randomUUID();

      const { channel } = await channels.ensureMeetingChannel({
        meetingId,
        title: 'Samverkansmöte vecka 48',
        organisationIds: [service.id, police.id],
      });
      expect(await a.socket.next('channel:updated', (update) => update.id === channel.id)).toMatchObject({
        kind: 'meeting',
        name: 'Samverkansmöte vecka 48',
      });
      expect((await channelsOf(b.user)).find((c) => c.id === channel.id)).toMatchObject({ refId: meetingId });
      expect((await channelsOf(outsider)).find((c) => c.id === channel.id)).toBeUndefined();
      await joinChannel(a.socket, channel.id);
      await joinChannel(b.socket, channel.id);
      const first = await postMessage(a.socket, channel.id, 'välkomna');
      await b.socket.next('message:new', (message) => message.id === first.id);
      // Where the police officer stays, for a sentinel (see sentinels.ts).
      const direct = await directChannel(a.user, b.user);
      await joinChannel(a.socket, direct.id);
      await joinChannel(b.socket, direct.id);

      const again = await channels.ensureMeetingChannel({
        meetingId,
        title: 'Samverkansmöte v. 48',
        organisationIds: [service.id],
      });
      expect(again.channel.id).toBe(channel.id);
      expect(await b.socket.next('channel:removed')).toEqual({ id: channel.id });
      expect(
        await a.socket.next('channel:updated', (update) => update.name === 'Samverkansmöte v. 48'),
      ).toMatchObject({ id: channel.id });
      const second = await postMessage(a.socket, channel.id, 'nu utan polisen');
      await a.socket.next('message:new', (message) => message.id === second.id);
      await messageSentinel(a.socket, direct.id, b.socket);
      expect(b.socket.all('message:new', (message) => message.id === second.id)).toEqual([]);
      expect((await b.user.get(`/api/channels/${channel.id}/messages`)).status).toBe(404);
      await expect(
        channels.ensureMeetingChannel({ meetingId, title: null, organisationIds: [randomUUID()] }),
      ).rejects.toMatchObject({ status: 400 });
    });
  });

  describe('urgent alerts', () => {
    it('reach every member, joined or not, and nobody else; acknowledgements are stored and told to the sender', async () => {
      const team = await map.team();
      const site = await map.site(team.staff);
      const channel = await channelOf(team.staff, 'site', site.properties.id);
      const sender = track(await connectSocket(app.baseUrl, team.staff.token!));
      const police = track(await connectSocket(app.baseUrl, team.police.token!));
      const coordinator = track(await connectSocket(app.baseUrl, team.coordinator.token!));
      const outsider = track(await userWithSocket(factory, { role: 'service' }));
      await joinChannel(police, channel.id); // only the police officer has the channel open

      const urgent = await postMessage(sender, channel.id, 'Överdos vid entrén, ring 112', {
        priority: 'urgent',
      });
      expect((await police.next('alert')).id).toBe(urgent.id);
      expect((await coordinator.next('alert')).id).toBe(urgent.id);
      expect((await police.next('message:new', (m) => m.id === urgent.id)).priority).toBe('urgent');
      const normal = await postMessage(sender, channel.id, 'vanligt meddelande');
      await police.next('message:new', (m) => m.id === normal.id);
      await presenceSentinel(factory, outsider.socket);
      expect(outsider.socket.all('alert')).toHaveLength(0);
      expect(police.all('alert')).toHaveLength(1);

      expect(await police.request('alert:ack', { messageId: normal.id })).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
      expect(await outsider.socket.request('alert:ack', { messageId: urgent.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await police.request('alert:ack', { messageId: urgent.id })).toEqual({ ok: true });
      const acked = await sender.next('alert:acked');
      expect(acked).toEqual({
        messageId: urgent.id,
        userId: team.police.user.id,
        organisationId: team.police.organisationId,
        at: expect.any(String),
      });
      expect(await police.request('alert:ack', { messageId: urgent.id })).toEqual({ ok: true });
      // Sentinel: the first acknowledgement of another alert reaches the sender on the same path.
      const later = await postMessage(sender, channel.id, 'Behöver hjälp i receptionen', {
        priority: 'urgent',
      });
      expect(await police.request('alert:ack', { messageId: later.id })).toEqual({ ok: true });
      await sender.next('alert:acked', (ack) => ack.messageId === later.id);
      expect(sender.all('alert:acked', (ack) => ack.messageId === urgent.id)).toHaveLength(1);

      const acks = await team.staff.get(`/api/channels/${channel.id}/messages/${urgent.id}/acks`);
      expect(acks.body).toEqual([acked]);

      // Who connects later is shown what they have not acknowledged; the police officer has.
      const policeAgain = track(await connectSocket(app.baseUrl, team.police.token!));
      expect((await policeAgain.next('alert:pending')).alerts.map((m) => m.id)).not.toContain(urgent.id);
      const signatory = track(await connectSocket(app.baseUrl, team.signatory.token!));
      expect((await signatory.next('alert:pending')).alerts.map((m) => m.id)).toContain(urgent.id);
      expect(await signatory.request('alert:ack', { messageId: urgent.id })).toEqual({ ok: true });
      expect((await signatory.request('alert:pending', {})).alerts.map((m: Message) => m.id)).not.toContain(
        urgent.id,
      );
      // The sender never has their own alert pending.
      expect((await sender.request('alert:pending', {})).alerts.map((m: Message) => m.id)).not.toContain(
        urgent.id,
      );
    });
  });

  describe('retention', () => {
    it('deletes messages older than RETENTION_DAYS and audits how many', async () => {
      const { user, socket } = track(await userWithSocket(factory, { role: 'coordinator' }));
      const reader = await factory.user({ role: 'coordinator' });
      const channel = await meetingChannel(user);
      const old = [
        await postMessage(socket, channel.id, 'gammalt 1'),
        await postMessage(socket, channel.id, 'gammalt 2'),
      ];
      const recent = await postMessage(socket, channel.id, 'nytt');
      await app.dataSource.query(
        `UPDATE messages SET created_at = now() - interval '400 days' WHERE id = ANY($1::uuid[])`,
        [old.map((m) => m.id)],
      );

      const result = await app.app.get(RetentionService).purge(new Date());
      expect(result).not.toBeNull();
      expect(result!.deleted).toBeGreaterThanOrEqual(2);
      const history: Message[] = (await user.get(`/api/channels/${channel.id}/messages`)).body;
      expect(history.map((m) => m.id)).toEqual([recent.id]);
      // Deleted messages are not unread any more.
      expect((await reader.get(`/api/channels/${channel.id}`)).body).toMatchObject({ lastSeq: 3, unread: 1 });

      const audit = await factory.admin.get('/api/audit?entity=message&limit=2000');
      const event = (audit.body as { action: string; after: { deleted: number; olderThan: string } }[]).find(
        (candidate) =>
          candidate.action === 'retention-delete' && candidate.after.olderThan === result!.cutoff,
      );
      expect(event?.after.deleted).toBe(result!.deleted);
      expect((await factory.admin.get('/api/audit/verify')).body.ok).toBe(true);
      // Nothing more to delete: nothing more to audit.
      expect((await app.app.get(RetentionService).purge(new Date()))?.deleted).toBe(0);
    });
  });
});
