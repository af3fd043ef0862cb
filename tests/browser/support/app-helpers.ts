import type { Message, ZoneFeature, ZoneFeatureCollection } from '@samverkan/contracts';
import type { Locator, Page } from 'playwright-core';

import { KEY_VALUE_DATABASE, KEY_VALUE_STORE } from '../../../apps/web/src/state/idb-key-value';
import { SNAPSHOT_KEY } from '../../../apps/web/src/zones/zone-snapshot.store';
import { connectSocket } from '../../support/sockets';
import { waitFor } from '../../support/wait';

export { unique } from '../../support/unique';

/** A signed-in call to the api, for what a test checks or prepares behind the page's back. */
export async function apiJson<T>(
  baseUrl: string,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path} gave ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function zoneNamed(baseUrl: string, token: string, name: string): Promise<ZoneFeature> {
  const { features } = await apiJson<ZoneFeatureCollection>(baseUrl, token, '/api/zones');
  const zone = features.find((feature) => feature.properties.name === name);
  if (!zone) throw new Error(`No zone named ${name}`);
  return zone;
}

export async function messagesWithBody(
  baseUrl: string,
  token: string,
  channelId: string,
  body: string,
): Promise<Message[]> {
  const messages = await apiJson<Message[]>(baseUrl, token, `/api/channels/${channelId}/messages?limit=200`);
  return messages.filter((message) => message.body === body);
}

/** A zone's shape on the map (SVG renderer), in the given display state. */
export function zoneShape(page: Page, zoneId: string, state?: string, role = 'current'): Locator {
  const stateSelector = state ? `[data-zone-state="${state}"]` : '';
  return page.locator(`path[data-zone-id="${zoneId}"][data-zone-role="${role}"]${stateSelector}`);
}

/** Opens a zone's details through the list (the keyboard and screen reader way in). */
export async function openZoneFromList(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: /^(List|Lista)$/ }).click();
  await page.getByTestId('zone-list-item').filter({ hasText: name }).click();
  const details = page.getByTestId('zone-details');
  await details.getByRole('heading', { name }).waitFor();
  return details;
}

/** Waits until the checked position is drawn in view, above the answer card (the map has stopped moving). */
export async function waitForPositionInView(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const dot = document.querySelector('path.position-dot')?.getBoundingClientRect();
    const map = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
    const check = document.querySelector('.check')?.getBoundingClientRect();
    const pane = document.querySelector('.leaflet-map-pane');
    if (!dot || !map || !check || pane?.classList.contains('leaflet-zoom-anim')) return false;
    return dot.top >= map.top && dot.bottom <= check.top && dot.left >= map.left && dot.right <= map.right;
  });
}

/**
 * Resolves with the first truthy answer of an async `condition` run in the page. Playwright's `waitForFunction`
 * does not await a promise: it takes the promise itself as the truthy answer and returns at once. A page that
 * navigates meanwhile (the service worker taking over) is asked again, as `waitForFunction` would.
 */
export async function waitInPage<T, A = undefined>(
  page: Page,
  what: string,
  condition: (arg: A) => Promise<T>,
  arg?: A,
): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
  const inPage = condition as (arg: unknown) => Promise<T>;
  const ask = () =>
    page.evaluate(inPage, arg).catch((error: Error) => {
      if (/Execution context was destroyed|navigation/i.test(error.message)) return undefined;
      throw error;
    });
  const answer = await waitFor(what, ask, {
    timeoutMs: 30_000,
    intervalMs: 100,
  });
  return answer as Exclude<T, false | 0 | '' | null | undefined>;
}

/**
 * Waits until the phone keeps its copy of the zones (the app's IndexedDB holds it), so a check is answered on the
 * phone. Until the first sync after sign-in a check goes to the api, which is right for the product but not what
 * a test of the phone's own answer wants. Opens the database only once the app has made it (opening it first
 * would make it without the app's store).
 */
