import type {
  AlertEscalatedPayload,
  AlertStatus,
  Channel,
  EscalationPolicyInput,
  Message,
} from '@samverkan/contracts';
import type { AppProcess } from '../support/app-process';
import { Factory } from '../support/factories';
import {
  joinChannel,
  meetingChannel,
  postMessage,
  TestUser,
  userWithSocket,
} from '../support/messaging-factories';
import { presenceSentinel } from '../support/sentinels';
import { connectSocket, TestSocket } from '../support/sockets';
import { startInstances, startTestApp, TestApp, twoInstancesSkipReason } from '../support/test-app';
import { unique } from '../support/unique';
import { waitFor } from '../support/wait';

/**
 * Escalation chains for urgent messages, end to end: real HTTP, real sockets, the real worker (a tick every
 * second). Delays are 1–3 s, so the file runs in seconds.
 */

jest.setTimeout(60_000);

type EscalatedAlert = Message & { escalation?: { step: number; of: number } };

async function createPolicy(
  coordinator: TestUser,
  input: Partial<EscalationPolicyInput> & Pick<EscalationPolicyInput, 'steps'>,
) {
  const response = await coordinator.post('/api/escalation-policies', {
    name: unique('Policy'),
    repeat: 0,
    ...input,
  });
  if (response.status !== 201)
    throw new Error(`Creating a policy failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; version: number };
}

/** A meeting channel (only coordinators and admins see it) that follows a new policy. */
async function channelWithPolicy(
  coordinator: TestUser,
  input: Parameters<typeof createPolicy>[1],
): Promise<Channel> {
  const channel = await meetingChannel(coordinator);
  const policy = await createPolicy(coordinator, input);
  const response = await coordinator.patch(`/api/channels/${channel.id}`, { escalationPolicyId: policy.id });
  if (response.status !== 200)
    throw new Error(`Choosing the policy failed: ${JSON.stringify(response.body)}`);
  return response.body as Channel;
}

const escalationOf = (messageId: string) => (alert: EscalatedAlert) =>
  alert.id === messageId && alert.escalation !== undefined;

async function status(user: TestUser, messageId: string): Promise<AlertStatus> {
  const response = await user.get(`/api/alerts/${messageId}`);
  if (response.status !== 200)
    throw new Error(`GET /api/alerts failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

describe('alert escalation', () => {
  let app: TestApp;
  let factory: Factory;
  let coordinator: TestUser;
  let coordinatorSocket: TestSocket;
  const open: TestSocket[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    factory = await Factory.create(app.baseUrl);
    ({ user: coordinator, socket: coordinatorSocket } = await userWithSocket(factory, {
      role: 'coordinator',
    }));
    open.push(coordinatorSocket);
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await app.close();
  });

  const outsider = async () => {
    const target = await userWithSocket(factory, { role: 'police' });
    open.push(target.socket);
    return target;
  };

  describe('policies', () => {
    it('are written by coordinators and admins, read by everyone, versioned, and kept while a channel follows them', async () => {
      const { user: officer } = await outsider();
      const steps = [
        {
          delaySeconds: 300,
          targets: [{ kind: 'signatories' as const, organisationId: officer.organisationId }],
        },
      ];
      expect((await officer.post('/api/escalation-policies', { name: 'X', steps, repeat: 0 })).status).toBe(
        403,
      );
      const policy = await createPolicy(coordinator, { steps, repeat: 1 });
      expect(policy).toMatchObject({ version: 1, repeat: 1, steps });
      expect((await officer.get('/api/escalation-policies')).body).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: policy.id })]),
      );

      const renamed = await coordinator.patch(`/api/escalation-policies/${policy.id}`, {
        name: 'Renamed',
        version: 1,
      });
      expect(renamed.body).toMatchObject({ name: 'Renamed', version: 2 });
      const stale = await coordinator.patch(`/api/escalation-policies/${policy.id}`, {
        name: 'Again',
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.details[0]).toMatchObject({ field: 'version', reason: 'stale_version' });

      const channel = await meetingChannel(coordinator);
      expect(
        (await officer.patch(`/api/channels/${channel.id}`, { escalationPolicyId: policy.id })).status,
      ).toBe(403);
      const chosen = await coordinator.patch(`/api/channels/${channel.id}`, {
        escalationPolicyId: policy.id,
      });
      expect(chosen.body).toMatchObject({ id: channel.id, escalationPolicyId: policy.id });
      const inUse = await coordinator.delete(`/api/escalation-policies/${policy.id}`);
      expect(inUse.status).toBe(409);
      expect(inUse.body.details[0]).toMatchObject({ reason: 'policy_in_use' });
      await coordinator.patch(`/api/channels/${channel.id}`, { escalationPolicyId: null });
      expect((await coordinator.delete(`/api/escalation-policies/${policy.id}`)).status).toBe(204);
    });

    it('refuses bad input with the field and the reason', async () => {
      const bad = async (body: object, field: string, reason: string) => {
        const response = await coordinator.post('/api/escalation-policies', body);
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field, reason })]),
        );
      };
      const target = { kind: 'role', role: 'police' };
      await bad(
        { name: 'P', repeat: 0, steps: [{ delaySeconds: 0, targets: [target] }] },
        'steps[0].delaySeconds',
        'out_of_range',
      );
      await bad(
        { name: 'P', repeat: 0, steps: [{ delaySeconds: 86_401, targets: [target] }] },
        'steps[0].delaySeconds',
        'out_of_range',
      );
      await bad(
        { name: 'P', repeat: 6, steps: [{ delaySeconds: 5, targets: [target] }] },
        'repeat',
        'out_of_range',
      );
      await bad({ name: 'P', repeat: 0, steps: [] }, 'steps', expect.any(String) as unknown as string);
      await bad(
        { name: 'P', repeat: 0, steps: [{ delaySeconds: 5, targets: [{ kind: 'user' }] }] },
        'steps[0].targets[0].userId',
        'invalid_id',
      );
      await bad(
        {
          name: 'P',
          repeat: 0,
          steps: [
            { delaySeconds: 5, targets: [{ kind: 'user', userId: '6f1c1f6e-2b7a-4d43-9a57-52f0e0c7a001' }] },
          ],
        },
        'steps[0].targets[0].userId',
        'unknown_reference',
      );
      await bad(
        {
          name: 'P',
          repeat: 0,
          steps: [
            { delaySeconds: 5, targets: [{ kind: 'user', userId: coordinator.user.id, role: 'police' }] },
          ],
        },
        'steps[0].targets[0].role',
        'unknown_field',
      );
    });
  });

  it('reaches a target outside the channel at its delay and not before; the target may read and acknowledge the alert, nothing else', async () => {
    const { user: officer, socket } = await outsider();
    const channel = await channelWithPolicy(coordinator, {
      steps: [{ delaySeconds: 2, targets: [{ kind: 'user', userId: officer.user.id }] }],
    });
    await joinChannel(coordinatorSocket, channel.id);
    const message = await postMessage(coordinatorSocket, channel.id, 'Brand i trapphuset', {
      priority: 'urgent',
    });
    const dueAt = Date.parse((await status(coordinator, message.id)).nextAt!);
    expect(dueAt - Date.parse(message.createdAt)).toBeGreaterThanOrEqual(1900);

    // Not at once: everything the api sent the officer before this sentinel has arrived, and no alert was among it.
    await presenceSentinel(factory, socket);
    expect(socket.all('alert')).toEqual([]);

    const alert = (await socket.next('alert', escalationOf(message.id), 10_000)) as EscalatedAlert;
    expect(Date.now()).toBeGreaterThanOrEqual(dueAt);
    expect(alert).toMatchObject({ body: 'Brand i trapphuset', escalation: { step: 1, of: 1 } });
    const after = await status(officer, message.id);
    expect(after).toMatchObject({ state: 'exhausted', step: 1, of: 1, nextAt: null });
    expect(after.steps).toEqual([{ step: 1, at: expect.any(String), userIds: [officer.user.id] }]);
    const firedAt = Date.parse(after.steps[0].at);
    expect(firedAt).toBeGreaterThanOrEqual(dueAt);
    expect(firedAt - dueAt).toBeLessThan(2000);

    // The alert, and no more of the channel.
    expect((await officer.get(`/api/channels/${channel.id}/messages`)).status).toBe(404);
    expect(await socket.request('alert:ack', { messageId: message.id })).toEqual({ ok: true });
    expect((await status(coordinator, message.id)).acknowledgedBy).toEqual([
      { userId: officer.user.id, organisationId: officer.organisationId, at: expect.any(String) },
    ]);
    expect((await status(coordinator, message.id)).state).toBe('acknowledged');

    // Each step is audited.
    const audit = await factory.admin.get(`/api/audit?entity=message&entityId=${message.id}`);
    expect(audit.body.filter((event: { action: string }) => event.action === 'alert.escalated')).toHaveLength(
      1,
    );

    // Someone neither in the channel nor told gets 404.
    const stranger = await factory.user({ role: 'service' });
    expect((await stranger.get(`/api/alerts/${message.id}`)).status).toBe(404);
  });

  it('stops when someone other than the author acknowledges', async () => {
    const { user: officer, socket } = await outsider();
    const channel = await channelWithPolicy(coordinator, {
      steps: [{ delaySeconds: 1, targets: [{ kind: 'user', userId: officer.user.id }] }],
      repeat: 3,
    });
    await joinChannel(coordinatorSocket, channel.id);
    const message = await postMessage(coordinatorSocket, channel.id, 'Larm', { priority: 'urgent' });
    // The author's own acknowledgement does not stop it.
    expect(await coordinatorSocket.request('alert:ack', { messageId: message.id })).toEqual({ ok: true });
    await socket.next('alert', escalationOf(message.id), 10_000);
    const acked = coordinatorSocket.next(
      'alert:acked',
      (ack) => ack.messageId === message.id && ack.userId === officer.user.id,
    );
    expect(await socket.request('alert:ack', { messageId: message.id })).toEqual({ ok: true });
    await acked;
    const stopped = await status(coordinator, message.id);
    expect(stopped).toMatchObject({ state: 'acknowledged', nextAt: null });

    // A sentinel: an alert of a second channel, due after the stopped one's next step would have been; the
    // worker fires in order of due time, so once it is here, a step of the first would have come before it.
    const second = await channelWithPolicy(coordinator, {
      steps: [{ delaySeconds: 2, targets: [{ kind: 'user', userId: officer.user.id }] }],
    });
    const sentinel = await postMessage(coordinatorSocket, second.id, 'Vaktpost', { priority: 'urgent' });
    await socket.next('alert', escalationOf(sentinel.id), 10_000);
    expect(socket.all('alert', escalationOf(message.id))).toHaveLength(stopped.step);
    expect((await status(coordinator, message.id)).steps).toHaveLength(stopped.step);
  });

  it('runs the steps again `repeat` times, then is exhausted', async () => {
    const { user: officer, socket } = await outsider();
    const { user: signatory, socket: signatorySocket } = await userWithSocket(factory, {
      role: 'service',
      canSign: true,
    });
    open.push(signatorySocket);
    const channel = await channelWithPolicy(coordinator, {
      steps: [
        { delaySeconds: 1, targets: [{ kind: 'user', userId: officer.user.id }] },
        { delaySeconds: 1, targets: [{ kind: 'signatories', organisationId: signatory.organisationId }] },
      ],
      repeat: 1,
    });
    await joinChannel(coordinatorSocket, channel.id);
    const message = await postMessage(coordinatorSocket, channel.id, 'Larm igen', { priority: 'urgent' });
    const exhausted = (await coordinatorSocket.next(
      'alert:escalated',
      (event: AlertEscalatedPayload) => event.messageId === message.id && event.state === 'exhausted',
      20_000,
    )) as AlertEscalatedPayload;
    expect(exhausted).toMatchObject({ step: 4, of: 4, userIds: [signatory.user.id] });
    await presenceSentinel(factory, [socket, signatorySocket]);
    expect(
      socket.all('alert', escalationOf(message.id)).map((alert) => (alert as EscalatedAlert).escalation),
    ).toEqual([
      { step: 1, of: 4 },
      { step: 3, of: 4 },
    ]);
    expect(
      signatorySocket
        .all('alert', escalationOf(message.id))
        .map((alert) => (alert as EscalatedAlert).escalation),
    ).toEqual([
      { step: 2, of: 4 },
      { step: 4, of: 4 },
    ]);
    const final = await status(coordinator, message.id);
    expect(final).toMatchObject({ state: 'exhausted', step: 4, nextAt: null });
    expect(final.steps.map((step) => step.step)).toEqual([1, 2, 3, 4]);
  });
});

