/**
 * Map benchmark: 10,000 sites and 500 zones in and around Malmö, drawn by the web app in Chromium, beside the
 * same data in a bare Leaflet + markercluster page that this bench serves itself (the sites and zones as static
 * JSON files, as fetched once from the api).
 *
 * Measured, for both pages:
 * - desktop: from a reload (everything in the HTTP cache) to every site placed in the cluster layer; the longest
 *   task (PerformanceObserver longtask) while loading, and while panning and zooming a fixed sequence;
 * - phone (4× CPU slowdown, slow 4G: 150 ms RTT, 1.6 Mbps down, 750 kbps up): from sending the sign-in form to the
 *   map usable and to every site placed; the bare page from its navigation. "Usable": the top bar and the "Am I in
 *   a zone?" button are there and enabled (the app), and the markers or clusters of the sites in view are on the
 *   map (both pages), seen in the page itself each frame; the longest task after that moment says whether
 *   the page then responds. The requests of the first phone round are printed (when each began and ended).
 *
 * Both pages say "placed" the same way: the map element's `data-sites-placed` attribute holds the number of
 * markers in the cluster layer once an addition has finished (apps/web/src/map/site-layer.ts).
 *
 * Database: DATABASE_URL if set (the bench's rows are removed afterwards), else a fresh embedded PGlite in a
 * temporary folder. Run: `npm run bench:map` (BENCH_SITES and BENCH_ZONES change the sizes, BENCH_ROUNDS the number
 * of rounds, 3 by default, of which the median is printed). `BENCH_DATA=demo`: the demo data (the Malmö
 * deployment's size) instead of the seeded sites and zones.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/app.factory';
import { loadConfig } from '../apps/api/src/config/load-config';
import { EmbeddedDatabase } from '../apps/api/src/database/embedded-database';
import { PasswordHasher } from '../apps/api/src/people/password-hasher';

const DEMO_DATA = process.env.BENCH_DATA === 'demo';
const ZONES = DEMO_DATA ? 0 : Number(process.env.BENCH_ZONES ?? 500);
/** The sites every page must place: the seeded ones, or the demo's (counted from the api's list). */
let SITES = DEMO_DATA ? 0 : Number(process.env.BENCH_SITES ?? 10_000);
/** Rounds of every measurement; the median is printed. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Malmö and around: about 30 km by 20 km.
const AREA = { minLng: 12.85, maxLng: 13.3, minLat: 55.5, maxLat: 55.7 };
const BENCH_ORGANISATION = 'Bench – map (temporary)';
const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const TILE_PATTERN = /^https:\/\/([a-z]\.)?tile\.openstreetmap\.org\//;
const TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
/** A 1 × 1 pale PNG: every tile, so tiles cost the same in both pages and nothing leaves the machine. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mPo6PgDAAQ7AiAQ0WAoAAAAAElFTkSuQmCC',
  'base64',
);
/** Slow 4G as Lighthouse defines it, in bytes per second. */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const MAP_VIEW_KEY = 'samverkan.mapView';
/** Both pages start here (the app from its remembered view), so both move over the same clusters. */
const START = { lat: 55.6, lng: 13.07, zoom: 11 };

interface Seeded {
  organisationId: string;
  email: string;
  password: string;
}

