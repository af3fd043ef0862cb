// Draws the app's PNG icons (the web app manifest's 192 and 512 px, plain and maskable) from the favicon's
// drawing, once, with the Chromium the browser tests use: `node scripts/make-app-icons.mjs`. The PNGs are
// committed; run it again only when the drawing changes.
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const BLUE = '#0b4f6c';
const LETTER =
  'M9 21.5c1.6 1.4 3.7 2.1 6.3 2.1 3.6 0 6.1-1.8 6.1-4.6 0-2.5-1.7-3.6-5.1-4.4l-1.6-.4c-1.8-.4-2.6-1-2.6-2 0-1.2 1.1-2 2.9-2 1.6 0 2.9.5 4 1.5l1.8-2.2c-1.5-1.3-3.4-2-5.8-2-3.5 0-5.9 1.9-5.9 4.7 0 2.4 1.6 3.7 4.8 4.4l1.7.4c1.9.4 2.8 1 2.8 2.1 0 1.3-1.2 2.1-3.1 2.1-2 0-3.6-.7-4.9-2z';

// Plain: the favicon's rounded square. Maskable: a full square, the letter inside the middle 60 % (the safe zone
// a launcher's mask never cuts is the middle 80 %).
const plain = (size) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${BLUE}"/><path d="${LETTER}" fill="#fff"/></svg>`;
const maskable = (size) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" fill="${BLUE}"/><g transform="translate(16 16) scale(0.65) translate(-16 -16)"><path d="${LETTER}" fill="#fff"/></g></svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  for (const size of [192, 512]) {
    for (const [name, draw] of [
      [`icon-${size}.png`, plain],
      [`icon-maskable-${size}.png`, maskable],
    ]) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${draw(size)}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      await writeFile(new URL(`../apps/web/public/icons/${name}`, import.meta.url), png);
    }
  }
} finally {
  await browser.close();
}
