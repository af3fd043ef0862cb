import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { ContentCoding, preferredCoding } from './accept-encoding';

// The api's JSON answers compressed as the client accepts: the map's zones (about 1 MB for 500) would take
// seconds on a phone's network sent plain. Compression runs in libuv's thread pool, not on the event loop.

/** Below this a compressed answer saves less than its headers and the work cost. */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * How hard to compress. `fast`: an answer compressed on every request that needs it (Brotli at quality 4 is
 * about as fast as gzip at 6 and a little smaller). `kept`: built once and kept (prepared-json.ts). `smallest`:
 * kept, and what a phone waits for before its first view: Brotli quality 10, at 10,000 sites' markers 11 %
 * smaller than quality 9 for about 0.4 s more per build (quality 11 gains 1 % more for 1 s more).
 */
export type CompressionEffort = 'fast' | 'kept' | 'smallest';

const BROTLI_QUALITY: Record<CompressionEffort, number> = { fast: 4, kept: 9, smallest: 10 };
const GZIP_LEVEL: Record<CompressionEffort, number> = { fast: 6, kept: 9, smallest: 9 };

export function compress(body: Buffer, coding: ContentCoding, effort: CompressionEffort = 'fast'): Promise<Buffer> {
  return coding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipped(body, { level: GZIP_LEVEL[effort] });
}

const isJson = (response: Response) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(String(response.getHeader('Content-Type') ?? ''));

/**
 * Compresses a JSON answer of `/api/` (Brotli or gzip, as Accept-Encoding allows) once Express has made it:
 * its ETag stays that of the plain body, so If-None-Match still gives a 304. Answers that carry their own
 * coding (prepared-json.ts), other types, and small bodies pass as they are.
 */
export function jsonCompression(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || !request.path.startsWith('/api/')) return next();
    const end = response.end.bind(response) as (chunk?: unknown, encoding?: BufferEncoding, callback?: () => void) => Response;
    const compressing = (chunk: unknown, encoding?: BufferEncoding | (() => void)): boolean => {
      // Headers already sent: the body was streamed with write(), and only its whole could be compressed.
      if (response.headersSent || response.statusCode !== 200 || response.getHeader('Content-Encoding') || !isJson(response)) return false;
      if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return false;
      const body = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
      if (body.length < MIN_BYTES) return false;
      response.vary('Accept-Encoding');
      const coding = preferredCoding(request.headers['accept-encoding'], ['br', 'gzip']);
      if (!coding) return false;
      compress(body, coding).then(
        (compressed) => {
          response.setHeader('Content-Encoding', coding);
          response.setHeader('Content-Length', compressed.length);
          end(compressed);
        },
        // Compressing a buffer does not fail short of running out of memory; then the plain body still goes.
        () => end(body),
      );
      return true;
    };
    response.end = ((chunk?: unknown, encoding?: BufferEncoding | (() => void), callback?: () => void) => {
      if (compressing(chunk, encoding)) return response;
      return typeof encoding === 'function' ? end(chunk, undefined, encoding) : end(chunk, encoding, callback);
    }) as Response['end'];
    next();
  };
}
