import type { Channel } from '@samverkan/contracts';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { WELCOME_SEEN_KEY } from '../../apps/web/src/state/panel.store';
import { connectSocket } from '../support/sockets';
import { waitFor } from '../support/wait';
import { apiJson, expectNoSidewaysScrolling, mapViewOf, unique, waitForMapIdle } from './support/app-helpers';
import { DESKTOP, useBrowser } from './support/browser-harness';

const browser = useBrowser();

// The two phones the field review used: a small Android and a current iPhone.
const SMALL_PHONE = { width: 360, height: 640 };
const LARGE_PHONE = { width: 390, height: 844 };

// The recipient of the test's urgent alert: no other browser test signs in as this staff member, so the banner
// meets no other test.
const RECIPIENT = 'ost@demo.samverkan.test';

/** What lies over the middle of this control, or null when a tap there reaches it. */
async function coveredBy(control: Locator): Promise<string | null> {
  return control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (hit && element.contains(hit)) return null;
    return hit ? `${hit.tagName}.${hit.className} "${hit.textContent?.trim().slice(0, 40)}"` : 'nothing';
  });
}

/** Every control that must stay in reach is there and uncovered. */
async function expectInReach(page: Page, controls: Locator[]): Promise<void> {
  for (const control of controls) {
    await control.waitFor();
    expect({ control: String(control), coveredBy: await coveredBy(control) }).toEqual({
      control: String(control),
      coveredBy: null,
    });
  }
  await expectNoSidewaysScrolling(page);
}

/** An urgent message from a police signatory to RECIPIENT alone (a direct channel). */
async function sendUrgentAlertToRecipient(text: string): Promise<void> {
  const { accessToken } = await browser.signInThroughApi('policeSignatory');
  const people = await apiJson<{ id: string; email?: string; displayName: string }[]>(
    browser.baseUrl,
    accessToken,
    '/api/users/directory',
  );
  const recipient = people.find((person) => person.displayName === 'Demo Personal substitution')!;
  const channel = await apiJson<Channel>(browser.baseUrl, accessToken, '/api/channels', {
    method: 'POST',
    body: { kind: 'direct', userId: recipient.id },
  });
  const socket = await connectSocket(browser.baseUrl, accessToken);
  try {
    const ack = await socket.request<{ ok: boolean }>('message:send', {
      channelId: channel.id,
      clientId: crypto.randomUUID(),
      body: text,
      priority: 'urgent',
    });
    expect(ack.ok).toBe(true);
  } finally {
    socket.close();
  }
}

