import type { Channel, Message, ServerToClientEvents } from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import { SocketRequestError } from '../api/socket-client';
import { memoryStorage } from '../state/safe-storage';
import { ChatStore, type ChatSocket } from './chat.store';

const ME = 'user-me';
const joint: Channel = {
  id: 'joint',
  kind: 'joint',
  name: 'Gemensam kanal',
  refId: null,
  unread: 0,
  lastSeq: 2,
  archived: false, escalationPolicyId: null,
};

let seq = 10;
function message(overrides: Partial<Message> = {}): Message {
  seq += 1;
  return {
    id: `m-${seq}`,
    channelId: 'joint',
    seq,
    clientId: `c-${seq}`,
    authorId: 'someone-else',
    authorName: 'Someone',
    organisationId: 'org',
    body: 'Hello',
    priority: 'normal',
    createdAt: '2026-11-25T12:00:00Z',
    ...overrides,
  };
}

type Responder = (event: string, payload: Record<string, unknown>) => unknown;

/** A socket the test drives: it connects and drops on request, and answers requests with `respond`. */
class FakeSocket implements ChatSocket {
  connected = false;
  readonly requests: { event: string; payload: Record<string, unknown> }[] = [];
  private readonly handlers = new Map<string, ((payload: unknown) => void)[]>();
  private readonly connectListeners: (() => void)[] = [];

  constructor(public respond: Responder) {}

  on = (<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]) => {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler as (payload: unknown) => void]);
    return () => undefined;
  }) as ChatSocket['on'];

  onConnect = (listener: () => void) => {
    this.connectListeners.push(listener);
    return () => undefined;
  };

  request = ((event: string, payload: Record<string, unknown>) => {
    this.requests.push({ event, payload });
    if (!this.connected) return Promise.reject(new SocketRequestError('not_connected', 'down'));
    try {
      return Promise.resolve({ ok: true, ...(this.respond(event, payload) as object) });
    } catch (error) {
      return Promise.reject(error);
    }
  }) as ChatSocket['request'];

  connect(): void {
    this.connected = true;
    this.connectListeners.forEach((listener) => listener());
  }

  drop(): void {
    this.connected = false;
  }

  serverSends<E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ): void {
    (this.handlers.get(event) ?? []).forEach((handler) => handler(payload));
  }

  sent(event: string) {
    return this.requests.filter((request) => request.event === event);
  }
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const started: ChatStore[] = [];
// A store may hold a retry timer: stop it after each test.
afterEach(() => started.splice(0).forEach((chat) => chat.dispose()));

function setup(respond: Responder = () => ({}), storage = memoryStorage()) {
  const api = {
    channels: {
      list: jest.fn(async () => [{ ...joint }]),
      get: jest.fn(async () => ({ ...joint })),
      messages: jest.fn(async () => [] as Message[]),
      acknowledgements: jest.fn(async () => []),
    },
  } as unknown as SamverkanApi;
  const socket = new FakeSocket(respond);
  const chat = new ChatStore(api, socket, storage, ME);
  chat.start();
  started.push(chat);
  return { chat, socket, api, storage };
}

/** Answers like the server: a join with nothing missed, a send with the stored message. */
const server: Responder = (event, payload) => {
  if (event === 'channel:join') return { messages: [], lastSeq: 2 };
  if (event === 'message:send') {
    return {
      message: message({
        authorId: ME,
        clientId: payload.clientId as string,
        body: payload.body as string,
        priority: payload.priority as Message['priority'],
      }),
    };
  }
  return {};
};

