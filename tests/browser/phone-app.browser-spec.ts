// Service workers' own requests are not affected by context.setOffline(); with this Playwright routes them
// too, so the test can cut the service worker's network as well. Read when the browser starts.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import type { SiteFeature, ZoneFeature } from '@samverkan/contracts';
import type { BrowserContext, Page, Request, Route } from 'playwright-core';
import { DEMO_ORGANISATIONS } from '../../apps/api/src/demo/demo-data';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { apiJson, unique, waitForZoneSnapshot, waitInPage } from './support/app-helpers';
import { PHONE, useBrowser } from './support/browser-harness';
import { waitFor } from '../support/wait';

const browser = useBrowser();

const site = (fragment: string) => DEMO_SITES.find((candidate) => candidate.name.includes(fragment))!;
// Södervärn's zone: a 150 m circle, agreed, always in force. Rosengård's: agreed, then suspended by the police.
const [longitude, latitude] = site('Södervärn').location.coordinates;
const INSIDE = { latitude, longitude, accuracy: 10 };
const [suspendedLongitude, suspendedLatitude] = site('Rosengård').location.coordinates;
const INSIDE_SUSPENDED = { latitude: suspendedLatitude, longitude: suspendedLongitude, accuracy: 10 };

const abortServiceWorkerRequests = (route: Route) =>
  route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue();

async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**', abortServiceWorkerRequests);
}

/** Requests that carried the position (URL or body), or went to the api's check at all. */
function positionRequests(page: Page, position: { latitude: number; longitude: number } = INSIDE): Request[] {
  const seen: Request[] = [];
  const lat = String(position.latitude).slice(0, 7);
  const lng = String(position.longitude).slice(0, 7);
  page.on('request', (request) => {
    const carries = [request.url(), request.postData() ?? ''].some((text) => text.includes(lat) || text.includes(lng));
    if (carries || new URL(request.url()).pathname === '/api/zones/check') seen.push(request);
  });
  return seen;
}