async function seed(dataSource: DataSource, hasher: PasswordHasher): Promise<Seeded> {
  const [organisation] = await dataSource.query(`INSERT INTO organisations (name, kind) VALUES ($1, 'coordination') RETURNING id`, [
    `${BENCH_ORGANISATION} ${randomBytes(3).toString('hex')}`,
  ]);
  const [service] = await dataSource.query(`INSERT INTO organisations (name, kind) VALUES ($1, 'service') RETURNING id`, [
    `${BENCH_ORGANISATION} sites ${randomBytes(3).toString('hex')}`,
  ]);
  const email = `bench-${randomBytes(4).toString('hex')}@bench.samverkan.test`;
  const password = randomBytes(12).toString('hex');
  await dataSource.query(
    `INSERT INTO users (email, display_name, role, can_sign, organisation_id, password_hash) VALUES ($1, 'Bench', 'coordinator', false, $2, $3)`,
    [email, organisation.id, await hasher.hash(password)],
  );
  // The demo's sites are counted from the api's answer, once it has seeded them.
  if (DEMO_DATA) return { organisationId: organisation.id, email, password };
  // Half the sites have an opening schedule (weekdays), as a real register would; the types take turns.
  await dataSource.query(
    `INSERT INTO sites (organisation_id, name, type, location, address, opening_hours, opening_schedule, description, phone)
     SELECT $1, 'Bench site ' || g,
            (ARRAY['needle_exchange','ost_clinic','naloxone','drug_checking','low_threshold','outreach','other'])[1 + g % 7],
            ST_SetSRID(ST_MakePoint($2::float8 + random() * ($3::float8 - $2::float8), $4::float8 + random() * ($5::float8 - $4::float8)), 4326),
            'Benchgatan ' || g || ', Malmö', 'Mån–fre 10–18',
            CASE WHEN g % 2 = 0 THEN NULL
                 ELSE '{"timezone":"Europe/Stockholm","windows":[{"days":[1,2,3,4,5],"from":"10:00","to":"18:00"}]}'::jsonb END,
            'A site of the map benchmark, number ' || g, '040-' || (100000 + g)
     FROM generate_series(1, $6::int) AS g`,
    [service.id, AREA.minLng, AREA.maxLng, AREA.minLat, AREA.maxLat, SITES],
  );
  // One zone at each of the first sites: agreed, a polygon of 33 corners around the site.
  await dataSource.query(
    `WITH chosen AS (SELECT id FROM sites WHERE organisation_id = $1 ORDER BY name LIMIT $2::int)
     INSERT INTO zones (site_id, status, current_version, agreed_version)
     SELECT id, 'agreed', 1, 1 FROM chosen`,
    [service.id, ZONES],
  );
  await dataSource.query(
    `INSERT INTO zone_versions (zone_id, version, name, geom, geometry_type, agreed_at)
     SELECT z.id, 1, 'Bench zone ' || s.name,
            ST_Multi(ST_Buffer(s.location::geography, 80 + random() * 200, 'quad_segs=8')::geometry), 'Polygon', now()
     FROM zones z JOIN sites s ON s.id = z.site_id
     WHERE s.organisation_id = $1`,
    [service.id],
  );
  for (const table of ['sites', 'zones', 'zone_versions']) await dataSource.query(`ANALYZE ${table}`);
  return { organisationId: organisation.id, email, password };
}

async function removeBenchRows(dataSource: DataSource): Promise<void> {
  const organisations = `SELECT id FROM organisations WHERE name LIKE '${BENCH_ORGANISATION}%'`;
  const zonesOf = `SELECT z.id FROM zones z JOIN sites s ON s.id = z.site_id WHERE s.organisation_id IN (${organisations})`;
  await dataSource.query(`DELETE FROM zone_versions WHERE zone_id IN (${zonesOf})`);
  await dataSource.query(`DELETE FROM zones WHERE id IN (${zonesOf})`);
  await dataSource.query(`DELETE FROM sites WHERE organisation_id IN (${organisations})`);
  await dataSource.query(`DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE organisation_id IN (${organisations}))`);
  await dataSource.query(`DELETE FROM users WHERE organisation_id IN (${organisations})`);
  await dataSource.query(`DELETE FROM organisations WHERE id IN (${organisations})`);
}

