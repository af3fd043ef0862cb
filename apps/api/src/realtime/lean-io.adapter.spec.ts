import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { from, Observable } from 'rxjs';
import { LeanIoAdapter } from './lean-io.adapter';

// Nest's transform: the handler's promise (or value) as an observable.
const transform = (result: unknown): Observable<unknown> => from(Promise.resolve(result));

describe('LeanIoAdapter', () => {
  it('answers each event through its acknowledgement, keeps serving after a failure, and runs two handlers of one event', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const adapter = new LeanIoAdapter();
    const sockets = [new EventEmitter(), new EventEmitter()];
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
    const ask = (socket: EventEmitter, event: string, payload: unknown) =>
      new Promise((resolve) => socket.emit(event, payload, resolve));

    expect(await ask(sockets[1], 'echo', { a: 1 })).toEqual({ ok: true, data: { a: 1 }, socket: 1 });
    sockets[0].emit('fail', {}, () => undefined);
    expect(await ask(sockets[0], 'echo', 'again')).toEqual({ ok: true, data: 'again', socket: 0 });
    expect(seen).toEqual([{ a: 1 }, 'again']);
    expect(sockets[0].listenerCount('echo')).toBe(1);
  });
});
