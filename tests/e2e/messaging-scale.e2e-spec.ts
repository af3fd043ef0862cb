import { randomUUID } from 'node:crypto';
import type { Channel, Message } from '@samverkan/contracts';
import { AppProcess, freePort } from '../support/app-process';
import { Factory } from '../support/factories';
import { joinChannel, postMessage, sendMessage } from '../support/messaging-factories';
import { PrivateRedis, redisServerAvailable } from '../support/redis-server';
import { connectSocket, TestSocket } from '../support/sockets';
import { startInstances, testDatabaseIsEmbedded, twoInstancesSkipReason } from '../support/test-app';
import { waitFor } from '../support/wait';
import { MapFactory } from '../support/zone-factories';

/**
 * Two api processes on different ports, one PostgreSQL and one Redis: what is sent through one instance
 * reaches the sockets of the other. Needs a database server (the embedded one belongs to one process) and
 * REDIS_URL; CI has both.
 */
const reason = twoInstancesSkipReason();
if (reason) console.warn(`Skipping the messaging scale-out tests: ${reason}.`);
const describeScaleOut = reason ? describe.skip : describe;

jest.setTimeout(120_000);

describeScaleOut('messaging on two instances', () => {
  let instances: AppProcess[] = [];
  let factory: Factory;
  let map: MapFactory;
  const open: TestSocket[] = [];
  const socketOn = async (instance: AppProcess, token: string) => {
    const socket = await connectSocket(instance.baseUrl, token);
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    expect(testDatabaseIsEmbedded()).toBe(false);
    instances = await startInstances(2);
    factory = await Factory.create(instances[0].baseUrl);
    map = new MapFactory(factory);
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  it('delivers messages and alerts across instances, with gap-free seq from concurrent senders on both', async () => {
    const [one, two] = instances;
    const a = await factory.user({ role: 'coordinator' });
    const b = await factory.user({ role: 'coordinator' });
    const c = await factory.user({ role: 'admin' });
    const channel: Channel = (await a.post('/api/channels', { kind: 'meeting', refId: randomUUID() })).body;
    const aSocket = await socketOn(one, a.token!);
    const bSocket = await socketOn(two, b.token!);
    const cSocket = await socketOn(two, c.token!); // a member who has not opened the channel
    await joinChannel(aSocket, channel.id);
    await joinChannel(bSocket, channel.id);

    const hello = await postMessage(aSocket, channel.id, 'från instans ett');
    expect((await bSocket.next('message:new', (m) => m.id === hello.id)).body).toBe('från instans ett');

    const acks = await Promise.all([
      ...Array.from({ length: 15 }, (_, i) => sendMessage(aSocket, channel.id, `a${i}`)),
      ...Array.from({ length: 15 }, (_, i) => sendMessage(bSocket, channel.id, `b${i}`)),
    ]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const seqs = acks.map((ack) => (ack.ok ? ack.message.seq : 0)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    await bSocket.next('message:new', (m) => m.body === 'a14');
    await aSocket.next('message:new', (m) => m.body === 'b14');

    const urgent = await postMessage(aSocket, channel.id, 'Brådskande', { priority: 'urgent' });
    expect((await cSocket.next('alert')).id).toBe(urgent.id);
    expect(await cSocket.request('alert:ack', { messageId: urgent.id })).toEqual({ ok: true });
    expect(await aSocket.next('alert:acked')).toMatchObject({ messageId: urgent.id, userId: c.user.id });
  });

  it('pushes site and zone changes to every instance and keeps presence across them', async () => {
    const [one, two] = instances;
    const team = await map.team();
    const watcher = await socketOn(two, team.police.token!);
    const site = await map.site(team.staff); // through instance one's HTTP api
    expect(await watcher.next('site:updated', (feature) => feature.id === site.id)).toMatchObject({
      id: site.id,
    });
    const zone = await map.zone(team.staff, site);
    expect(await watcher.next('zone:updated', (feature) => feature.id === zone.id)).toMatchObject({
      id: zone.id,
    });

    // One person, a tab on each instance: online once, offline only when both are closed.
    const person = await factory.user({ role: 'service' });
    const colleague = await socketOn(two, (await factory.user({ role: 'service', organisationId: person.organisationId })).token!);
    const tabOne = await socketOn(one, person.token!);
    await watcher.next('presence:batch', (batch) => batch.online.includes(person.user.id));
    await colleague.next('presence', (event) => event.userId === person.user.id && event.online);
    const tabTwo = await socketOn(two, person.token!);
    expect((await watcher.request('presence:list', {})).online).toContain(person.user.id);
    // Sentinel: someone else's only tab on instance one, closed after tabOne, goes offline on the same path (the
    // grace period, the check across instances, the batch through Redis): an offline for person would be first.
    const sentinel = await factory.user({ role: 'service' });
    const sentinelTab = await socketOn(one, sentinel.token!);
    await watcher.next('presence:batch', (batch) => batch.online.includes(sentinel.user.id));
    tabOne.close();
    sentinelTab.close();
    await watcher.next('presence:batch', (batch) => batch.offline.includes(sentinel.user.id), 6000);
    expect(watcher.all('presence:batch', (batch) => batch.offline.includes(person.user.id))).toEqual([]);
    tabTwo.close();
    await watcher.next('presence:batch', (batch) => batch.offline.includes(person.user.id), 6000);
    await colleague.next('presence', (event) => event.userId === person.user.id && !event.online, 6000);
  });

  it('disconnects a user’s sockets on every instance when they are disabled', async () => {
    const [one, two] = instances;
    const person = await factory.user({ role: 'police' });
    const onOne = await socketOn(one, person.token!);
    const onTwo = await socketOn(two, person.token!);
    const closed = Promise.all([onOne.disconnection(5000), onTwo.disconnection(5000)]);
    expect((await factory.admin.patch(`/api/users/${person.user.id}`, { disabled: true })).status).toBe(200);
    await closed;
  });
});

const redisOutageReason = reason ?? (redisServerAvailable() ? null : 'redis-server is not on PATH');
(redisOutageReason ? describe.skip : describe)('messaging when Redis goes away', () => {
  let instances: AppProcess[] = [];
  let redis: PrivateRedis;
  const open: TestSocket[] = [];

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    instances = await startInstances(2, { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis.stop();
  });

  it('keeps each instance serving its own sockets, and joins them again when Redis is back', async () => {
    const [one, two] = instances;
    const factory = await Factory.create(one.baseUrl);
    const a = await factory.user({ role: 'coordinator' });
    const b = await factory.user({ role: 'coordinator' });
    const channel: Channel = (await a.post('/api/channels', { kind: 'meeting', refId: randomUUID() })).body;
    const aSocket = await connectSocket(one.baseUrl, a.token!, { reconnection: true });
    const aSecondTab = await connectSocket(one.baseUrl, a.token!, { reconnection: true });
    const bSocket = await connectSocket(two.baseUrl, b.token!, { reconnection: true });
    open.push(aSocket, aSecondTab, bSocket);
    for (const socket of [aSocket, aSecondTab, bSocket]) await joinChannel(socket, channel.id);
    const before = await postMessage(aSocket, channel.id, 'före');
    await bSocket.next('message:new', (m) => m.id === before.id);

    await redis.stop();
    // Both instances have noticed that Redis went away.
    for (const instance of [one, two])
      await waitFor(`instance ${instance.baseUrl} reports Redis down`, async () => {
        const health = (await (await fetch(`${instance.baseUrl}/api/health`)).json()) as { redis?: string };
        return health.redis === 'down';
      });
    // Still answered and still delivered on the same instance; stored for the other to catch up.
    const during = await postMessage(aSocket, channel.id, 'under avbrottet');
    expect((await aSecondTab.next('message:new', (m) => m.id === during.id)).seq).toBe(during.seq);
    expect((await fetch(`${two.baseUrl}/api/health`)).status).toBe(200);
    // Disabling still closes the user's sockets: at once on the instance that did it, by the re-check on the other.
    const leaving = await factory.user({ role: 'police' });
    const leavingOnOne = await connectSocket(one.baseUrl, leaving.token!);
    const leavingOnTwo = await connectSocket(two.baseUrl, leaving.token!);
    open.push(leavingOnOne, leavingOnTwo);
    const closed = Promise.all([leavingOnOne.disconnection(1000), leavingOnTwo.disconnection(5000)]);
    expect((await factory.admin.patch(`/api/users/${leaving.user.id}`, { disabled: true })).status).toBe(200);
    await closed;
    expect(one.child.exitCode).toBeNull();
    expect(two.child.exitCode).toBeNull();

    await redis.start();
    // The instances rejoin and tell their sockets to catch up.
    await Promise.all([
      aSocket.next('resync', () => true, 15_000),
      bSocket.next('resync', () => true, 15_000),
    ]);
    const caughtUp = await joinChannel(bSocket, channel.id, before.seq);
    expect(caughtUp.messages.map((m: Message) => m.id)).toEqual([during.id]);
    // Broadcasts cross again as soon as both links are up (what went out a moment before is caught up above).
    const deadline = Date.now() + 20_000;
    let crossed = false;
    while (!crossed && Date.now() < deadline) {
      const after = await postMessage(aSocket, channel.id, 'efter');
      crossed = await bSocket
        .next('message:new', (m) => m.id === after.id, 2000)
        .then(
          () => true,
          () => false,
        );
    }
    expect(crossed).toBe(true);
  });
});