export async function waitForZoneSnapshot(page: Page): Promise<void> {
  const kept = { database: KEY_VALUE_DATABASE, store: KEY_VALUE_STORE, key: SNAPSHOT_KEY };
  await waitInPage(
    page,
    'the zones kept on the phone',
    async ({ database, store, key }) => {
      // In the page: the app's own helpers cannot be passed in, only this function's text.
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      if (!(await indexedDB.databases()).some(({ name }) => name === database)) return false;
      const db = await done(indexedDB.open(database));
      try {
        if (!db.objectStoreNames.contains(store)) return false;
        return (await done(db.transaction(store).objectStore(store).get(key))) !== undefined;
      } finally {
        db.close();
      }
    },
    kept,
  );
}

/** Waits until the map has stopped zooming (clicks during Leaflet's zoom animation land in the wrong place). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pane = document.querySelector('.leaflet-map-pane');
    return (
      pane !== null &&
      !pane.classList.contains('leaflet-zoom-anim') &&
      !document.querySelector('.leaflet-pan-anim')
    );
  });
}

export interface MapView {
  lat: number;
  lng: number;
  zoom: number;
}

/** Where a page's map is: the app keeps the view it last settled on in localStorage. */
export async function mapViewOf(page: Page): Promise<MapView> {
  await waitForMapIdle(page);
  return page.evaluate(() => JSON.parse(localStorage.getItem('samverkan.mapView') ?? 'null') as MapView);
}

/**
 * The view once the map has stopped moving. A drag glides on after the mouse is let go, but Leaflet starts that
 * glide only in the next animation frame: after two frames it has started, and mapViewOf waits for it to end.
 */
export async function settledView(page: Page): Promise<MapView> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  return mapViewOf(page);
}

/**
 * A sentinel on the page's own clock, not a guess at how long things take. For each delay in turn, sets a page
 * timer for just over it and waits until it fires. Timers fire in the order they are due: every timer the page
 * had already set for at most that delay has run before (and what it threw has been reported), including timers
 * that the previous round's timers set (Leaflet ends a zoom from a 250 ms timer, whose end sets the clusters'
 * 300 ms one: `pageTimersRunOut(page, 250, 300)` waits for both).
 */
export async function pageTimersRunOut(page: Page, ...delays: number[]): Promise<void> {
  for (const ms of delays)
    await page.evaluate((delay) => new Promise<void>((resolve) => setTimeout(resolve, delay)), ms + 1);
}

export function sameView(a: MapView, b: MapView): boolean {
  return a.zoom === b.zoom && Math.abs(a.lat - b.lat) < 2e-4 && Math.abs(a.lng - b.lng) < 2e-4;
}

/** Waits until `follower`'s map shows what `presenter`'s does. */
export async function waitForSameView(follower: Page, presenter: Page): Promise<MapView> {
  let seen: { view: MapView | null; target: MapView | null } = { view: null, target: null };
  return waitFor(
    () =>
      `the follower's map to show the presenter's (last seen: the follower's at ${JSON.stringify(seen.view)}, ` +
      `the presenter's at ${JSON.stringify(seen.target)})`,
    async () => {
      // Both read afresh each time: the presenter's map may itself still be on its way.
      seen = { target: await mapViewOf(presenter), view: await mapViewOf(follower) };
      return seen.view && seen.target && sameView(seen.view, seen.target) ? seen.view : null;
    },
    { intervalMs: 100 },
  );
}

/** Nothing sticks out sideways: the page never needs horizontal scrolling. */
export async function expectNoSidewaysScrolling(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
}

/**
 * Holds back the drawing tools (Geoman, loaded on demand for the roles that draw) as a slow connection would,
 * until the returned function is called. Call before the page loads the app.
 */
export async function holdDrawingTools(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/geoman-plugin-*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Acknowledges every alert still pending for the holder of `token`, over a socket as the app does: a spec that
 * makes alerts (a suspension alerts the other side's signatories) leaves no banner behind for later specs.
 */
export async function acknowledgePendingAlerts(baseUrl: string, token: string): Promise<void> {
  const socket = await connectSocket(baseUrl, token);
  try {
    const { alerts } = await socket.request<{ alerts: Message[] }>('alert:pending', {});
    for (const alert of alerts) await socket.request('alert:ack', { messageId: alert.id });
  } finally {
    socket.close();
  }
}
