import { io, Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@samverkan/contracts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents & string;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export interface ConnectOptions {
  origin?: string;
  transports?: ('websocket' | 'polling')[];
  /** Reconnect by itself after a drop (socket.io-client's default); off unless asked for. */
  reconnection?: boolean;
}

interface Received {
  event: string;
  payload: unknown;
  taken: boolean;
}

/**
 * A real socket.io-client connection that records every event it receives, so a test awaits an event
 * (with a timeout) instead of asserting inside a callback that may never run.
 */
export class TestSocket {
  readonly received: Received[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload, taken: false });
      for (const wake of this.waiters) wake();
    });
  }

  get id(): string | undefined {
    return this.socket.id;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Emits and resolves with the acknowledgement (rejects when none comes in time). */
  async request<T = any>(event: string, ...args: unknown[]): Promise<T> {
    return (
      this.socket.timeout(10_000) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<T> }
    ).emitWithAck(event, ...args);
  }

  /** The next not yet taken `event` whose payload matches, waiting for it up to `timeoutMs`. */
  next<E extends EventName>(
    event: E,
    match: (payload: Payload<E>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Payload<E>> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received.find(
          (entry) => !entry.taken && entry.event === event && match(entry.payload as Payload<E>),
        );
        if (!found) return false;
        found.taken = true;
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve(found.payload as Payload<E>);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(
          new Error(
            `No "${event}" event within ${timeoutMs} ms (received: ${this.received.map((entry) => entry.event).join(', ') || 'nothing'})`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(wake);
      check();
    });
  }

  /** Every `event` received so far that matches. */
  all<E extends EventName>(event: E, match: (payload: Payload<E>) => boolean = () => true): Payload<E>[] {
    return this.received
      .filter((entry) => entry.event === event && match(entry.payload as Payload<E>))
      .map((entry) => entry.payload as Payload<E>);
  }

  /** Resolves when the connection is closed by the server (rejects after `timeoutMs`). */
  disconnection(timeoutMs = 5000): Promise<string> {
    if (!this.socket.connected) return Promise.resolve('already disconnected');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Still connected after ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  /** Resolves on the next successful (re)connection. */
  reconnection(timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Not reconnected within ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

function open(baseUrl: string, token: string | undefined, options: ConnectOptions): ClientSocket {
  return io(baseUrl, {
    auth: token === undefined ? {} : { token },
    transports: options.transports ?? ['websocket'],
    reconnection: options.reconnection ?? false,
    forceNew: true,
    extraHeaders: options.origin ? { origin: options.origin } : undefined,
  });
}

/** A connected socket for this token; rejects with the `connect_error` message otherwise. */
export async function connectSocket(
  baseUrl: string,
  token: string,
  options: ConnectOptions = {},
): Promise<TestSocket> {
  const socket = open(baseUrl, token, options);
  const tracked = new TestSocket(socket);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No connection within 10 s')), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(error);
    });
  });
  return tracked;
}

/** The `connect_error` message a connection attempt gets; rejects if it connects. */
export async function connectError(
  baseUrl: string,
  token: string | undefined,
  options: ConnectOptions = {},
): Promise<string> {
  const socket = open(baseUrl, token, options);
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Neither connected nor refused within 10 s')), 10_000);
      socket.once('connect', () => {
        clearTimeout(timer);
        reject(new Error('The connection was accepted'));
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        resolve(error.message);
      });
    });
  } finally {
    socket.disconnect();
  }
}