/** The bare page: Leaflet, markercluster with chunked loading, the zones as GeoJSON, nothing else. */
function barePage(): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/leaflet.css"><link rel="stylesheet" href="/MarkerCluster.css"><link rel="stylesheet" href="/MarkerCluster.Default.css">
<style>html, body, #map { margin: 0; height: 100%; }</style>
<script src="/leaflet.js"></script><script src="/leaflet.markercluster.js"></script></head>
<body><div id="map"></div><script>
const element = document.getElementById('map');
const map = L.map(element).setView([${START.lat}, ${START.lng}], ${START.zoom});
L.tileLayer(${JSON.stringify(TILE_URL)}, { maxZoom: 19 }).addTo(map);
map.on('moveend', () => {
  const c = map.getCenter();
  localStorage.setItem(${JSON.stringify(MAP_VIEW_KEY)}, JSON.stringify({ lat: c.lat, lng: c.lng, zoom: map.getZoom() }));
});
let cluster = null;
cluster = L.markerClusterGroup({
  chunkedLoading: true,
  chunkProgress: (done, total) => { if (done === total && cluster) element.dataset.sitesPlaced = String(cluster.getLayers().length); },
}).addTo(map);
Promise.all([fetch('/sites.json').then((r) => r.json()), fetch('/zones.json').then((r) => r.json())]).then(([list, zones]) => {
  L.geoJSON(zones, { style: { color: '#0b4f6c', weight: 2, fillOpacity: 0.2 } }).addTo(map);
  // The compact list's rows: [id, lng, lat, type, name, …].
  cluster.addLayers(list.sites.map((site) => L.marker([site[2], site[1]], { title: site[4] })));
});
</script></body></html>`;
}

function serveBare(sitesJson: string, zonesJson: string): Promise<{ server: Server; url: string }> {
  const files: Record<string, [string, string | Buffer, Buffer?]> = {
    '/': ['text/html', barePage()],
    // Gzipped once, as a static file server with precompressed files would send them.
    '/sites.json': ['application/json', sitesJson, gzipSync(sitesJson)],
    '/zones.json': ['application/json', zonesJson, gzipSync(zonesJson)],
    '/leaflet.js': ['text/javascript', readFileSync(join(ROOT, 'node_modules/leaflet/dist/leaflet.js'))],
    '/leaflet.css': ['text/css', readFileSync(join(ROOT, 'node_modules/leaflet/dist/leaflet.css'))],
    '/leaflet.markercluster.js': ['text/javascript', readFileSync(join(ROOT, 'node_modules/leaflet.markercluster/dist/leaflet.markercluster.js'))],
    '/MarkerCluster.css': ['text/css', readFileSync(join(ROOT, 'node_modules/leaflet.markercluster/dist/MarkerCluster.css'))],
    '/MarkerCluster.Default.css': ['text/css', readFileSync(join(ROOT, 'node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css'))],
  };
  const server = createServer((request, response) => {
    const file = files[(request.url ?? '/').split('?')[0]];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    // Cached as a static file server would (revalidated, so a reload is a round of 304s at most).
    const gzipped = file[2] && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) ? file[2] : null;
    response.writeHead(200, {
      'Content-Type': file[0],
      'Cache-Control': 'public, max-age=3600',
      Vary: 'Accept-Encoding',
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(gzipped ?? file[1]);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/**
 * Runs in every page before its scripts: keeps each long task and the moments the sites layer first held
 * markers and held all of them (the `data-sites-placed` attribute).
 */
function watchPage({ expected, ready }: { expected: number; ready: string[] }): void {
  const state = { longTasks: [] as { start: number; duration: number }[], firstPlaced: -1, allPlaced: -1, usable: -1 };
  (window as unknown as { __bench: typeof state }).__bench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Looked at every frame: the attribute is set at the end of a task, so the next frame sees it.
  const onScreen = () => {
    const map = document.querySelector('.leaflet-container')?.getBoundingClientRect();
    if (!map) return false;
    for (const icon of document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')) {
      const box = icon.getBoundingClientRect();
      if (box.right > map.left && box.left < map.right && box.bottom > map.top && box.top < map.bottom) return true;
    }
    return false;
  };
  const look = () => {
    const placed = Number(document.querySelector<HTMLElement>('[data-sites-placed]')?.dataset.sitesPlaced ?? '0');
    if (placed > 0 && state.firstPlaced < 0) state.firstPlaced = performance.now();
    // The page (this selector's app: a signed-in top bar, the check button enabled) and the sites in view drawn.
    if (state.usable < 0 && ready.every((selector) => document.querySelector(selector)) && onScreen()) state.usable = performance.now();
    if (placed >= expected && state.allPlaced < 0) state.allPlaced = performance.now();
    if (state.allPlaced < 0 || state.usable < 0) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

interface PageState {
  longTasks: { start: number; duration: number }[];
  firstPlaced: number;
  allPlaced: number;
  usable: number;
}

const pageState = (page: Page) => page.evaluate(() => (window as unknown as { __bench: PageState }).__bench);

async function newContext(
  browser: Browser,
  options: { phone?: boolean; app?: boolean; storage?: { origin: string; values: Record<string, string> } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.phone ? PHONE : DESKTOP,
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    storageState: options.storage
      ? { cookies: [], origins: [{ origin: options.storage.origin, localStorage: Object.entries(options.storage.values).map(([name, value]) => ({ name, value })) }] }
      : undefined,
  });
  await context.route(TILE_PATTERN, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TILE }));
  const ready = options.app ? ['.top-bar [data-testid="signed-in-user"]', '[data-testid="check-button"]:not([disabled])'] : [];
  await context.addInitScript(watchPage, { expected: SITES, ready });
  // A page that fails says so here, instead of a bare timeout later.
  context.on('page', (page) => page.on('pageerror', (error) => console.error(`  page error: ${error.message}`)));
  return context;
}

async function waitAllPlaced(page: Page, what: string): Promise<void> {
  const started = Date.now();
  await page.waitForFunction(
    () => {
      const state = (window as unknown as { __bench: PageState }).__bench;
      return state.allPlaced >= 0 && state.usable >= 0;
    },
    undefined,
    { timeout: 180_000, polling: 100 },
  );
  console.log(`  ${what}: every site placed after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const longestIn = (state: PageState, from: number, to: number) =>
  state.longTasks.filter((task) => task.start >= from && task.start < to).reduce((longest, task) => Math.max(longest, task.duration), 0);

