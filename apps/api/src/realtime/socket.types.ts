import type { RemoteSocket, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';

/** What the server keeps per connection: the user authenticated at the handshake. */
export interface SocketData {
  user: AuthUser;
}

/**
 * Events between api instances (through the Redis adapter; otherwise they share state through the database):
 * an instance cache forgets what a change elsewhere touched, and answers once it has (InstanceCacheLink):
 * `session-cache:forget` for auth's sign-ins, `zones-cache:forget` for the zones' check index.
 */
export interface InterServerEvents {
  [event: `${string}-cache:forget`]: (scope: unknown, done: (forgotten: boolean) => void) => void;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppRemoteSocket = RemoteSocket<ServerToClientEvents, SocketData>;

/** An event the server sends, and the arguments it takes (from the contract's map). */
export type ServerEvent = keyof ServerToClientEvents;
export type ServerEventArgs<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>;

/** Who gets a push: the connections in any of these rooms, or every connection. */
export type Audience = readonly string[] | 'everyone';