describe('ChatStore sending', () => {
  it('keeps a message written while disconnected, and sends it with the same clientId after connecting', async () => {
    const { chat, socket } = setup(server);
    await settle();
    chat.send('joint', 'Written offline');
    await settle();
    const [attempt] = socket.sent('message:send');
    expect(attempt.payload).toMatchObject({
      channelId: 'joint',
      body: 'Written offline',
      priority: 'normal',
    });
    expect(chat.outbox.pending).toHaveLength(1);

    socket.connect();
    await settle();
    await settle();

    const sends = socket.sent('message:send');
    expect(sends).toHaveLength(2);
    expect(sends[1].payload.clientId).toBe(attempt.payload.clientId);
    expect(chat.outbox.value).toEqual([]);
    expect(chat.messagesOf('joint').map((known) => known.body)).toEqual(['Written offline']);
  });

  it('sends again after a lost answer (timeout), still with the same clientId, and keeps one copy', async () => {
    let answered = false;
    const { chat, socket } = setup((event, payload) => {
      if (event === 'message:send' && !answered) {
        answered = true;
        throw new SocketRequestError('timeout', 'no answer');
      }
      return server(event, payload);
    });
    socket.connect();
    await settle();
    chat.send('joint', 'Maybe stored');
    await settle();
    expect(chat.outbox.pending).toHaveLength(1);

    // The connection drops and comes back: the outbox goes out again.
    socket.drop();
    socket.connect();
    await settle();
    await settle();
    const [first, second] = socket.sent('message:send');
    expect(second.payload.clientId).toBe(first.payload.clientId);
    expect(chat.outbox.value).toEqual([]);
    // The server's broadcast of the same message changes nothing.
    const stored = chat.messagesOf('joint')[0];
    socket.serverSends('message:new', stored);
    expect(chat.messagesOf('joint')).toHaveLength(1);
  });

  it('marks a message the server refuses as not sent, for the user to retry or discard', async () => {
    const { chat, socket } = setup((event, payload) => {
      if (event === 'message:send')
        throw new SocketRequestError('bad_request', 'body must be at most 4000 characters', 'body', 'text_length');
      return server(event, payload);
    });
    socket.connect();
    await settle();
    chat.send('joint', 'Too long, say');
    await settle();
    expect(chat.outbox.value[0]).toMatchObject({
      state: 'failed',
      error: 'text_length',
    });
    chat.discard(chat.outbox.value[0].clientId);
    expect(chat.outbox.value).toEqual([]);
  });

  it('sends what a previous page left in the outbox (a reload while offline)', async () => {
    const storage = memoryStorage();
    const before = setup(server, storage);
    before.chat.send('joint', 'From before the reload');
    await settle();
    before.chat.dispose();

    const after = setup(server, storage);
    after.socket.connect();
    await settle();
    await settle();
    expect(after.socket.sent('message:send').map((request) => request.payload.body)).toEqual([
      'From before the reload',
    ]);
    expect(after.chat.outbox.value).toEqual([]);
  });
});

describe('ChatStore receiving', () => {
  it('counts unread messages from others, and reading the channel clears them', async () => {
    const { chat, socket } = setup(server);
    socket.connect();
    await settle();
    socket.serverSends('message:new', message());
    socket.serverSends('message:new', message());
    socket.serverSends('message:new', message({ authorId: ME }));
    expect(chat.channel('joint')?.unread).toBe(2);
    expect(chat.unreadTotal).toBe(2);

    chat.open('joint');
    await settle();
    expect(chat.channel('joint')?.unread).toBe(0);
    expect(socket.sent('message:read').at(-1)?.payload).toEqual({
      channelId: 'joint',
      seq: chat.channel('joint')!.lastSeq,
    });
  });

  it('rejoins every channel after a reconnect from the last message seen, and keeps each message once', async () => {
    const missed = message({ seq: 3 });
    const { chat, socket } = setup((event, payload) =>
      event === 'channel:join' ? { messages: [missed], lastSeq: 3 } : server(event, payload),
    );
    chat.open('joint');
    socket.connect();
    await settle();
    await settle();
    expect(socket.sent('channel:join')[0].payload).toEqual({ channelId: 'joint', sinceSeq: 2 });
    socket.serverSends('message:new', missed);
    expect(chat.messagesOf('joint').filter((known) => known.id === missed.id)).toHaveLength(1);

    socket.drop();
    socket.connect();
    await settle();
    await settle();
    expect(socket.sent('channel:join').at(-1)?.payload).toEqual({ channelId: 'joint', sinceSeq: 3 });
  });

  it('shows urgent alerts from others until this user acknowledges them', async () => {
    const { chat, socket } = setup(server);
    socket.connect();
    await settle();
    const urgent = message({ priority: 'urgent' });
    socket.serverSends('alert', urgent);
    socket.serverSends('alert', message({ priority: 'urgent', authorId: ME }));
    expect(chat.value.alerts.map((alert) => alert.id)).toEqual([urgent.id]);

    socket.serverSends('alert:acked', {
      messageId: urgent.id,
      userId: 'colleague',
      organisationId: 'org',
      at: '2026-11-25T12:01:00Z',
    });
    expect(chat.value.alerts).toHaveLength(1);
    expect(chat.value.acks.get(urgent.id)?.map((ack) => ack.userId)).toEqual(['colleague']);

    await chat.acknowledge(urgent.id);
    expect(socket.sent('alert:ack')[0].payload).toEqual({ messageId: urgent.id });
    expect(chat.value.alerts).toEqual([]);
  });

  it('takes the pending alerts sent on connect, without its own', async () => {
    const { chat, socket } = setup(server);
    const theirs = message({ priority: 'urgent' });
    socket.serverSends('alert:pending', { alerts: [theirs, message({ priority: 'urgent', authorId: ME })] });
    expect(chat.value.alerts).toEqual([theirs]);
  });
});
