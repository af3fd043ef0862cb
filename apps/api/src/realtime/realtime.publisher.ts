import { Injectable } from '@nestjs/common';
import type { BroadcastOperator } from 'socket.io';
import type { ServerToClientEvents } from '@samverkan/contracts';
import type {
  AppRemoteSocket,
  AppServer,
  AppSocket,
  Audience,
  ServerEvent,
  ServerEventArgs,
  SocketData,
} from './socket.types';

type Broadcast = BroadcastOperator<ServerToClientEvents, SocketData>;

/**
 * The one place that sends to sockets, typed by the contract's map of server-to-client events. Features say
 * what (an event and its payload) and to whom (rooms, or everyone); this knows how. Before the socket server
 * exists nothing is connected, so every call is a no-op then.
 */
@Injectable()
export class RealtimePublisher {
  private server: AppServer | null = null;

  /** Set once by the realtime gateway when Nest has made the server. */
  attach(server: AppServer): void {
    this.server = server;
  }

  publish<E extends ServerEvent>(event: E, rooms: Audience, ...payload: ServerEventArgs<E>): void {
    const target = this.to(rooms);
    target?.emit(event, ...payload);
  }

  /** To the connections in `rooms` that are in none of `except`. */
  publishExcept<E extends ServerEvent>(
    event: E,
    rooms: readonly string[],
    except: readonly string[],
    ...payload: ServerEventArgs<E>
  ): void {
    if (!rooms.length) return;
    this.server?.to([...rooms]).except([...except]).emit(event, ...payload);
  }

  /** To this one connection. */
  reply<E extends ServerEvent>(socket: AppSocket, event: E, ...payload: ServerEventArgs<E>): void {
    socket.emit(event, ...payload);
  }

  /** From a connection to the others in a room (never back to itself). */
  relay<E extends ServerEvent>(from: AppSocket, room: string, event: E, ...payload: ServerEventArgs<E>): void {
    from.to(room).emit(event, ...payload);
  }

  /** `relay`, dropped rather than queued when the connection is busy: for hints such as typing. */
  relayVolatile<E extends ServerEvent>(from: AppSocket, room: string, event: E, ...payload: ServerEventArgs<E>): void {
    from.to(room).volatile.emit(event, ...payload);
  }

  /**
   * The connections in `rooms` but in none of `except` leave `room`. Locally first, whatever the state of
   * Redis (the adapter applies remote room changes only through it), then on every instance.
   */
  leave(rooms: readonly string[], except: readonly string[], room: string): void {
    const server = this.server;
    if (!server || !rooms.length) return;
    server.local.in([...rooms]).except([...except]).socketsLeave(room);
    server.in([...rooms]).except([...except]).socketsLeave(room);
  }

  /** Closes the connections in `rooms`: locally at once, then on the other instances through the adapter. */
  disconnect(rooms: readonly string[]): void {
    const server = this.server;
    if (!server || !rooms.length) return;
    server.local.in([...rooms]).disconnectSockets(true);
    server.in([...rooms]).disconnectSockets(true);
  }

  /** The connections in a room on every instance; rejects when another instance cannot be asked. */
  async socketsIn(room: string): Promise<AppRemoteSocket[]> {
    return this.server ? this.server.in(room).fetchSockets() : [];
  }

  /** The connections in a room on this instance alone. */
  async localSocketsIn(room: string): Promise<AppRemoteSocket[]> {
    return this.server ? this.server.local.in(room).fetchSockets() : [];
  }

  /** Whether the user has a connection in the room on any instance; rejects when another instance cannot be asked. */
  async inRoom(room: string, userId: string): Promise<boolean> {
    return (await this.socketsIn(room)).some((socket) => socket.data.user?.id === userId);
  }

  /** This instance's connections, for checks that walk them (their sessions). */
  localSockets(): AppSocket[] {
    return this.server ? [...this.server.of('/').sockets.values()] : [];
  }

  /** The rooms that have a connection on any instance (this instance's alone while the others cannot be asked). */
  async rooms(): Promise<Iterable<string>> {
    if (!this.server) return [];
    const adapter = this.server.of('/').adapter as {
      allRooms?: () => Promise<Set<string>>;
      rooms: Map<string, Set<string>>;
    };
    if (!adapter.allRooms) return adapter.rooms.keys();
    return adapter.allRooms().catch(() => new Set(adapter.rooms.keys()));
  }

  private to(rooms: Audience): AppServer | Broadcast | null {
    if (!this.server) return null;
    if (rooms === 'everyone') return this.server;
    return rooms.length ? this.server.to([...rooms]) : null;
  }
}
