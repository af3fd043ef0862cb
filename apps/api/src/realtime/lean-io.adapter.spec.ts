import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { from, Observable, of } from 'rxjs';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { WebSocketsController } from '@nestjs/websockets/web-sockets-controller';
import { handlesEvent, LeanIoAdapter, shareGatewayBindings } from './lean-io.adapter';

/** A connection as Socket.IO's: an event from the client goes to the catch-all listeners (`onevent`). */
class FakeSocket extends EventEmitter {
  connected = true;
  private readonly anyListeners: ((event: string, ...args: unknown[]) => void)[] = [];

  onAny(listener: (event: string, ...args: unknown[]) => void): this {
    this.anyListeners.push(listener);
    return this;
  }

  /** An event arriving from the client. */
  incoming(event: string, ...args: unknown[]): void {
    for (const listener of this.anyListeners) listener.call(this, event, ...args);
  }

  get anyListenerCount(): number {
    return this.anyListeners.length;
  }
}

// Nest's transform: the handler's promise (or value) as an observable.
const transform = (result: unknown): Observable<unknown> => from(Promise.resolve(result));

describe('LeanIoAdapter', () => {
  it('answers each event through its acknowledgement, keeps serving after a failure, and runs two handlers of one event', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const adapter = new LeanIoAdapter();
    const sockets = [new FakeSocket(), new FakeSocket()];
    const seen: unknown[] = [];
    for (const [i, socket] of sockets.entries()) {
      adapter.bindMessageHandlers(
        socket,
        [
          {
            message: 'echo',
            methodName: 'echo',
            isAckHandledManually: false,
            callback: async (data: unknown) => ({ ok: true, data, socket: i }),
          },
          {
            message: 'fail',
            methodName: 'fail',
            isAckHandledManually: false,
            callback: () => {
              throw new Error('handler failed');
            },
          },
        ],
        transform,
      );
      adapter.bindMessageHandlers(
        socket,
        [
          {
            message: 'echo',
            methodName: 'echo',
            isAckHandledManually: false,
            callback: async (data: unknown) => void seen.push(data),
          },
        ],
        transform,
      );
    }
    const ask = (socket: FakeSocket, event: string, payload: unknown) =>
      new Promise((resolve) => socket.incoming(event, payload, resolve));

    expect(await ask(sockets[1], 'echo', { a: 1 })).toEqual({ ok: true, data: { a: 1 }, socket: 1 });
    sockets[0].incoming('fail', {}, () => undefined);
    expect(await ask(sockets[0], 'echo', 'again')).toEqual({ ok: true, data: 'again', socket: 0 });
    expect(seen).toEqual([{ a: 1 }, 'again']);
    expect(sockets[0].anyListenerCount).toBe(1);
    expect(handlesEvent(sockets[0], 'echo')).toBe(true);
    expect(handlesEvent(sockets[0], 'nothing')).toBe(false);
  });

  it('drops an event that arrives as the connection closes, as Socket.IO does', async () => {
    const adapter = new LeanIoAdapter();
    const socket = new FakeSocket();
    const seen: unknown[] = [];
    adapter.bindMessageHandlers(socket, [{ message: 'echo', methodName: 'echo', isAckHandledManually: false, callback: async (data: unknown) => void seen.push(data) }], transform);
    socket.incoming('echo', 'before');
    socket.incoming('echo', 'while closing');
    socket.connected = false;
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);
    socket.connected = true;
    socket.incoming('echo', 'open');
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['open']);
  });

  it("answers as Nest's adapter does: a promise's value, an Observable's every value, an event by name, nothing for nothing", async () => {
    const adapter = new LeanIoAdapter();
    const socket = new FakeSocket();
    const emitted: unknown[] = [];
    socket.emit = ((event: string, data: unknown) => emitted.push([event, data]) > 0) as FakeSocket['emit'];
    adapter.bindMessageHandlers(
      socket,
      [
        { message: 'plain', methodName: 'plain', isAckHandledManually: false, callback: async () => ({ ok: true, kind: 'plain' }) },
        { message: 'stream', methodName: 'stream', isAckHandledManually: false, callback: async () => of({ event: 'first', data: 1 }, { event: 'second', data: 2 }) },
        { message: 'manual', methodName: 'manual', isAckHandledManually: true, callback: async () => ({ ok: true }) },
        { message: 'nothing', methodName: 'nothing', isAckHandledManually: false, callback: async () => undefined },
      ],
      transform,
    );
    const acks: unknown[] = [];
    socket.incoming('plain', {}, (response: unknown) => acks.push(response));
    socket.incoming('stream', {});
    socket.incoming('manual', {}, (response: unknown) => acks.push(['manual', response]));
    socket.incoming('nothing', {}, (response: unknown) => acks.push(['nothing', response]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(acks).toEqual([{ ok: true, kind: 'plain' }]);
    expect(emitted).toEqual([
      ['first', 1],
      ['second', 2],
    ]);
  });
});

