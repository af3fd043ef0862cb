import { Injectable } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';

/** What the server keeps per connection: the user authenticated at the handshake. */
export interface SocketData {
  user: AuthUser;
}

/** Events between api instances (none: they share state through the database and the Redis adapter). */
export type InterServerEvents = Record<string, never>;

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The Socket.IO server, for the providers that push to sockets; set by the gateway once the server exists. */
@Injectable()
export class SocketServerRef {
  private current: AppServer | null = null;

  set(server: AppServer): void {
    this.current = server;
  }

  /** Null before the gateway has started (nothing is connected then, so there is nobody to push to). */
  get server(): AppServer | null {
    return this.current;
  }
}