/** Waits until the map has stopped after a move (it remembers its view at every moveend) and the clusters have settled. */
async function settle(page: Page, viewBefore: string | null): Promise<void> {
  await page.waitForFunction(
    ({ key, before }) =>
      localStorage.getItem(key) !== before &&
      !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim') &&
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
    { key: MAP_VIEW_KEY, before: viewBefore },
    { timeout: 60_000, polling: 50 },
  );
}

/** The same moves on either page: drags across the map and zooms in and out with the wheel over its centre. */
async function panAndZoom(page: Page): Promise<number> {
  const box = (await page.locator('.leaflet-container').first().boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const view = () => page.evaluate((key) => localStorage.getItem(key), MAP_VIEW_KEY);
  const start = await page.evaluate(() => performance.now());
  const moves: (() => Promise<void>)[] = [
    async () => page.mouse.wheel(0, -300),
    async () => page.mouse.wheel(0, -300),
    async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx - 300, cy - 150, { steps: 12 });
      await page.mouse.up();
    },
    async () => page.mouse.wheel(0, 300),
    async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + 400, cy + 200, { steps: 12 });
      await page.mouse.up();
    },
    async () => page.mouse.wheel(0, 300),
    async () => page.mouse.wheel(0, 300),
  ];
  for (const move of moves) {
    await page.mouse.move(cx, cy);
    const before = await view();
    await move();
    await settle(page, before);
  }
  const state = await pageState(page);
  return longestIn(state, start, Number.POSITIVE_INFINITY);
}

interface DesktopResult {
  drawnMs: number;
  longestLoadingMs: number;
  longestMovingMs: number;
}

async function desktopApp(browser: Browser, base: string, token: string): Promise<DesktopResult> {
  const context = await newContext(browser, {
    app: true,
    storage: { origin: base, values: { 'samverkan.accessToken': token, 'samverkan.welcomeSeen': '1', [MAP_VIEW_KEY]: JSON.stringify(START) } },
  });
  const page = await context.newPage();
  await page.goto(base + '/');
  await waitAllPlaced(page, 'desktop, app, first load');
  return measureDesktop(page, context, 'app');
}

async function desktopBare(browser: Browser, base: string): Promise<DesktopResult> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(base + '/');
  await waitAllPlaced(page, 'desktop, bare, first load');
  return measureDesktop(page, context, 'bare');
}

/** A reload with a warm cache, then the moves. */
async function measureDesktop(page: Page, context: BrowserContext, which: string): Promise<DesktopResult> {
  await page.reload();
  await waitAllPlaced(page, `desktop, ${which}, reload`);
  const loaded = await pageState(page);
  const longestMovingMs = await panAndZoom(page);
  await context.close();
  return { drawnMs: loaded.allPlaced, longestLoadingMs: longestIn(loaded, 0, loaded.allPlaced), longestMovingMs };
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
}

