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

/**
 * Nest's Socket.IO adapter, binding each gateway's events to a connection with a plain listener instead of a
 * standing RxJS pipeline per event and connection (fromEvent, mergeMap, takeUntil: 13 events × 3 gateways of
 * subscriber chains kept alive for the connection's life, most of an idle connection's memory). A listener
 * starts a pipeline only when its event arrives, and answers as Nest's does: the handler's result through the
 * acknowledgement (or as an event when it names one), a handler's failure logged, never ending the stream.
 */
export class LeanIoAdapter extends IoAdapter {
  private readonly log = new Logger('LeanIoAdapter');

  override bindMessageHandlers(
    socket: EventSocket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(String(message), (...args: unknown[]) => {
        const last = args[args.length - 1];
        const ack = typeof last === 'function' ? (last as (response: unknown) => void) : undefined;
        const payload = ack ? args.slice(0, -1) : args;
        const data = payload.length === 1 ? payload[0] : payload.length === 0 ? undefined : payload;
        defer(() => transform(callback(data, ack)))
          .pipe(
            catchError((error: unknown) => {
              this.log.error(error);
              return EMPTY;
            }),
          )
          .subscribe((response) => {
            if (response === null || response === undefined) return;
            const named = response as { event?: string; data?: unknown };
            if (named.event) socket.emit(named.event, named.data);
            else if (!isAckHandledManually && ack) ack(response);
          });
      });
    }
  }
}