describe('the app on a phone', () => {
  it('is installable: a manifest with icons, and an active service worker', async () => {
    const page = await browser.newSignedInPage('police', { viewport: PHONE, mobile: true });
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const response = await page.request.get(new URL(href!, browser.baseUrl).href);
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Samverkan', short_name: 'Samverkan', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#/);
    for (const sizes of ['192x192', '512x512']) {
      expect(manifest.icons.filter((icon) => icon.sizes === sizes).map((icon) => icon.purpose ?? 'any').sort()).toEqual(['any', 'maskable']);
    }
    for (const icon of manifest.icons) {
      const image = await page.request.get(new URL(icon.src, browser.baseUrl).href);
      expect(image.headers()['content-type']).toBe('image/png');
    }
    await waitInPage(
      page,
      'an active service worker',
      async () => (await navigator.serviceWorker.ready).active?.state === 'activated',
    );
    // The worker claims open pages once it is active; the page hears it a moment later (controllerchange).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${browser.baseUrl}/sw.js`);
  });

  it('checks on the phone: online without sending the position, and offline after a reload (a suspended zone too), with the zones’ sync time', async () => {
    browser.allowConsoleErrors(/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_FAILED|WebSocket connection to/);
    const page = await browser.newSignedInPage('police', { viewport: PHONE, mobile: true, geolocation: INSIDE });
    const carried = positionRequests(page);
    // The service worker controls the page and has the shell; the snapshot is on the phone.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await waitForZoneSnapshot(page);

    const button = page.getByRole('button', { name: 'Am I in a zone?' });
    await button.click();
    const answer = page.getByTestId('check-answer');
    await answer.and(page.locator('[data-answer-kind="inside-in-force"]')).waitFor();
    expect(await answer.getByTestId('check-zones-synced').textContent()).toMatch(/zones synced \d{2}:\d{2}/);
    await answer.getByRole('button', { name: 'Close the answer' }).click();

    await goOffline(page.context());
    await page.reload();
    await page.getByTestId('signed-in-user').waitFor();
    await page.getByTestId('offline-badge').waitFor();
    await page.getByTestId('connection-banner').waitFor();
    await button.click();
    await answer.and(page.locator('[data-answer-kind="inside-in-force"]')).waitFor();
    expect(await answer.getByTestId('check-zones-synced').textContent()).toMatch(/zones synced \d{2}:\d{2}/);
    await browser.screenshot(page, 'check-offline-phone');
    await answer.getByRole('button', { name: 'Close the answer' }).click();

    // A suspended zone after an offline restart: named as the api would name it, by whom and why, not "no zone".
    // (A new page, as the page keeps its last position for a moment: the check accepts one 15 s old.)
    await page.context().setGeolocation(INSIDE_SUSPENDED);
    await page.reload();
    await page.getByTestId('offline-badge').waitFor();
    await button.click();
    await answer.and(page.locator('[data-answer-kind="inside-suspended"]')).waitFor();
    const line = answer.getByRole('listitem').filter({ hasText: site('Rosengård').zone!.name });
    await line.getByText('suspended – not in force now').waitFor();
    expect(await line.getByTestId('suspension-facts').textContent()).toContain(`Suspended by ${DEMO_ORGANISATIONS.police.name} since`);
    expect(await answer.getByTestId('check-zones-synced').textContent()).toMatch(/zones synced \d{2}:\d{2}/);

    expect(carried.map((request) => request.url())).toEqual([]);
  });

  it('tells of a zone near the phone coming into force soon, once the officer turns it on; the position stays on the phone', async () => {
    // A zone of its own beside Värnhem (no other test checks there), agreed, in force from 20 minutes on.
    const { accessToken: serviceToken } = await browser.signInThroughApi('serviceSignatory');
    const { accessToken: policeToken } = await browser.signInThroughApi('policeSignatory');
    const { features } = await apiJson<{ features: SiteFeature[] }>(browser.baseUrl, serviceToken, '/api/sites');
    const varnhem = features.find((feature) => feature.properties.name === site('Värnhem').name)!;
    const startsAt = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000);
    const name = unique('Browser test zone soon');
    const zone = await apiJson<ZoneFeature>(browser.baseUrl, serviceToken, '/api/zones', {
      method: 'POST',
      body: { siteId: varnhem.id, name, radiusMeters: 40, validFrom: startsAt.toISOString() },
    });
    for (const token of [serviceToken, policeToken]) {
      await apiJson(browser.baseUrl, token, `/api/zones/${zone.id}/approve`, { method: 'POST', body: { version: 1 } });
    }
    // 100 m north of the site: 60 m from the new zone's edge.
    const [siteLongitude, siteLatitude] = varnhem.geometry.coordinates;
    const near = { latitude: siteLatitude + 100 / 111_320, longitude: siteLongitude, accuracy: 10 };

    const page = await browser.newSignedInPage('police', { viewport: PHONE, mobile: true, geolocation: near });
    await page.context().grantPermissions(['geolocation', 'notifications']);
    const carried = positionRequests(page, near);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await waitForZoneSnapshot(page);
    const notifications = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map(({ title, body, tag, data }) => ({
          title,
          body,
          tag,
          url: (data as { url?: string } | null)?.url,
        })),
      );

    // Off by default: the check answers on the phone (the zones, made after the zone, and the position are there),
    // and no notice comes.
    await page.getByRole('button', { name: 'Am I in a zone?' }).click();
    const answer = page.getByTestId('check-answer');
    await answer.getByTestId('check-zones-synced').waitFor();
    await answer.getByRole('button', { name: 'Close the answer' }).click();
    expect(await notifications()).toEqual([]);

    await page.getByTestId('push-settings-button').click();
    const toggle = page.getByRole('checkbox', { name: 'Tell me when a zone near me comes into force within the hour' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    // The demo's own zones near Värnhem may come into force within the hour too (it depends on the time of day),
    // and each zone's notice is shown on its own: wait for this zone's.
    const shown = await waitFor(
      `the notice of ${name}`,
      async () => {
        const mine = (await notifications()).filter((notification) => notification.title.startsWith(name));
        return mine.length > 0 ? mine : null;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startsAt);
    expect(shown).toEqual([
      {
        title: `${name} comes into force at ${time}`,
        body: expect.stringMatching(new RegExp(`^(59|60|61) m from you \\(${varnhem.properties.name.replace(/[()]/g, '\\$&')}\\)\\.$`)) as string,
        tag: `zone-soon:${zone.id}@${startsAt.toISOString()}`,
        url: `/#/zones/${zone.id}`,
      },
    ]);
    await browser.screenshot(page, 'zone-soon-setting-phone');
    expect(carried.map((request) => request.url())).toEqual([]);

    // A tap opens the app at the notice's address (the service worker navigates there): the zone's details.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.goto(shown[0].url!);
    await page.getByTestId('zone-details').getByRole('heading', { name }).waitFor();
  });
});
