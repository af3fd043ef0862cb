import type { Ack, ClientToServerEvents, ErrorReason, ServerToClientEvents } from '@samverkan/contracts';
import { io, type Socket } from 'socket.io-client';
import { Store } from '../state/store';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ConnectionState {
  status: ConnectionStatus;
  /** When the connection was last lost (ms since the epoch), while reconnecting. */
  lostAt: number | null;
}

type EventName = keyof ClientToServerEvents;
export type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type AckCallbackOf<E extends EventName> = NonNullable<Parameters<ClientToServerEvents[E]>[1]>;
export type AckOf<E extends EventName> = Parameters<AckCallbackOf<E>>[0];
export type SuccessOf<E extends EventName> = Extract<AckOf<E>, { ok: true }>;

/** Why a request got no `{ ok: true }`: the server's error code, or `not_connected` / `timeout` from here. */
export class SocketRequestError extends Error {
  override readonly name = 'SocketRequestError';

  constructor(
    readonly code: string,
    message: string,
    /** The refused field and the reason's code (ERROR_REASONS), when the server named them. */
    readonly field?: string,
    readonly reason?: ErrorReason,
  ) {
    super(message);
  }

  /** Worth sending again later with the same payload (the server never saw it, or could not answer). */
  get isTransient(): boolean {
    return ['not_connected', 'timeout', 'rate_limited', 'internal', 'unavailable'].includes(this.code);
  }
}

export interface SocketClientOptions {
  /** The token for each (re)connection attempt. */
  token(): string | null;
  /** The server refused the token (`connect_error` "unauthorized"). */
  unauthorized(): void;
  /** Where the api is; undefined: this page's origin. */
  url?: string;
  requestTimeoutMs?: number;
}

class ConnectionStore extends Store<ConnectionState> {
  constructor() {
    super({ status: 'connecting', lostAt: null });
  }

  change(status: ConnectionStatus): void {
    const lostAt = status === 'reconnecting' ? (this.value.lostAt ?? Date.now()) : null;
    if (status !== this.value.status) this.set({ status, lostAt });
  }
}

/**
 * The app's one Socket.IO connection, typed by the contract's event maps. Requests never queue while the
 * connection is down (socket.io would buffer and send them later, behind the app's back): they fail with
 * `not_connected`, and whoever sent them (the outbox) decides to send again after `onConnect`.
 */
export class SocketClient {
  readonly connection = new ConnectionStore();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly connectListeners = new Set<() => void>();
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: SocketClientOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    const socketOptions = {
      autoConnect: false,
      // A function, so every reconnection attempt sends the current token.
      auth: (send: (data: object) => void) => send({ token: options.token() }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    };
    this.socket = options.url ? io(options.url, socketOptions) : io(socketOptions);

    this.socket.on('connect', () => {
      this.connection.change('connected');
      for (const listener of [...this.connectListeners]) listener();
    });
    this.socket.on('disconnect', (reason) => {
      if (this.connection.value.status === 'closed') return;
      this.connection.change('reconnecting');
      // The server ended this connection on purpose (a revoked token); socket.io does not retry that by itself.
      if (reason === 'io server disconnect') this.options.unauthorized();
    });
    this.socket.on('connect_error', (error) => {
      if (this.connection.value.status === 'closed') return;
      if (error.message === 'unauthorized') {
        this.options.unauthorized();
        return;
      }
      if (this.connection.value.status === 'connected') this.connection.change('reconnecting');
    });
  }

  connect(): void {
    if (this.connection.value.status === 'closed') return;
    this.socket.connect();
  }

  /** Tries again now, after the session was found to be still good. */
  reconnect(): void {
    if (this.connection.value.status === 'closed' || this.socket.connected) return;
    this.connection.change('reconnecting');
    this.socket.connect();
  }

  close(): void {
    this.connection.change('closed');
    this.connectListeners.clear();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Called on every connection, the first and each one after a drop. */
  onConnect(listener: () => void): () => void {
    this.connectListeners.add(listener);
    if (this.socket.connected) listener();
    return () => this.connectListeners.delete(listener);
  }

  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void {
    // socket.io's typed `on` cannot follow a generic event name.
    const untyped = this.socket as unknown as Socket;
    untyped.on(event as string, handler as (...args: unknown[]) => void);
    return () => void untyped.off(event as string, handler as (...args: unknown[]) => void);
  }

  /** Sends an event and resolves with the `{ ok: true, ... }` answer; rejects with a SocketRequestError otherwise. */
  request<E extends EventName>(
    event: E,
    payload: PayloadOf<E>,
    timeoutMs = this.requestTimeoutMs,
  ): Promise<SuccessOf<E>> {
    if (!this.socket.connected) {
      return Promise.reject(new SocketRequestError('not_connected', 'The connection to the server is down'));
    }
    const untyped = this.socket as unknown as Socket;
    return new Promise((resolve, reject) => {
      untyped.timeout(timeoutMs).emit(event, payload, (error: Error | null, answer: Ack) => {
        if (error) reject(new SocketRequestError('timeout', `No answer to ${event} within ${timeoutMs} ms`));
        else if (answer.ok) resolve(answer as SuccessOf<E>);
        else
          reject(
            new SocketRequestError(
              answer.error.code,
              answer.error.message,
              answer.error.field,
              answer.error.reason,
            ),
          );
      });
    });
  }

  /** For events that need no answer (typing). Dropped while disconnected. */
  notify<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    if (!this.socket.connected) return;
    (this.socket as unknown as Socket).volatile.emit(event, payload);
  }
}
