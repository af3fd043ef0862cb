import { randomUUID } from 'node:crypto';
import type { Ack, Channel, Message, MessagePriority, Role } from '@samverkan/contracts';
import { Factory } from './factories';
import { connectSocket, ConnectOptions, TestSocket } from './sockets';
import { waitFor } from './wait';

export type TestUser = Awaited<ReturnType<Factory['user']>>;

/** A signed-in user with an open socket. */
export async function userWithSocket(
  factory: Factory,
  options: Parameters<Factory['user']>[0],
  socketOptions: ConnectOptions = {},
): Promise<{ user: TestUser; socket: TestSocket }> {
  const user = await factory.user(options);
  const socket = await connectSocket(factory.baseUrl, user.token!, socketOptions);
  return { user, socket };
}

export function role(role: Role, extra: Omit<Parameters<Factory['user']>[0], 'role'> = {}) {
  return { role, ...extra };
}

/** A new meeting channel (coordinators and admins see it), opened by `coordinator`. */
export async function meetingChannel(coordinator: TestUser, name?: string): Promise<Channel> {
  const response = await coordinator.post('/api/channels', {
    kind: 'meeting',
    refId: randomUUID(),
    ...(name ? { name } : {}),
  });
  if (response.status !== 201)
    throw new Error(`Opening a meeting channel failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function directChannel(from: TestUser, to: TestUser): Promise<Channel> {
  const response = await from.post('/api/channels', { kind: 'direct', userId: to.user.id });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`Opening a direct channel failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export async function joinChannel(socket: TestSocket, channelId: string, sinceSeq?: number) {
  const ack = await socket.request<Ack<{ messages: Message[]; lastSeq: number }>>(
    'channel:join',
    sinceSeq === undefined ? { channelId } : { channelId, sinceSeq },
  );
  if (!ack.ok) throw new Error(`Joining ${channelId} failed: ${JSON.stringify(ack.error)}`);
  return ack;
}

/** Sends and returns the acknowledgement as it came. */
export function sendMessage(
  socket: TestSocket,
  channelId: string,
  body: string,
  options: { clientId?: string; priority?: MessagePriority } = {},
): Promise<Ack<{ message: Message }>> {
  return socket.request('message:send', {
    channelId,
    clientId: options.clientId ?? randomUUID(),
    body,
    ...(options.priority ? { priority: options.priority } : {}),
  });
}

/** Sends and returns the stored message (throws when refused). */
export async function postMessage(
  socket: TestSocket,
  channelId: string,
  body: string,
  options: { clientId?: string; priority?: MessagePriority } = {},
): Promise<Message> {
  const ack = await sendMessage(socket, channelId, body, options);
  if (!ack.ok) throw new Error(`Sending failed: ${JSON.stringify(ack.error)}`);
  return ack.message;
}

/**
 * The channel of a site or zone. It is made in the site's or zone's own transaction, so it is there once the
 * request has been answered; the wait only covers a change made by another instance or process.
 */
export async function channelOf(
  user: TestUser,
  kind: 'site' | 'zone',
  refId: string,
  timeoutMs = 5000,
): Promise<Channel> {
  return waitFor(
    `a ${kind} channel for ${refId}`,
    async () => {
      const channels: Channel[] = (await user.get('/api/channels')).body;
      return channels.find((channel) => channel.kind === kind && channel.refId === refId);
    },
    { timeoutMs },
  );
}
