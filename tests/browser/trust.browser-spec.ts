import type {
  Channel,
  LoginResponse,
  Meeting,
  Organisation,
  SiteFeature,
  User,
  ZoneFeature,
} from '@samverkan/contracts';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_ORGANISATIONS } from '../../apps/api/src/demo/demo-data';
import { apiJson, mapViewOf, sameView, unique, waitForPositionInView } from './support/app-helpers';

import { waitFor } from '../support/wait';
import { apiLogPath, DESKTOP, useBrowser } from './support/browser-harness';

const browser = useBrowser();

// What one user writes is never markup on another's screen, and a checked position never leaves
// the check's answer.

/** Every kind of markup a name could try: elements, a stylesheet, a link and a page-wide redirect. */
const MARKUP =
  '<b>x</b><img src=x><meta http-equiv="refresh" content="0;url=about:blank">' +
  '<a href="https://example.org">link</a><style>*{display:none}</style>';

const PHONE_390 = { width: 390, height: 844 } as const;

/** Between the demo sites, about 1 km from each, so the new zone crowds none of theirs. */
const MARKUP_SITE = { lat: 55.595, lng: 13.013 };

/** Lund's cathedral, 18 km from every demo site: a view near it can only have come from the check. */
const LUND = { latitude: 55.70471, longitude: 13.19102, accuracy: 10 };
const LUND_TRACES = ['55.704', '13.191'];

interface MarkupWorld {
  organisation: Organisation;
  person: User;
  site: SiteFeature;
  zone: ZoneFeature;
  meeting: Meeting;
}

let world: MarkupWorld;

/** An organisation, a person, a site, a zone, a meeting and a direct conversation, each named with markup. */
async function markupWorld(): Promise<MarkupWorld> {
  const base = browser.baseUrl;
  const named = (what: string) => `${MARKUP} ${unique(what)}`;
  const { accessToken: admin } = await browser.signInThroughApi('admin');
  const { accessToken: coordinator } = await browser.signInThroughApi('coordinator');
  const { accessToken: police, user: officer } = await browser.signInThroughApi('police');
  const organisation = await apiJson<Organisation>(base, admin, '/api/organisations', {
    method: 'POST',
    body: { name: named('org'), kind: 'service' },
  });
  const email = `${unique('markup')}@example.test`;
  const password = 'a long password for the markup test';
  const person = await apiJson<User>(base, admin, '/api/users', {
    method: 'POST',
    body: { email, password, displayName: named('person'), role: 'service', organisationId: organisation.id },
  });
  const site = await apiJson<SiteFeature>(base, coordinator, '/api/sites', {
    method: 'POST',
    body: {
      name: named('site'),
      type: 'needle_exchange',
      organisationId: organisation.id,
      location: { type: 'Point', coordinates: [MARKUP_SITE.lng, MARKUP_SITE.lat] },
    },
  });
  const zone = await apiJson<ZoneFeature>(base, coordinator, '/api/zones', {
    method: 'POST',
    body: { siteId: site.properties.id, name: named('zone'), radiusMeters: 80 },
  });
  const organisations = await apiJson<Organisation[]>(base, police, '/api/organisations');
  const policeOrganisation = organisations.find((o) => o.name === DEMO_ORGANISATIONS.police.name)!;
  const meeting = await apiJson<Meeting>(base, coordinator, '/api/meetings', {
    method: 'POST',
    body: {
      title: named('meeting'),
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      organisationIds: [policeOrganisation.id, organisation.id],
    },
  });
  // The person opens a conversation with the officer: the officer's list names it after the person.
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { accessToken: personToken } = (await login.json()) as LoginResponse;
  await apiJson<Channel>(base, personToken, '/api/channels', {
    method: 'POST',
    body: { kind: 'direct', userId: officer.id },
  });
  return { organisation, person, site, zone, meeting };
}

/** Elements the markup would have made, anywhere in the page (a name put in as HTML leaves one of these). */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('meta[http-equiv], img[src="x"], a[href^="https://example.org"], style, b')]
      .filter(
        (element) =>
          !['STYLE', 'B'].includes(element.tagName) ||
          (element.tagName === 'STYLE' && (element.textContent ?? '').includes('*{display:none}')) ||
          (element.tagName === 'B' && element.textContent === 'x'),
      )
      .map((element) => element.outerHTML),
  );
}

/** The name shows as the very characters written, and nothing in the page was made from it. */
async function expectLiteral(page: Page, name: string): Promise<void> {
  await page.getByText(name).first().waitFor();
  expect(await injectedElements(page)).toEqual([]);
  expect(page.url()).toContain(browser.baseUrl);
}