async function recipientPage(viewport: { width: number; height: number }): Promise<Page> {
  const response = await fetch(`${browser.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: RECIPIENT, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  const page = await browser.newPage({
    viewport,
    mobile: true,
    locale: 'sv-SE',
    token: accessToken,
    tiles: 'failing',
    welcomed: false,
  });
  await page.goto('/');
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}

describe('the map screen keeps its actions in reach', () => {
  it('on a phone, with the tiles notice, the welcome and an alert banner all shown, nothing covers the naloxone button or the check; the notice can be closed', async () => {
    // The failing tiles are the point of this test: the browser reports each refused request.
    browser.allowConsoleErrors(/ERR_INTERNET_DISCONNECTED|Failed to load resource/);
    const text = unique('Brådskande: kontrollera kanylburken vid entrén');
    await sendUrgentAlertToRecipient(text);

    for (const viewport of [SMALL_PHONE, LARGE_PHONE]) {
      const page = await recipientPage(viewport);
      const size = `${viewport.width}x${viewport.height}`;
      const naloxone = page.getByTestId('naloxone-button');
      const check = page.getByTestId('check-button');
      const zoomIn = page.locator('.leaflet-control-zoom-in');
      const zoomOut = page.locator('.leaflet-control-zoom-out');
      const welcome = page.getByTestId('welcome');
      const banner = page.getByTestId('alert-banner');
      const notice = page.getByTestId('map-notice');

      await welcome.waitFor();
      await banner.getByText(text).waitFor();
      await notice.getByText('Bakgrundskartan kan inte hämtas just nu').waitFor();
      await expectInReach(page, [naloxone, check, zoomIn, zoomOut]);
      // The welcome can be closed, however short the map under the banners.
      await expectInReach(page, [welcome.getByRole('button', { name: 'Stäng', exact: true })]);
      await browser.screenshot(page, `map-reach-${size}-every-notice`);

      // The notice goes when closed, and stays gone while the tiles keep failing.
      await notice.getByRole('button', { name: 'Stäng meddelandet' }).click();
      await notice.waitFor({ state: 'detached' });
      await expectInReach(page, [naloxone, check, zoomIn, zoomOut]);

      // Without the welcome the toolbar is back: it and the alert's buttons are in reach as well.
      await welcome.getByRole('button', { name: 'Till kartan' }).click();
      await welcome.waitFor({ state: 'detached' });
      await expectInReach(page, [
        naloxone,
        check,
        page.getByTestId('messages-button'),
        page.getByRole('button', { name: 'Lista' }),
        page.getByRole('button', { name: 'Förklaring' }),
        banner.getByRole('button', { name: 'Kvittera' }),
      ]);
      await browser.screenshot(page, `map-reach-${size}-alert`);

      // A real tap (Playwright refuses to click what is covered) opens the guide.
      await naloxone.click();
      await page.getByTestId('naloxone-guide').waitFor();
      if (viewport === LARGE_PHONE) {
        await banner.getByRole('button', { name: 'Kvittera' }).click();
        await banner.waitFor({ state: 'detached' });
      }
      await page.close();
    }
  });

  it('by keyboard: the check within the first Tab presses, no nameless stops on the map, a zone through the list', async () => {
    const page = await browser.newSignedInPage('police', {
      viewport: DESKTOP,
      geolocation: { ...positionIn('Södervärn'), accuracy: 10 },
    });
    await page.locator('path[data-zone-id]').first().waitFor({ state: 'attached' });
    await page.locator('[data-site-id]').first().waitFor();

    // From the skip link, the check is the first stop on the map screen.
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Am I in a zone?');
    await page.keyboard.press('Enter');
    const answer = page.getByTestId('check-answer');
    await answer.getByRole('heading', { name: 'You are in a zone in force now' }).waitFor();
    await answer.getByRole('button', { name: 'Close the answer' }).click();
    await answer.waitFor({ state: 'detached' });

    // Every stop on the map screen has a name; zone outlines are not stops (the list is the way to them).
    await page.locator('#main').focus();
    const stops: string[] = [];
    for (let step = 0; step < 25; step++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return 'body';
        const name =
          element.getAttribute('aria-label') ||
          element.innerText?.trim() ||
          element.getAttribute('title') ||
          '';
        return `${element.tagName.toLowerCase()}${element.hasAttribute('data-zone-id') ? '[zone]' : ''}: ${name}`;
      });
      stops.push(stop);
    }
    expect(stops.filter((stop) => stop.includes('[zone]') || /: $/.test(stop))).toEqual([]);
    // The first few are the app's own actions, before the map's controls and markers (a name's first line: the
    // messages button also reads out its unread count, which depends on what earlier files of this worker sent).
    expect(stops.slice(0, 5).map((stop) => stop.split('\n')[0])).toEqual([
      'button: Am I in a zone?',
      'a: Naloxone',
      'button: Messages',
      'button: List',
      'button: Legend',
    ]);

    // A site marker is a named button; Enter opens the site.
    await page.locator('#main').focus();
    let onMarker = false;
    for (let step = 0; step < 25 && !onMarker; step++) {
      await page.keyboard.press('Tab');
      onMarker = await page.evaluate(() => document.activeElement?.hasAttribute('data-site-id') ?? false);
    }
    expect(onMarker).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('site-details').waitFor();
    // Focus follows into the panel, where Escape closes it.
    await page.waitForFunction(() => document.activeElement?.id === 'panel-title');
    await page.keyboard.press('Escape');
    await page.getByTestId('site-details').waitFor({ state: 'detached' });

    // Zoomed out, sites gather in clusters: each a named button that Enter zooms into.
    // (Out until the first cluster shows: how far depends on where the map is, e.g. zoomed to the site just opened.)
    const before = await mapViewOf(page);
    const cluster = page.getByRole('button', { name: /^\d+ services here – zoom in$/ }).first();
    for (let step = 0; step < 8 && (await cluster.count()) === 0; step++) {
      await page.locator('.leaflet-control-zoom-out').click();
      await waitForMapIdle(page);
    }
    await cluster.waitFor();
    const zoomedOut = await mapViewOf(page);
    expect(zoomedOut.zoom).toBeLessThan(before.zoom);
    await cluster.focus();
    await page.keyboard.press('Enter');
    await waitFor(
      () => 'the map to zoom into the cluster',
      async () => ((await mapViewOf(page)).zoom > zoomedOut.zoom ? true : null),
    );

    // A zone: List, then the zone's named item, each a few Tabs away.
    await page.locator('#main').focus();
    await tabTo(page, /^List$/, 4);
    await page.keyboard.press('Enter');
    await page.getByTestId('feature-list').waitFor();
    // Focus follows into the panel (its heading) once it has opened; the Tabs count from there.
    await page.waitForFunction(() => document.activeElement?.id === 'panel-title');
    const zone = site('Södervärn').zone!.name;
    await tabTo(page, new RegExp(`^${zone}`), 6);
    await page.keyboard.press('Enter');
    await page.getByTestId('zone-details').getByRole('heading', { name: zone }).waitFor();
  });

  it('Escape on the welcome closes it for good, as its button does', async () => {
    const page = await browser.newSignedInPage('police', { viewport: DESKTOP, welcomed: false });
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    // Focus is in the panel (its heading) when it opens.
    await page.waitForFunction(() => document.activeElement?.id === 'panel-title');
    await page.keyboard.press('Escape');
    await welcome.waitFor({ state: 'detached' });
    expect(await page.evaluate((key) => localStorage.getItem(key), WELCOME_SEEN_KEY)).toBe('1');
    await page.reload();
    await page.getByTestId('check-button').waitFor();
    // The map's data has arrived, so the panel would be open by now.
    await page.locator('path[data-zone-id]').first().waitFor({ state: 'attached' });
    expect(await welcome.count()).toBe(0);
  });
});

describe('"Am I in a zone?" with a poor position', () => {
  it('10 m inside a zone at 120 m accuracy: the headline says the zone may or may not apply', async () => {
    // 140 m north of the site: 10 m inside the edge of its 150 m zone.
    const centre = positionIn('Södervärn');
    const position = { latitude: centre.latitude + 140 / 111_320, longitude: centre.longitude };
    const page = await browser.newSignedInPage('police', {
      viewport: LARGE_PHONE,
      mobile: true,
      geolocation: { ...position, accuracy: 120 },
    });
    const answer = page.getByTestId('check-answer');
    await page.getByTestId('check-button').click();
    await answer
      .getByRole('heading', { name: 'At the edge of a zone: it may or may not apply here' })
      .waitFor();
    expect(await answer.getAttribute('data-edge')).toBe('true');
    const why = await answer.getByTestId('check-edge').textContent();
    expect(why).toMatch(/about 120 m, and the edge of Demo – Zon Södervärn, alltid is (9|10|11) m away/);
    await browser.screenshot(page, 'check-edge-poor-accuracy-phone');

    // The same place with a good position (a new browser: the app accepts a position up to 15 s old): inside.
    const accurate = await browser.newSignedInPage('police', {
      viewport: LARGE_PHONE,
      mobile: true,
      geolocation: { ...position, accuracy: 5 },
    });
    await accurate.getByTestId('check-button').click();
    const plain = accurate.getByTestId('check-answer');
    await plain.getByRole('heading', { name: 'You are in a zone in force now' }).waitFor();
    expect(await plain.getAttribute('data-edge')).toBe('false');
  });
});

function site(fragment: string) {
  return DEMO_SITES.find((candidate) => candidate.name.includes(fragment))!;
}

function positionIn(fragment: string): { latitude: number; longitude: number } {
  const [longitude, latitude] = site(fragment).location.coordinates;
  return { latitude, longitude };
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.getAttribute('aria-label') || element?.innerText?.trim() || '';
  });
}

/** Presses Tab until the focused element's name matches, at most `limit` times. */
async function tabTo(page: Page, name: RegExp, limit: number): Promise<void> {
  const seen: string[] = [];
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    seen.push(await focusedName(page));
    if (name.test(seen[seen.length - 1])) return;
  }
  throw new Error(`${name} not reached within ${limit} Tab presses (passed: ${seen.join(' | ')})`);
}
