import type { Request } from 'express';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { matchesEtag, prepareJson } from './prepared-json';

const withIfNoneMatch = (value: string | undefined) => ({ headers: value === undefined ? {} : { 'if-none-match': value } }) as Request;

describe('a prepared JSON answer', () => {
  it.each([
    [undefined, false],
    ['"sites-1-1-1"', true],
    ['W/"sites-1-1-1"', true],
    ['"other", "sites-1-1-1"', true],
    ['*', true],
    ['"sites-1-1-2"', false],
  ])('If-None-Match %j matches "sites-1-1-1": %j', (header, expected) => {
    expect(matchesEtag(withIfNoneMatch(header), '"sites-1-1-1"')).toBe(expected);
  });

  it('holds the body and Brotli and gzip copies of the same bytes', async () => {
    const value = { sites: Array.from({ length: 200 }, (_, index) => [`site-${index}`, 13 + index / 1000, 55.6, 'outreach']) };
    const prepared = await prepareJson(value, '"x"');
    expect(JSON.parse(prepared.body.toString('utf8'))).toEqual(value);
    expect(brotliDecompressSync(prepared.copies.br).equals(prepared.body)).toBe(true);
    expect(gunzipSync(prepared.copies.gzip).equals(prepared.body)).toBe(true);
    expect(prepared.copies.br.length).toBeLessThan(prepared.body.length / 3);
  });
});
