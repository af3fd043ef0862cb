import { Logger } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { WebSocketsController } from '@nestjs/websockets/web-sockets-controller';
import { isObservable, Observable } from 'rxjs';

/** What the adapter needs of a connection (Nest's Socket.IO build may be another copy than the app's). */
interface EventSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

type Transform = (data: unknown) => Observable<unknown>;

/**
 * One gateway's handlers as a connection runs them. Shared by every connection when the adapter binds them itself
 * (`instance` set: Nest's callbacks, not bound, called with the connection first); or, on Nest's own path, the
 * handlers Nest bound for this one connection (`instance` null).
 */
interface GatewayBinding {
  readonly handlers: readonly MessageMappingProperties[];
  readonly instance: object | null;
  /** The gateway's disconnect stream (Nest's `handleDisconnect`), when the adapter binds the gateway itself. */
  readonly disconnect: { next(value: { client: unknown; reason: unknown }): void } | null;
}

/** Where a connection keeps its gateways. */
const GATEWAYS = Symbol('gateways');

type HandledSocket = EventSocket & { [GATEWAYS]?: readonly GatewayBinding[] };

const log = new Logger('LeanIoAdapter');

/**
 * The lists of gateways connections hold, each made once: every connection binds the same gateways in the same
 * order, so they all point at one list instead of each keeping an array of its own.
 */
const extendedLists = new WeakMap<readonly GatewayBinding[], Map<GatewayBinding, readonly GatewayBinding[]>>();
const NO_GATEWAYS: readonly GatewayBinding[] = Object.freeze([]);

function withGateway(list: readonly GatewayBinding[], gateway: GatewayBinding): readonly GatewayBinding[] {
  // A binding of one connection (Nest's path) is never shared: its list is the connection's own.
  if (gateway.instance === null) return [...list, gateway];
  let extensions = extendedLists.get(list);
  if (!extensions) extendedLists.set(list, (extensions = new Map()));
  let extended = extensions.get(gateway);
  if (!extended) extensions.set(gateway, (extended = Object.freeze([...list, gateway])));
  return extended;
}

/** Adds a gateway to a connection; the first one also brings the connection's one catch-all listener. */
function bindGateway(socket: HandledSocket, gateway: GatewayBinding): void {
  const gateways = socket[GATEWAYS];
  socket[GATEWAYS] = withGateway(gateways ?? NO_GATEWAYS, gateway);
  if (!gateways) socket.onAny(dispatchEvent);
  if (gateway.disconnect && !gateways?.some((bound) => bound.disconnect)) socket.on('disconnect', disconnectGateways);
}

/**
 * The one listener of a connection's events, shared by every connection (called with the connection as `this`):
 * it runs the gateways' handlers of the event as Socket.IO runs an event's listeners, on the next tick and only
 * while the connection is open. One catch-all instead of a listener per event keeps a connection's listener table
 * small (13 events made it a large dictionary on each of them).
 */
function dispatchEvent(this: HandledSocket, event: string, ...args: unknown[]): void {
  process.nextTick(() => {
    if (!this.connected) return;
    for (const gateway of this[GATEWAYS] ?? NO_GATEWAYS) {
      for (const handler of gateway.handlers) if (handler.message === event) run(this, gateway, handler, args);
    }
  });
}

/** Tells each gateway the adapter bound that the connection is gone, as Nest does (its `handleDisconnect`). */
function disconnectGateways(this: HandledSocket, reason: unknown): void {
  for (const gateway of this[GATEWAYS] ?? NO_GATEWAYS) gateway.disconnect?.next({ client: this, reason });
}

/** True when a gateway handles `event` on this connection (an event no gateway handles is answered as unknown). */
export function handlesEvent(socket: object, event: string): boolean {
  return ((socket as HandledSocket)[GATEWAYS] ?? NO_GATEWAYS).some((gateway) =>
    gateway.handlers.some((handler) => handler.message === event),
  );
}

/**
 * Runs Nest's pipeline for one event (the handler's callback: guards, pipes, filters, the gateway's method) and
 * answers as Nest's adapter does with its `transform` (which awaits the result and makes an Observable of it):
 * every value of an Observable, a promise's value, or a plain value. Without that Observable per event: on the
 * chat's hot path it was about 3 % of the api's time.
 */
