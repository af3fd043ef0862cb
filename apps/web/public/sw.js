/* global self, caches, fetch, URL */
// Samverkan's service worker: the app opens without a connection, so an officer can still read the saved
// naloxone guide. Kept small on purpose:
// - the app shell (index.html) is network-first, so a new build is picked up at once; the cached copy is
//   used only when the network fails;
// - hashed build assets (/assets/...) are cache-first: a hashed name never changes content;
// - the published naloxone guide (GET /api/guides/naloxone and /html, no draft or version asked for) is
//   network-first with the cached answer as the fallback;
// - every other request (the rest of the api, sockets, tiles) goes to the network untouched;
// - the zone check above all: its URL is a position, which is never kept (so no rule may ever cache it).
'use strict';

const SHELL_CACHE = 'samverkan-shell-v1';
const GUIDE_CACHE = 'samverkan-guide-v1';
const KNOWN_CACHES = [SHELL_CACHE, GUIDE_CACHE];
const INDEX = '/index.html';

/** The files index.html loads (the entry script, its preloaded chunks, the styles and the icon). */
function assetsOf(html) {
  return [
    ...new Set(
      [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+|\/favicon\.svg)"/g)].map((match) => match[1]),
    ),
  ];
}

/** Caches index.html and the assets it names, and drops assets of earlier builds. */
async function cacheShell(response) {
  const html = await response.clone().text();
  const cache = await caches.open(SHELL_CACHE);
  const assets = assetsOf(html);
  const missing = [];
  for (const asset of assets) if (!(await cache.match(asset, { ignoreVary: true }))) missing.push(asset);
  await cache.addAll(missing);
  await cache.put(INDEX, response);
  const current = new Set(assets.map((asset) => new URL(asset, self.location.origin).href));
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    // Chunks loaded on demand are not named in index.html: they stay until the entry script changes.
    if (
      url.pathname.startsWith('/assets/') &&
      !current.has(url.href) &&
      url.pathname.startsWith('/assets/index-')
    )
      await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(INDEX, { cache: 'no-cache' })
      .then((response) => (response.ok ? cacheShell(response) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('samverkan-') && !KNOWN_CACHES.includes(name))
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

function isPublishedGuide(url) {
  if (url.pathname !== '/api/guides/naloxone' && url.pathname !== '/api/guides/naloxone/html') return false;
  return !url.searchParams.has('draft') && !url.searchParams.has('version');
}

async function networkFirstShell(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('Content-Type') || '').includes('text/html')) {
      // Updating the cache must not hold up the page.
      cacheShell(response.clone()).catch(() => undefined);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(INDEX, { cacheName: SHELL_CACHE, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirstAsset(request) {
  const cache = await caches.open(SHELL_CACHE);
  // The server's answers vary by Origin, which a module script's request carries and the install's did not;
  // a hashed file is the same either way.
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirstGuide(request) {
  const cache = await caches.open(GUIDE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    // A guide no longer published must not be served from the cache later.
    else if (response.status === 404) await cache.delete(request);
    return response;
  } catch (error) {
    // The guide is the same whatever the request's headers (the answers vary by Origin).
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api/zones/check') return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return;
    event.respondWith(networkFirstShell(request));
  } else if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    event.respondWith(cacheFirstAsset(request));
  } else if (isPublishedGuide(url)) {
    event.respondWith(networkFirstGuide(request));
  }
});
