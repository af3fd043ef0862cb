import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import type { ErrorDetail, ErrorReason, ErrorResponse } from '@samverkan/contracts';

/** An error whose response lists every problem found, each `{ field, message }`. */
export class DetailedHttpException extends HttpException {
  constructor(status: number, details: ErrorDetail[], message?: string) {
    super({ message: message ?? `${details[0].field}: ${details[0].message}`, details }, status);
  }
}

/** A 400 naming the field; `reason` is the code clients put in the user's language (see ERROR_REASONS). */
export function badRequest(field: string, message: string, reason?: ErrorReason): DetailedHttpException {
  return new DetailedHttpException(HttpStatus.BAD_REQUEST, [reason ? { field, message, reason } : { field, message }]);
}

/** A 409 naming the field and the reason's code, for conflicts a client can say more about than "try again". */
export function conflict(field: string, message: string, reason: ErrorReason): DetailedHttpException {
  // The message stays the sentence itself, as a 409's always was.
  return new DetailedHttpException(HttpStatus.CONFLICT, [{ field, message, reason }], message);
}

/**
 * Failures to reach the database: the network's (Node's error codes) and the server's refusals (SQLSTATE):
 * shutting down or starting up (57P01–57P03), too many connections (53300), the database gone or closed to
 * connections, the app's role refused (28000, 28P01), and every connection exception (class 08).
 */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '3D000',
  '28000',
  '28P01',
]);

const CONNECTION_ERROR_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not currently accepting connections/;

/** A database that does not answer is the one failure a client should retry: 503, not 500. */
function isDatabaseUnavailable(error: unknown): boolean {
  const err = error as { code?: unknown; message?: string; driverError?: { code?: unknown }; errors?: unknown[] };
  if (!err || typeof err !== 'object') return false;
  const code = err.code ?? err.driverError?.code;
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))) return true;
  if (CONNECTION_ERROR_MESSAGES.test(err.message ?? '')) return true;
  // Connecting to a name with several addresses fails with an AggregateError of each attempt's error.
  return Array.isArray(err.errors) && err.errors.some(isDatabaseUnavailable);
}

/** Errors from Express's body parser, in words a client can act on. */
function bodyParserMessage(error: unknown): { status: number; message: string } | null {
  const type = (error as { type?: string } | undefined)?.type;
  if (type === 'entity.too.large') return { status: 413, message: 'The request body is larger than 1 MB' };
  if (type === 'entity.parse.failed') return { status: 400, message: 'The request body is not valid JSON' };
  if (type === 'entity.too.deep') return { status: 400, message: (error as Error).message };
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return { status: 415, message: 'The request body must be UTF-8 JSON' };
  }
  return null;
}

/** Every error leaves as the contract's JSON: `{ statusCode, error, message, details? }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const body = this.toErrorResponse(exception);
    if (body.statusCode === 429 && exception instanceof HttpException) {
      const retryAfter = (exception.getResponse() as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
    }
    response.status(body.statusCode).json(body);
  }

  toErrorResponse(exception: unknown): ErrorResponse {
    const parserMessage = bodyParserMessage(exception instanceof HttpException ? exception.cause : exception);
    if (parserMessage) {
      const statusCode = parserMessage.status;
      return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: parserMessage.message };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const error = STATUS_CODES[statusCode] ?? 'Error';
      if (typeof payload === 'string') return { statusCode, error, message: payload };
      const { message, details } = payload as { message?: string | string[]; details?: ErrorDetail[] };
      const text = Array.isArray(message) ? message[0] : (message ?? exception.message);
      return details ? { statusCode, error, message: text, details } : { statusCode, error, message: text };
    }
    // A unique constraint lost to a concurrent request is a conflict, not a server fault.
    if ((exception as { driverError?: { code?: string } })?.driverError?.code === '23505') {
      return { statusCode: 409, error: 'Conflict', message: 'This conflicts with something that already exists' };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.error(`Database unavailable: ${(exception as Error).message}`);
      return { statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable; try again shortly' };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on the server' };
  }
}
