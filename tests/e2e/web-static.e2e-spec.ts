import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { rawGet } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

// The built web app as a browser gets it: compressed hashed assets cached for a year, the page and the service
// worker never cached. Raw HTTP, because fetch would decompress (and ask for compression) by itself.


const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('the web app’s static files', () => {
  let test: TestApp;
  let script: string;
  let style: string;

  beforeAll(async () => {
    test = await startTestApp();
    // The entry script and style the built index.html loads (hashed names change with every build).
    const html = readFileSync(join(test.config.webDistDir, 'index.html'), 'utf8');
    script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    style = /href="(\/assets\/[^"]+\.css)"/.exec(html)![1];
  });
  afterAll(() => test.close());

  it('sends a hashed asset Brotli- or gzip-compressed as asked, with the same bytes and a year-long immutable cache', async () => {
    const plain = await rawGet(test.baseUrl + script);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.equals(readFileSync(join(test.config.webDistDir, script)))).toBe(true);

    const brotli = await rawGet(test.baseUrl + script, { 'Accept-Encoding': 'br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toBe(plain.headers['content-type']);
    expect(brotli.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(brotli.headers['content-length'])).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);

    // Chrome names gzip first; the smaller Brotli copy is still the one sent.
    expect((await rawGet(test.baseUrl + script, { 'Accept-Encoding': 'gzip, deflate, br, zstd' })).headers['content-encoding']).toBe('br');

    const gzip = await rawGet(test.baseUrl + style, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/^text\/css/);
    expect(gzip.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gzip.body).equals(readFileSync(join(test.config.webDistDir, style)))).toBe(true);
  });

  it('sends the asset plain to a client that takes no compression', async () => {
    for (const acceptEncoding of ['identity', 'br;q=0, gzip;q=0']) {
      const response = await rawGet(test.baseUrl + script, { 'Accept-Encoding': acceptEncoding });
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body.equals(readFileSync(join(test.config.webDistDir, script)))).toBe(true);
    }
  });

  it('never lets the page or the service worker be cached, and never answers a missing asset with the page', async () => {
    for (const path of ['/', '/index.html', '/naloxone']) {
      const page = await rawGet(test.baseUrl + path, { 'Accept-Encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const worker = await rawGet(test.baseUrl + '/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^text\/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    const manifest = await rawGet(test.baseUrl + '/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');

    const missing = await rawGet(test.baseUrl + '/assets/index-from-an-old-build.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).not.toContain('text/html');
    expect((await rawGet(test.baseUrl + '/assets/..%2Findex.html')).status).toBe(404);
  });

  it('keeps an unknown /api path a JSON 404', async () => {
    const response = await rawGet(test.baseUrl + '/api/no-such-thing', { 'Accept-Encoding': 'br' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
    expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
