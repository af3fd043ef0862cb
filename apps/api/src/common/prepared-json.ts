import type { Request, Response } from 'express';
import { ContentCoding, preferredCoding } from './accept-encoding';
import { compress, type CompressionEffort } from './json-compression';

/**
 * A JSON answer made once and sent many times: its body, a Brotli and a gzip copy, and a strong ETag that
 * names what it was made from. Big lists everyone may read (the map's sites) are built when their data
 * changes, not on each request.
 */
export interface PreparedJson {
  etag: string;
  body: Buffer;
  copies: Record<ContentCoding, Buffer>;
}

export async function prepareJson(value: unknown, etag: string, effort: Exclude<CompressionEffort, 'fast'> = 'kept'): Promise<PreparedJson> {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const [br, gzip] = await Promise.all([compress(body, 'br', effort), compress(body, 'gzip', effort)]);
  return { etag, body, copies: { br, gzip } };
}

/**
 * A prepared answer kept until what it was made from changes (its fingerprint moves): the first request after a
 * change builds it, requests meanwhile share that build. A failed build is not kept: the next request tries again.
 */
export class KeptPreparedJson {
  private kept: { fingerprint: string; answer: Promise<PreparedJson> } | null = null;

  answer(fingerprint: string, build: () => Promise<PreparedJson>): Promise<PreparedJson> {
    if (this.kept?.fingerprint !== fingerprint) {
      const answer = build();
      this.kept = { fingerprint, answer };
      answer.catch(() => {
        if (this.kept?.answer === answer) this.kept = null;
      });
    }
    return this.kept.answer;
  }
}

/** Whether If-None-Match names this ETag (or any, "*"); weak comparison, as RFC 9110 asks for GET. */
export function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * 304 when the client holds this version, else the body in the coding it accepts. `no-cache`: the browser keeps
 * the answer but asks each time, and gets the 304 while nothing changed; `private`: it was asked for by a signed-in user.
 */
export function sendPrepared(request: Request, response: Response, etag: string, prepared: () => Promise<PreparedJson>): Promise<void> | void {
  response.setHeader('Cache-Control', 'private, no-cache');
  response.setHeader('ETag', etag);
  response.vary('Accept-Encoding');
  if (matchesEtag(request, etag)) {
    response.status(304).end();
    return;
  }
  return prepared().then((answer) => {
    const coding = preferredCoding(request.headers['accept-encoding'], ['br', 'gzip']);
    const body = coding ? answer.copies[coding] : answer.body;
    response.status(200).type('application/json');
    if (coding) response.setHeader('Content-Encoding', coding);
    response.setHeader('Content-Length', body.length);
    response.end(body);
  });
}
