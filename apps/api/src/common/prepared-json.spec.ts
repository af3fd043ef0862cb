import type { Request } from 'express';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { KeptPreparedJson, matchesEtag, prepareJson, type PreparedJson } from './prepared-json';

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

  describe('kept by fingerprint', () => {
    const built = (etag: string) => jest.fn(() => prepareJson({ etag }, etag));

    it('is built once per fingerprint, requests meanwhile sharing the build', async () => {
      const kept = new KeptPreparedJson();
      const first = built('"a"');
      const [one, two] = await Promise.all([kept.answer('1', first), kept.answer('1', first)]);
      expect(first).toHaveBeenCalledTimes(1);
      expect(one).toBe(two);
      const second = built('"b"');
      expect((await kept.answer('2', second)).etag).toBe('"b"');
      expect(second).toHaveBeenCalledTimes(1);
    });

    it('does not keep a failed build', async () => {
      const kept = new KeptPreparedJson();
      await expect(kept.answer('1', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
      const retry = built('"a"');
      const answer: PreparedJson = await kept.answer('1', retry);
      expect(retry).toHaveBeenCalledTimes(1);
      expect(answer.etag).toBe('"a"');
    });
  });
});
