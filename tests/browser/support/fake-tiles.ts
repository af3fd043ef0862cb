import { deflateSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

// The tests run without internet access: the base map's tile requests are answered here with a plain tile
// (a pale ground and a faint grid), so no request fails with a console error and screenshots stay calm.
// The app's own "tiles failed" path is tested by answering them with an error instead.

const SIZE = 256;

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

let cached: Buffer | null = null;

/** A 256 × 256 RGB PNG: a pale map ground with a faint grid every 64 pixels. */
export function plainTilePng(): Buffer {
  if (cached) return cached;
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 3);
    for (let x = 0; x < SIZE; x++) {
      const grid = x % 64 === 0 || y % 64 === 0;
      const [r, g, b] = grid ? [214, 219, 208] : [236, 238, 230];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8);
  cached = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return cached;
}

/** The default TILE_URL's host; the test api runs with the default. */
export const TILE_HOST_PATTERN = /^https:\/\/([a-z]\.)?tile\.openstreetmap\.org\//;

/** Answers every tile request of the context with the plain tile. */
export async function servePlainTiles(context: BrowserContext): Promise<void> {
  await context.route(TILE_HOST_PATTERN, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'image/png',
      body: plainTilePng(),
      headers: { 'Cache-Control': 'max-age=3600' },
    }),
  );
}
