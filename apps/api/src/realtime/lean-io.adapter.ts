import { Logger } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { isObservable, Observable } from 'rxjs';

/** What the adapter needs of a connection (Nest's Socket.IO build may be another copy than the app's). */
interface EventSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

type Transform = (data: unknown) => Observable<unknown>;

/** One gateway's handlers for one connection, as Nest hands them over (its callbacks bound to the connection). */
type GatewayHandlers = MessageMappingProperties[];

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
    for (const handlers of this[HANDLERS] ?? []) {
      for (const handler of handlers) if (handler.message === event) run(this, handler, args);
    }
  });
}

/** True when a gateway handles `event` on this connection (an event no gateway handles is answered as unknown). */
export function handlesEvent(socket: object, event: string): boolean {
  return ((socket as HandledSocket)[HANDLERS] ?? []).some((handlers) => handlers.some((handler) => handler.message === event));
}

/**
 * Runs Nest's pipeline for one event (the handler's callback: guards, pipes, filters, the gateway's method) and
 * answers as Nest's adapter does with its `transform` (which awaits the result and makes an Observable of it):
 * every value of an Observable, a promise's value, or a plain value. Without that Observable per event: on the
 * chat's hot path it was about 3 % of the api's time.
 */
function run(socket: EventSocket, handler: MessageMappingProperties, args: unknown[]): void {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as (response: unknown) => void) : undefined;
  const payload = ack ? args.slice(0, -1) : args;
  const data = payload.length === 1 ? payload[0] : payload.length === 0 ? undefined : payload;
  const answer = (response: unknown) => {
    if (response === null || response === undefined) return;
    const named = response as { event?: string; data?: unknown };
    if (named.event) socket.emit(named.event, named.data);
    else if (!handler.isAckHandledManually && ack) ack(response);
  };
  const failed = (error: unknown) => log.error(error);
  try {
    Promise.resolve(handler.callback(data, ack) as unknown)
      // Promise.resolve has already awaited a promise: what is left is an Observable or a value.
      .then((result) => {
        if (isObservable(result)) result.subscribe({ next: answer, error: failed });
        else answer(result);
      })
      .catch(failed);
  } catch (error) {
    failed(error);
  }
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
    // Not kept: `run` answers as this transform of Nest's would, without an Observable per event.
    _transform: Transform,
  ): void {
    const handled = socket as HandledSocket;
    const gateways = handled[HANDLERS];
    // Nest's own array is kept as it is: no map, copies or wrappers per connection (a few hundred bytes each).
    // Two gateways handling one event both run, as with Nest's adapter.
    if (gateways) gateways.push(handlers);
    else {
      handled[HANDLERS] = [handlers];
      socket.onAny(dispatchEvent);
    }
  }

  /** A connection disconnects once: a plain listener, without `once`'s wrapper per gateway and connection. */
  override bindClientDisconnect(client: EventSocket, callback: (reason: unknown) => void): void {
    client.on('disconnect', callback);
  }
}