function run(socket: EventSocket, gateway: GatewayBinding, handler: MessageMappingProperties, args: unknown[]): void {
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
    // Nest binds a handler to its gateway and the connection; a shared one gets both here.
    const result: unknown =
      gateway.instance === null ? handler.callback(data, ack) : handler.callback.call(gateway.instance, socket, data, ack);
    Promise.resolve(result)
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

/** What the adapter takes over of Nest's gateway binding (`WebSocketsController`, @nestjs/websockets 12). */
type ConnectionHandlerFactory = (
  this: { config: { getIoAdapter(): unknown } },
  context: unknown,
  instance: object,
  subscribersMap: MessageMappingProperties[],
  disconnect: GatewayBinding['disconnect'],
  connection: { next(args: unknown[]): void },
) => (...args: unknown[]) => void;

/** Set once Nest's connection handler is replaced (once per process: every app's controller shares it). */
let shared = false;

/**
 * Lets the adapter bind each gateway once for every connection. Nest's connection handler binds 13 callbacks
 * to each connection (`callback.bind(gateway, client)` and an object around each), and a closure per gateway for
 * its disconnect: about 2.5 KB an idle connection keeps for its life, most of what it holds beyond a bare
 * Socket.IO connection. Here the connection keeps one pointer to a list of gateways that all connections share,
 * and the handler gets the connection as its first argument, exactly as the bound one passed it.
 *
 * It replaces `getConnectionHandler` of Nest's `WebSocketsController` (a public method, though not a documented
 * extension point), for apps whose adapter is a LeanIoAdapter only: any other app in the process keeps Nest's.
 * Should a later Nest change its shape, the adapter says so at start and Nest's own binding goes on working through
 * `bindMessageHandlers` below (decision 0026). The unit test fails on such a Nest, so an upgrade notices.
 */
export function shareGatewayBindings(): boolean {
  if (shared) return true;
  const controller = WebSocketsController.prototype as unknown as { getConnectionHandler?: ConnectionHandlerFactory };
  const original = controller.getConnectionHandler;
  if (typeof original !== 'function' || original.length !== 5) {
    log.warn("Nest's WebSocketsController has changed: each connection keeps Nest's own bound handlers");
    return false;
  }
  shared = true;
  controller.getConnectionHandler = function (context, instance, subscribersMap, disconnect, connection) {
    if (!(this.config.getIoAdapter() instanceof LeanIoAdapter))
      return original.call(this, context, instance, subscribersMap, disconnect, connection);
    const gateway: GatewayBinding = { handlers: subscribersMap, instance, disconnect };
    // As Nest's: the connection event first (the gateway's handleConnection), then the messages and disconnect.
    return (...args: unknown[]) => {
      connection.next(args);
      bindGateway(args[0] as HandledSocket, gateway);
    };
  };
  return true;
}

/**
 * Nest's Socket.IO adapter, binding each gateway's events to a connection without a standing RxJS pipeline per
 * event and connection (fromEvent, mergeMap, takeUntil: 13 events × 3 gateways of subscriber chains kept for the
 * connection's life, most of an idle connection's memory), and without Nest's handlers bound to each connection
 * (`shareGatewayBindings`). A connection keeps one shared list of its gateways and one shared catch-all listener,
 * which starts Nest's pipeline when an event arrives and answers as Nest's adapter does: the handler's result
 * through the acknowledgement (or as an event when it names one), a failure logged, never ending later events.
 */
export class LeanIoAdapter extends IoAdapter {
  constructor(...args: ConstructorParameters<typeof IoAdapter>) {
    super(...args);
    shareGatewayBindings();
  }

  /**
   * Nest's own path (when `shareGatewayBindings` could not take over): the handlers Nest bound for this
   * connection, kept as Nest's array is, with no map, copies or wrappers per connection. Two gateways handling
   * one event both run, as with Nest's adapter.
   */
  override bindMessageHandlers(
    socket: EventSocket,
    handlers: MessageMappingProperties[],
    // Not kept: `run` answers as this transform of Nest's would, without an Observable per event.
    _transform: Transform,
  ): void {
    bindGateway(socket as HandledSocket, { handlers, instance: null, disconnect: null });
  }

  /** A connection disconnects once: a plain listener, without `once`'s wrapper per gateway and connection. */
  override bindClientDisconnect(client: EventSocket, callback: (reason: unknown) => void): void {
    client.on('disconnect', callback);
  }
}
