import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';

const SAFE_REQUEST_ID = /^[\w.-]{8,100}$/;

/**
 * Structured request logs (pino). A log line never holds a password, a token or a query string: the query
 * of the zone check is someone's position, which is never stored or logged.
 *
 * Written to stdout asynchronously: a line per request written synchronously took a system call on the request's
 * path (a sixth of the zone check's CPU time on the api's core). Lines that arrive while a write is under way go
 * out together with the next one; pino writes what is left synchronously when the process exits, crash or not.
 */
export function requestLoggingParams(config: AppConfig): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: (request: IncomingMessage, response: ServerResponse) => {
          const incoming = request.headers['x-request-id'];
          const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
          response.setHeader('X-Request-Id', id);
          return id;
        },
        serializers: {
          req: (request: { id: string; method: string; url: string; raw?: IncomingMessage }) => ({
            id: request.id,
            method: request.method,
            path: (request.raw?.url ?? request.url).split('?')[0],
          }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
        redact: { paths: ['req.headers', 'req.query', 'req.body', 'res.headers'], remove: true },
        customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
          error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
        autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
      },
      pino.destination({ dest: 1, sync: false }),
    ],
  };
}