describe('shareGatewayBindings', () => {
  /** Nest's connection handler for one gateway, as WebSocketsController makes it for an app with this adapter. */
  function connectionHandler(adapter: unknown, gateway: object, handlers: MessageMappingProperties[]) {
    const connections: unknown[][] = [];
    const disconnects: unknown[] = [];
    const controller = { config: { getIoAdapter: () => adapter }, subscribeMessages: jest.fn() };
    const handler = WebSocketsController.prototype.getConnectionHandler.call(
      controller,
      controller as never,
      gateway,
      handlers,
      { next: (value: unknown) => disconnects.push(value) } as never,
      { next: (args: unknown[]) => connections.push(args) } as never,
    );
    return { handler, connections, disconnects, controller };
  }

  it("takes over Nest's binding on this Nest version (an upgrade that changes it fails here)", () => {
    expect(shareGatewayBindings()).toBe(true);
  });

  it('binds a gateway once for every connection: the handler gets the gateway as this and the connection first', async () => {
    const adapter = new LeanIoAdapter();
    const gateway = { name: 'chat' };
    const calls: unknown[][] = [];
    const handlers: MessageMappingProperties[] = [
      {
        message: 'echo',
        methodName: 'echo',
        isAckHandledManually: false,
        callback: async function (this: unknown, socket: unknown, data: unknown) {
          calls.push([this, socket, data]);
          return { ok: true, data };
        },
      },
    ];
    const other = { name: 'meetings' };
    const chat = connectionHandler(adapter, gateway, handlers);
    const meetings = connectionHandler(adapter, other, [{ message: 'view', methodName: 'view', isAckHandledManually: false, callback: async () => ({ ok: 'view' }) }]);
    const sockets = [new FakeSocket(), new FakeSocket()];
    for (const socket of sockets) {
      chat.handler(socket, 'handshake extra');
      meetings.handler(socket);
    }

    // Nest's connection event still comes first, with every argument; nothing is bound per connection.
    expect(chat.connections).toEqual([[sockets[0], 'handshake extra'], [sockets[1], 'handshake extra']]);
    expect(chat.controller.subscribeMessages).not.toHaveBeenCalled();
    const lists = sockets.map((socket) => Object.getOwnPropertySymbols(socket).map((key) => (socket as never)[key]));
    expect(lists[0][0]).toBe(lists[1][0]);
    expect(sockets[0].anyListenerCount).toBe(1);
    expect(sockets[0].listenerCount('disconnect')).toBe(1);

    const ask = (socket: FakeSocket, event: string, payload?: unknown) =>
      new Promise((resolve) => socket.incoming(event, payload, resolve));
    expect(await ask(sockets[1], 'echo', 'hello')).toEqual({ ok: true, data: 'hello' });
    expect(calls).toEqual([[gateway, sockets[1], 'hello']]);
    expect(await ask(sockets[0], 'view')).toEqual({ ok: 'view' });
    expect(handlesEvent(sockets[0], 'view')).toBe(true);
    expect(handlesEvent(sockets[0], 'nothing')).toBe(false);

    // Each gateway hears of the disconnect once, with the connection and the reason (its handleDisconnect).
    sockets[1].emit('disconnect', 'transport close');
    expect(chat.disconnects).toEqual([{ client: sockets[1], reason: 'transport close' }]);
    expect(meetings.disconnects).toEqual([{ client: sockets[1], reason: 'transport close' }]);
  });

  it("leaves Nest's own binding to an app with another adapter", () => {
    const { handler, controller } = connectionHandler({ notLean: true }, {}, []);
    const socket = new FakeSocket();
    handler(socket);
    expect(controller.subscribeMessages).toHaveBeenCalledWith([], socket, {});
  });
});
