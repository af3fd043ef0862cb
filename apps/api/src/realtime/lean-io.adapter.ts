import { Logger } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { defer, EMPTY, Observable } from 'rxjs';
import { catchError } from 'rxjs/operators';

/** What the adapter needs of a connection (Nest's Socket.IO build may be another copy than the app's). */
interface EventSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

type Transform = (data: unknown) => Observable<unknown>;

/** One gateway's handlers for one connection, as Nest hands them over (its callbacks bound to the connection). */
interface GatewayHandlers {
  handlers: MessageMappingProperties[];
  transform: Transform;
}

/** Where a connection keeps its gateways' handlers. */
const HANDLERS = Symbol('gateway handlers');

type HandledSocket = EventSocket & { [HANDLERS]?: GatewayHandlers[] };

const log = new Logger('LeanIoAdapter');

/**
 * The one listener of a connection's events, shared by every connection (called with the connection as `this`):
 * it runs the gateways' handlers of the event as Socket.IO runs an event's listeners, on the next tick and only
 * while the connection is open. One catch-all instead of a listener per event keeps a connection's listener table
 * small (13 events made it a large dictionary on each of them).
 */
function dispatchEvent(this: HandledSocket, event: string, ...args: unknown[]): void {
  process.nextTick(() => {
    if (!this.connected) return;
    for (const { handlers, transform } of this[HANDLERS] ?? []) {
      for (const handler of handlers) if (handler.message === event) run(this, handler, transform, args);
    }
  });
}

/** True when a gateway handles `event` on this connection (an event no gateway handles is answered as unknown). */
export function handlesEvent(socket: object, event: string): boolean {
  return ((socket as HandledSocket)[HANDLERS] ?? []).some((gateway) => gateway.handlers.some((handler) => handler.message === event));
}

/** Runs Nest's pipeline for one event and answers as Nest's adapter does. */
function run(socket: EventSocket, handler: MessageMappingProperties, transform: Transform, args: unknown[]): void {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as (response: unknown) => void) : undefined;
  const payload = ack ? args.slice(0, -1) : args;
  const data = payload.length === 1 ? payload[0] : payload.length === 0 ? undefined : payload;
  defer(() => transform(handler.callback(data, ack)))
    .pipe(
      catchError((error: unknown) => {
        log.error(error);
        return EMPTY;
      }),
    )
    .subscribe((response) => {
      if (response === null || response === undefined) return;
      const named = response as { event?: string; data?: unknown };
      if (named.event) socket.emit(named.event, named.data);
      else if (!handler.isAckHandledManually && ack) ack(response);
    });
}

/**
 * Nest's Socket.IO adapter, binding each gateway's events to a connection without a standing RxJS pipeline per
 * event and connection (fromEvent, mergeMap, takeUntil: 13 events × 3 gateways of subscriber chains kept for the
 * connection's life, most of an idle connection's memory). A connection keeps the handlers Nest bound for it and
 * one shared catch-all listener, which starts Nest's pipeline when an event arrives and answers as Nest's adapter
 * does: the handler's result through the acknowledgement (or as an event when it names one), a failure logged,
 * never ending later events.
 */
export class LeanIoAdapter extends IoAdapter {
  override bindMessageHandlers(
    socket: EventSocket,
    handlers: MessageMappingProperties[],
    transform: Transform,
  ): void {
    const handled = socket as HandledSocket;
    const gateways = handled[HANDLERS];
    // Nest's own array is kept as it is: no map, copies or wrappers per connection (a few hundred bytes each).
    // Two gateways handling one event both run, as with Nest's adapter.
    if (gateways) gateways.push({ handlers, transform });
    else {
      handled[HANDLERS] = [{ handlers, transform }];
      socket.onAny(dispatchEvent);
    }
  }

  /** A connection disconnects once: a plain listener, without `once`'s wrapper per gateway and connection. */
  override bindClientDisconnect(client: EventSocket, callback: (reason: unknown) => void): void {
    client.on('disconnect', callback);
  }
}
