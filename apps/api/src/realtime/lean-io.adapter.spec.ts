import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { from, Observable, of } from 'rxjs';
import { handlesEvent, LeanIoAdapter } from './lean-io.adapter';

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