interface PhoneResult {
  usableMs: number;
  drawnMs: number;
  longestLoadingMs: number;
  /** The longest task from the map usable until every site placed: whether a tap then gets an answer. */
  longestAfterUsableMs: number;
}

/** The phone's requests, each with when it began and ended after sign-in, for the first round. */
function traceRequests(page: Page, since: () => number): () => void {
  const lines: string[] = [];
  page.on('requestfinished', (request) => {
    const timing = request.timing();
    // A request still being read when the page closes has no sizes any more: left out.
    void request.sizes().catch(() => null).then((sizes) => {
      if (!sizes) return;
      const start = timing.startTime - since();
      lines.push(
        `    ${Math.round(start).toString().padStart(6)} → ${Math.round(start + timing.responseEnd).toString().padStart(6)} ms  ${(sizes.responseBodySize / 1024).toFixed(0).padStart(5)} KiB  ${request.method()} ${new URL(request.url()).pathname}`,
      );
    });
  });
  return () => console.log(`  phone, app, requests after sign-in (wall clock ms):\n${lines.sort((a, b) => parseInt(a) - parseInt(b)).join('\n')}`);
}

/** A first visit: the sign-in page, then from pressing "sign in" to the map. */
async function phoneApp(browser: Browser, base: string, seeded: Seeded, trace: boolean): Promise<PhoneResult> {
  const context = await newContext(browser, {
    phone: true,
    app: true,
    storage: { origin: base, values: { 'samverkan.welcomeSeen': '1', [MAP_VIEW_KEY]: JSON.stringify(START) } },
  });
  const page = await context.newPage();
  await throttle(context, page);
  await page.goto(base + '/');
  await page.locator('input[name="email"]').fill(seeded.email);
  await page.locator('input[name="password"]').fill(seeded.password);
  const signIn = await page.evaluate(() => performance.now());
  let signInWall = Date.now();
  const printRequests = trace ? traceRequests(page, () => signInWall) : null;
  signInWall = Date.now();
  await page.locator('form button[type="submit"]').click();
  await waitAllPlaced(page, 'phone, app');
  const state = await pageState(page);
  printRequests?.();
  await context.close();
  return {
    usableMs: state.usable - signIn,
    drawnMs: state.allPlaced - signIn,
    longestLoadingMs: longestIn(state, signIn, state.allPlaced),
    longestAfterUsableMs: longestIn(state, state.usable, state.allPlaced),
  };
}

async function phoneBare(browser: Browser, base: string): Promise<PhoneResult> {
  const context = await newContext(browser, { phone: true });
  const page = await context.newPage();
  await throttle(context, page);
  await page.goto(base + '/');
  await waitAllPlaced(page, 'phone, bare');
  const state = await pageState(page);
  await context.close();
  return {
    usableMs: state.usable,
    drawnMs: state.allPlaced,
    longestLoadingMs: longestIn(state, 0, state.allPlaced),
    longestAfterUsableMs: longestIn(state, state.usable, state.allPlaced),
  };
}

