import { Logger } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { defer, EMPTY, Observable } from 'rxjs';
import { catchError } from 'rxjs/operators';

/** What the adapter needs of a connection (Nest's Socket.IO build may be another copy than the app's). */
interface EventSocket {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
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

/** The listener of one event, shared by every connection (called with the connection as `this`). */
const listeners = new Map<string, (this: HandledSocket, ...args: unknown[]) => void>();

function listenerFor(event: string): (this: HandledSocket, ...args: unknown[]) => void {
  let listener = listeners.get(event);
  if (!listener) {
    listener = function (this: HandledSocket, ...args: unknown[]) {
      for (const { handlers, transform } of this[HANDLERS] ?? []) {
        for (const handler of handlers) if (handler.message === event) run(this, handler, transform, args);
      }
    };
    listeners.set(event, listener);
  }
  return listener;
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
 * one shared listener per event, which starts Nest's pipeline when the event arrives and answers as Nest's adapter
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
    const gateways = (handled[HANDLERS] ??= []);
    const listened = new Set(gateways.flatMap((gateway) => gateway.handlers.map((handler) => String(handler.message))));
    // Nest's own array is kept as it is: no map, copies or wrappers per connection (a few hundred bytes each).
    gateways.push({ handlers, transform });
    for (const { message } of handlers) {
      const event = String(message);
      // Two gateways handling one event both run, as with Nest's adapter; one listener calls both.
      if (listened.has(event)) continue;
      listened.add(event);
      socket.on(event, listenerFor(event));
    }
  }

  /** A connection disconnects once: a plain listener, without `once`'s wrapper per gateway and connection. */
  override bindClientDisconnect(client: EventSocket, callback: (reason: unknown) => void): void {
    client.on('disconnect', callback);
  }
}