describe('text written by one user is never markup on another screen', () => {
  beforeAll(async () => {
    world = await markupWorld();
  });

  it.each([
    ['a phone', PHONE_390, true],
    ['a desktop', DESKTOP, false],
  ])(
    'names with markup read as text on %s: map labels, site, organisation, people, meeting, channels',
    async (_, viewport, mobile) => {
      const { organisation, person, site, zone, meeting } = world;
      const page = await browser.newSignedInPage('police', {
        viewport,
        mobile,
        // At street zoom over the zone, where every zone carries its name as a label.
        localStorage: { 'samverkan.mapView': JSON.stringify({ ...MARKUP_SITE, zoom: 17 }) },
      });

      const label = page.locator('.zone-label').filter({ hasText: zone.properties.name });
      await label.waitFor();
      expect(await label.textContent()).toContain(zone.properties.name);
      expect(await label.locator('b, img, meta, a, style').count()).toBe(0);
      const marker = page.locator(`[data-site-id="${site.properties.id}"]`);
      expect(await marker.getAttribute('aria-label')).toContain(site.properties.name);
      expect(await injectedElements(page)).toEqual([]);

      // The site's panel names it and its organisation.
      await marker.click();
      const details = page.locator('.map-screen__panel');
      await details.getByText(site.properties.name).first().waitFor();
      await expectLiteral(page, organisation.name);
      await details.getByRole('button', { name: 'Close' }).click();

      // The officer's conversations: the site's, the meeting's, and the one the person opened.
      await page.getByTestId('messages-button').click();
      const channels = page.getByTestId('channel-item');
      for (const name of [site.properties.name, meeting.title, person.displayName])
        await channels.filter({ hasText: name }).first().waitFor();
      expect(await injectedElements(page)).toEqual([]);

      // The meeting's page: its title, and the organisations taking part under "About".
      await page.goto(`${browser.baseUrl}/#/meetings/${meeting.id}`);
      const meetingPanel = page.getByTestId('meeting-panel');
      await meetingPanel.getByRole('heading', { name: meeting.title }).waitFor();
      await meetingPanel.getByRole('tab', { name: 'About' }).click();
      await expectLiteral(page, organisation.name);
    },
  );
});

/** Everything the page keeps in the browser: both storages, every IndexedDB database and every cache. */
async function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(JSON.stringify(all));
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        parts.push(request.url, await ((await cache.match(request))?.text() ?? ''));
      }
    }
    return parts.join('\n');
  });
}

/** Every request's URL and body and every websocket frame the page sends, from now on. */
function recordTraffic(page: Page): { requests: { url: string; body: string }[]; frames: string[] } {
  const traffic = { requests: [] as { url: string; body: string }[], frames: [] as string[] };
  page.on('request', (request) =>
    traffic.requests.push({ url: request.url(), body: request.postData() ?? '' }),
  );
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => traffic.frames.push(String(payload))),
  );
  return traffic;
}

const carriesLund = (text: string) => LUND_TRACES.some((trace) => text.includes(trace));
const nearLund = (view: { lat: number; lng: number }) =>
  Math.abs(view.lat - LUND.latitude) < 0.05 && Math.abs(view.lng - LUND.longitude) < 0.05;

describe('a checked position never leaves the answer', () => {
  it('is not remembered, cached or sent anywhere but the check, and never becomes a meeting’s view', async () => {
    const { accessToken: coordinatorToken } = await browser.signInThroughApi('coordinator');
    const organisations = await apiJson<Organisation[]>(
      browser.baseUrl,
      coordinatorToken,
      '/api/organisations',
    );
    const meeting = await apiJson<Meeting>(browser.baseUrl, coordinatorToken, '/api/meetings', {
      method: 'POST',
      body: {
        title: unique('Möte efter en kontroll'),
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        organisationIds: [organisations.find((o) => o.name === DEMO_ORGANISATIONS.police.name)!.id],
      },
    });
    const page = await browser.newSignedInPage('coordinator', { geolocation: LUND });
    const traffic = recordTraffic(page);
    await page.waitForFunction(() => localStorage.getItem('samverkan.mapView') !== null);
    const before = await mapViewOf(page);

    await page.context().setGeolocation(LUND);
    await page.getByTestId('check-button').click();
    await page.getByTestId('check-answer').waitFor();
    await page.locator('path.position-dot').waitFor({ state: 'attached' });
    await waitForPositionInView(page);

    // The map went to the position, but the view kept for the next visit is still the one from before.
    expect(sameView(await mapViewOf(page), before)).toBe(true);
    const stored = await browserStorage(page);
    expect(LUND_TRACES.filter((trace) => stored.includes(trace))).toEqual([]);

    // In a meeting room the check is not offered, and presenting shares the user's own view, not the position.
    await page.goto(`${browser.baseUrl}/#/meetings/${meeting.id}`);
    await page.getByTestId('meeting-panel').getByRole('heading', { name: meeting.title }).waitFor();
    await page.getByRole('button', { name: 'Present the map' }).click();
    await page.getByTestId('meeting-bar-status').getByText('You are presenting').waitFor();
    expect(await page.getByTestId('check-button').count()).toBe(0);
    const sharedView = await waitFor('the presenter\'s view stored with the meeting', async () =>
      (await apiJson<Meeting>(browser.baseUrl, coordinatorToken, `/api/meetings/${meeting.id}`)).view,
    );
    expect(nearLund(sharedView.center)).toBe(false);

    // The check was answered on the phone from its zones: the position went nowhere, no request, no socket message.
    const checks = traffic.requests.filter(({ url }) => new URL(url).pathname === '/api/zones/check');
    expect(checks).toEqual([]);
    const others = traffic.requests.filter(({ url }) => new URL(url).pathname !== '/api/zones/check');
    expect(others.filter(({ url, body }) => carriesLund(url) || carriesLund(body))).toEqual([]);
    expect(traffic.frames.filter(carriesLund)).toEqual([]);

    // Nor does the api keep it: its log names the check's path only, and a refused check does not echo it.
    const refused = await fetch(
      `${browser.baseUrl}/api/zones/check?lat=${LUND.latitude}&lng=${LUND.longitude + 200}`,
      { headers: { Authorization: `Bearer ${coordinatorToken}` } },
    );
    expect(refused.status).toBe(400);
    expect(carriesLund(await refused.text())).toBe(false);
    const apiLog = readFileSync(apiLogPath(), 'utf8');
    expect(apiLog).toContain('/api/zones/check');
    expect(LUND_TRACES.filter((trace) => apiLog.includes(trace))).toEqual([]);
  });
});