describe('alert escalation across a restart', () => {
  it('fires a step that came due while the api was down once, after the restart', async () => {
    let app = await startTestApp();
    let factory = await Factory.create(app.baseUrl);
    const coordinator = await factory.user({ role: 'coordinator' });
    const officer = await factory.user({ role: 'police' });
    const channel = await channelWithPolicy(coordinator, {
      steps: [{ delaySeconds: 2, targets: [{ kind: 'user', userId: officer.user.id }] }],
    });
    const socket = await connectSocket(app.baseUrl, coordinator.token!);
    const message = await postMessage(socket, channel.id, 'Före omstarten', { priority: 'urgent' });
    socket.close();
    const dueAt = Date.parse((await status(coordinator, message.id)).nextAt!);
    await app.close();
    // Down until the step is due (a condition on the clock, not a guess).
    await waitFor('the step to come due', () => Date.now() > dueAt + 200, { timeoutMs: 10_000 });

    app = await startTestApp();
    try {
      factory = await Factory.create(app.baseUrl);
      const again = await factory.user({ role: 'coordinator' });
      const fired = await waitFor(
        'the overdue step to fire',
        async () => {
          const now = await status(again, message.id);
          return now.state === 'exhausted' ? now : null;
        },
        { timeoutMs: 10_000 },
      );
      expect(fired.steps).toEqual([{ step: 1, at: expect.any(String), userIds: [officer.user.id] }]);
      const audit = await factory.admin.get(`/api/audit?entity=message&entityId=${message.id}`);
      expect(
        audit.body.filter((event: { action: string }) => event.action === 'alert.escalated'),
      ).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

const scaleOutSkipReason = twoInstancesSkipReason();
if (scaleOutSkipReason) console.warn(`Skipping the escalation scale-out test: ${scaleOutSkipReason}.`);

(scaleOutSkipReason ? describe.skip : describe)('alert escalation on two instances', () => {
  let instances: AppProcess[] = [];
  const open: TestSocket[] = [];

  beforeAll(async () => {
    instances = await startInstances(2);
  }, 120_000);
  afterAll(async () => {
    for (const socket of open) socket.close();
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  it('fires each step once, whichever instance claims it', async () => {
    const [one, two] = instances;
    const factory = await Factory.create(one.baseUrl);
    const coordinator = await factory.user({ role: 'coordinator' });
    const officer = await factory.user({ role: 'police' });
    const connect = async (token: string, baseUrl: string) => {
      const socket = await connectSocket(baseUrl, token);
      open.push(socket);
      return socket;
    };
    const onOne = await connect(officer.token!, one.baseUrl);
    const onTwo = await connect(officer.token!, two.baseUrl);
    const author = await connect(coordinator.token!, two.baseUrl);
    const channel = await channelWithPolicy(coordinator, {
      steps: [{ delaySeconds: 1, targets: [{ kind: 'user', userId: officer.user.id }] }],
      repeat: 2,
    });
    const messages: Message[] = [];
    for (let i = 0; i < 5; i++)
      messages.push(await postMessage(author, channel.id, `Larm ${i}`, { priority: 'urgent' }));
    for (const message of messages) {
      await waitFor(
        'the escalation to run out',
        async () => (await status(coordinator, message.id)).state === 'exhausted',
        {
          timeoutMs: 20_000,
        },
      );
    }
    await presenceSentinel(factory, [onOne, onTwo]);
    const twoFactory = await Factory.create(two.baseUrl);
    await presenceSentinel(twoFactory, [onOne, onTwo]);
    for (const message of messages) {
      expect((await status(coordinator, message.id)).steps.map((step) => step.step)).toEqual([1, 2, 3]);
      for (const socket of [onOne, onTwo]) {
        expect(
          socket
            .all('alert', escalationOf(message.id))
            .map((alert) => (alert as EscalatedAlert).escalation!.step),
        ).toEqual([1, 2, 3]);
      }
      const audit = await factory.admin.get(`/api/audit?entity=message&entityId=${message.id}`);
      expect(
        audit.body.filter((event: { action: string }) => event.action === 'alert.escalated'),
      ).toHaveLength(3);
    }
  });
});
