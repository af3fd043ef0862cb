import { ArgumentsHost, Catch, HttpException, Logger, WsExceptionFilter } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { AckError, ErrorDetail, SocketErrorCode } from '@samverkan/contracts';

const CODE_BY_STATUS: Record<number, SocketErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'bad_request',
  429: 'rate_limited',
};

/** The acknowledgement that answers a failed event, from the exception a handler, pipe or service threw. */
export function toAckError(exception: unknown): { ack: AckError; unexpected: boolean } {
  if (exception instanceof HttpException) {
    const code = CODE_BY_STATUS[exception.getStatus()];
    if (code) {
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      const detail =
        typeof response === 'string' ? undefined : (response as { details?: ErrorDetail[] }).details?.[0];
      const retryAfterSeconds =
        typeof response === 'string'
          ? undefined
          : (response as { retryAfterSeconds?: number }).retryAfterSeconds;
      const error: AckError['error'] = { code, message: Array.isArray(message) ? message[0] : message };
      if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
      return {
        ack: {
          ok: false,
          error: detail?.reason ? { ...error, field: detail.field, reason: detail.reason } : error,
        },
        unexpected: false,
      };
    }
  }
  if (exception instanceof WsException) {
    const error = exception.getError();
    const message =
      typeof error === 'string' ? error : ((error as { message?: string }).message ?? 'bad request');
    return { ack: { ok: false, error: { code: 'bad_request', message } }, unexpected: false };
  }
  return {
    ack: { ok: false, error: { code: 'internal', message: 'Something went wrong on the server; try again' } },
    unexpected: true,
  };
}

/**
 * Every failure of a socket event becomes its acknowledgement `{ ok: false, error: { code, message } }`: the
 * socket stays connected and the client learns why. Events sent without an acknowledgement fail silently.
 */
@Catch()
export class WsAckExceptionFilter implements WsExceptionFilter {
  private readonly logger = new Logger('Sockets');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { ack, unexpected } = toAckError(exception);
    if (unexpected) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    // The handler's arguments are (socket, payload, ack?, pattern): the acknowledgement is the one function.
    const callback = host
      .getArgs()
      .find((arg): arg is (response: AckError) => void => typeof arg === 'function');
    callback?.(ack);
  }
}