/** Each measure's median over the rounds. */
function medians<T extends object>(results: T[]): T {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  return Object.fromEntries(Object.keys(results[0]).map((key) => [key, median(results.map((result) => result[key as keyof T] as number))])) as T;
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`.padStart(10);
const ratio = (product: number, anchor: number) => `${(product / Math.max(anchor, 1)).toFixed(2)}×`.padStart(8);

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-bench-map-'));
  const embedded = serverUrl ? null : await EmbeddedDatabase.start(join(dataDir, 'db'));
  const config = loadConfig(
    {
      DATABASE_URL: serverUrl ?? embedded!.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUDIT_KEY: randomBytes(32).toString('hex'),
      DEMO: DEMO_DATA ? 'true' : 'false',
      // The bench listens on 127.0.0.1 only (the demo's published password is then allowed).
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      TILE_URL,
    },
    { embeddedDatabase: !serverUrl },
  );
  const app = await createApp(config);
  const dataSource = app.get(DataSource);
  let bare: Server | null = null;
  let browser: Browser | null = null;
  try {
    console.log(
      DEMO_DATA
        ? `The demo data (${serverUrl ? 'PostgreSQL server' : 'embedded PGlite'})…`
        : `Seeding ${SITES.toLocaleString('en')} sites and ${ZONES.toLocaleString('en')} zones (${serverUrl ? 'PostgreSQL server' : 'embedded PGlite'})…`,
    );
    const seedStart = performance.now();
    const seeded = await seed(dataSource, app.get(PasswordHasher));
    console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: seeded.email, password: seeded.password }),
    });
    if (login.status !== 200) throw new Error(`Signing in gave ${login.status}: ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    // The bare page gets the same data, as the api gives the app: the compact list of sites and the zones.
    const [sitesJson, zonesJson] = await Promise.all(['/api/sites/compact', '/api/zones'].map(async (path) => (await fetch(base + path, { headers })).text()));
    const fullSites = await (await fetch(`${base}/api/sites`, { headers })).text();
    const siteMarkers = await (await fetch(`${base}/api/sites/markers`, { headers })).text();
    const zoneCount = (JSON.parse(zonesJson) as { features: unknown[] }).features.length;
    if (DEMO_DATA) SITES = (JSON.parse(sitesJson) as { sites: unknown[] }).sites.length;
    const size = (text: string) => `${(text.length / 1024).toFixed(0)} KiB (gzip ${(gzipSync(text).length / 1024).toFixed(0)} KiB)`;
    console.log(
      `GET /api/sites: ${size(fullSites)}; GET /api/sites/compact: ${size(sitesJson)}; GET /api/sites/markers: ${size(siteMarkers)}; GET /api/zones: ${size(zonesJson)}, ${zoneCount} zones`,
    );
    const served = await serveBare(sitesJson, zonesJson);
    bare = served.server;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // App and bare page take turns, each round both, so a busy moment of the machine falls on both alike.
    const rounds: { desktop: { app: DesktopResult; bare: DesktopResult }; phone: { app: PhoneResult; bare: PhoneResult } }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`Round ${round} of ${ROUNDS}`);
      const desktopRound = { app: await desktopApp(browser, base, accessToken), bare: await desktopBare(browser, served.url) };
      rounds.push({ desktop: desktopRound, phone: { app: await phoneApp(browser, base, seeded, round === 1), bare: await phoneBare(browser, served.url) } });
    }
    const desktop = {
      app: medians(rounds.map((round) => round.desktop.app)),
      bare: medians(rounds.map((round) => round.desktop.bare)),
    };
    const phone = { app: medians(rounds.map((round) => round.phone.app)), bare: medians(rounds.map((round) => round.phone.bare)) };

    console.log(`\nMap, ${SITES.toLocaleString('en')} sites and ${zoneCount} zones, Chromium ${browser.version()}, median of ${ROUNDS} rounds`);
    console.log(`${''.padEnd(46)} ${'app'.padStart(10)} ${'bare'.padStart(10)} ${'ratio'.padStart(8)}  goal`);
    const line = (label: string, product: number, anchor: number, goal: string) =>
      console.log(`${label.padEnd(46)} ${ms(product)} ${ms(anchor)} ${ratio(product, anchor)}  ${goal}`);
    line('desktop: reload to every site placed', desktop.app.drawnMs, desktop.bare.drawnMs, '≤ 1.5×');
    line('desktop: longest task while loading', desktop.app.longestLoadingMs, desktop.bare.longestLoadingMs, '≤ 2×');
    line('desktop: longest task while panning/zooming', desktop.app.longestMovingMs, desktop.bare.longestMovingMs, '≤ 2×');
    line('phone: sign-in (bare: navigation) to map usable', phone.app.usableMs, phone.bare.usableMs, '≤ 3,000 ms');
    line('phone: … to every site placed', phone.app.drawnMs, phone.bare.drawnMs, '—');
    line('phone: longest task, usable to every site placed', phone.app.longestAfterUsableMs, phone.bare.longestAfterUsableMs, '—');
    line('phone: longest task while loading', phone.app.longestLoadingMs, phone.bare.longestLoadingMs, '≤ 2×');
  } finally {
    await browser?.close();
    bare?.close();
    if (serverUrl) await removeBenchRows(dataSource);
    await app.close();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
