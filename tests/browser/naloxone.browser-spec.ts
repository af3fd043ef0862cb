// Service workers' own requests are not affected by context.setOffline(); with this Playwright routes them
// too, so the test can cut the service worker's network as well. Read when the browser starts.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import type { BrowserContext, Page, Route } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data';
import { expectNoSidewaysScrolling, waitInPage } from './support/app-helpers';
import { PHONE, fillSignInForm, useBrowser } from './support/browser-harness';

const browser = useBrowser();

const abortServiceWorkerRequests = (route: Route) =>
  route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue();

async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**', abortServiceWorkerRequests);
}

describe('the naloxone guide', () => {
  it('an officer opens it from the map, goes offline, reloads and still reads it', async () => {
    // Offline, the page's own requests fail as they should: the browser logs them.
    browser.allowConsoleErrors(/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_FAILED/);
    const page = await browser.newSignedInPage('police', { viewport: PHONE, mobile: true, locale: 'sv-SE' });

    // One tap from the map.
    await page.getByTestId('naloxone-button').click();
    const guide = page.getByTestId('naloxone-guide');
    await guide.getByRole('heading', { name: /Naloxon vid misstänkt opioidöverdos/ }).waitFor();
    await guide.getByRole('heading', { name: 'Gör så här' }).waitFor();
    await browser.screenshot(page, 'naloxone-guide-phone');

    // The service worker has taken over the page and cached the app shell.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    // Workbox keys the precached shell by its revision: `/index.html?__WB_REVISION__=…`.
    await waitInPage(page, 'the shell in the cache', async () =>
      Boolean(await caches.match('/index.html', { ignoreSearch: true })),
    );

    await goOffline(page.context());
    await page.reload();

    // The app opens signed in without a network (the token still lasts), on the same page, with the saved copy.
    const saved = page.getByTestId('naloxone-guide');
    await saved.getByRole('heading', { name: /Naloxon vid misstänkt opioidöverdos/ }).waitFor();
    await saved.getByText('Ingen uppkoppling: du läser guiden som sparades på den här enheten').waitFor();
    await saved.getByRole('heading', { name: 'Gör så här' }).waitFor();
    expect(await saved.locator('.guide__content ol li').count()).toBeGreaterThanOrEqual(5);
    // Nothing in the guide can run: the sanitised HTML has no script and no inline handler.
    expect(await saved.locator('script, [onclick], [onerror]').count()).toBe(0);
    await expectNoSidewaysScrolling(page);
    await browser.screenshot(page, 'naloxone-guide-phone-offline');
  });

  it('an officer registers a kit and records its use in two taps, which creates the report and a reminder to get a new kit', async () => {
    const page = await browser.newSignedInPage('policeSignatory', { viewport: PHONE, mobile: true });
    // Near the demo needle exchange at Södervärn, for the nearest naloxone points in the reminder.
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: 55.5852, longitude: 13.0027, accuracy: 10 });
    const label = `Bil ${Date.now() % 100000}`;
    await page.getByTestId('naloxone-button').click();
    await page.getByRole('tab', { name: 'Kits' }).click();
    const kits = page.getByTestId('kits');
    await kits.getByRole('button', { name: 'Register a kit' }).click();
    const form = kits.getByTestId('kit-form');
    await form.getByLabel('Unit or vehicle').fill(label);
    await form.getByLabel('Batch number').fill('NX24-118');
    // Within 60 days: marked as expiring soon.
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Expiry date').fill(soon);
    await form.getByRole('button', { name: 'Register' }).click();

    const kit = kits.getByTestId('kit').filter({ hasText: label });
    await kit.waitFor();
    expect(await kit.getAttribute('data-kit-mark')).toBe('expiring');
    await browser.screenshot(page, 'naloxone-kits-phone');

    // Two taps: "Kit was used", then the confirmation.
    await kit.getByRole('button', { name: 'Kit was used' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, record it' }).click();
    await kits
      .getByRole('status')
      .filter({ hasText: `The use of ${label} is recorded` })
      .waitFor();
    expect(await kits.getByTestId('kit').filter({ hasText: label }).count()).toBe(0);

    // The replacement step the guide promises: where to get a new kit, until one is registered.
    const reminder = page.getByTestId('kit-replacement');
    await reminder.getByText(`The kit ${label} was used on`).waitFor();
    await reminder.getByRole('button', { name: 'Show the nearest' }).click();
    const point = reminder.getByTestId('nearest-site').filter({ hasText: 'Naloxonpunkten Möllevångstorget' });
    await point.waitFor();
    expect(await point.getByRole('link', { name: /^Directions to .*Möllevångstorget/ }).getAttribute('href')).toMatch(
      /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=55\.59\d*,13\.01\d*$/,
    );
    expect(await point.getByRole('link', { name: /^Call .*040-628 04 42/ }).getAttribute('href')).toBe('tel:0406280442');
    await browser.screenshot(page, 'naloxone-kit-replacement-phone');

    // It stays: on another section and after a reload.
    await page.getByRole('tab', { name: 'Guide' }).click();
    await page.reload();
    await reminder.getByText(`The kit ${label} was used on`).waitFor();

    // Registering the new kit from the reminder ends it.
    await reminder.getByRole('button', { name: 'Register the new kit' }).click();
    const newKit = kits.getByTestId('kit-form');
    await newKit.getByLabel('Unit or vehicle').fill(label);
    await newKit.getByLabel('Batch number').fill('NX25-007');
    await newKit.getByLabel('Expiry date').fill(new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10));
    await newKit.getByRole('button', { name: 'Register' }).click();
    await kits.getByRole('status').filter({ hasText: 'The new kit is registered' }).waitFor();
    await reminder.waitFor({ state: 'detached' });
    await kits.getByTestId('kit').filter({ hasText: label }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    const report = page.getByTestId('report-card').filter({ hasText: 'Naloxone kit used' }).first();
    await report.waitFor();
    expect(await report.textContent()).toContain('Overdose response');

    // The naloxone site's staff see the counts per police organisation, to plan resupply.
    const staff = await browser.newPage({ viewport: PHONE, mobile: true });
    await staff.goto('/');
    await fillSignInForm(staff, 'naloxone@demo.samverkan.test', DEMO_PASSWORD);
    // From a first sign-in the top bar's link goes straight to the naloxone page (the map's button works too).
    await staff.getByRole('navigation').getByRole('link', { name: 'Naloxone' }).click();
    await staff.getByRole('tab', { name: 'Resupply' }).click();
    const police = staff.getByTestId('kit-stats-organisation').filter({ hasText: 'Polisområde Malmö City' });
    await police.waitFor();
    await browser.screenshot(staff, 'naloxone-resupply-phone');
  });
});

describe('a refused kit label', () => {
  it("is explained in Swedish, the app's default language, never in the api's English", async () => {
    browser.allowConsoleErrors(/status of 400/);
    const page = await browser.newSignedInPage('policeSignatory', {
      viewport: PHONE,
      mobile: true,
      locale: 'sv-SE',
    });
    await page.getByTestId('naloxone-button').click();
    await page.getByRole('tab', { name: 'Kit', exact: true }).click();
    const kits = page.getByTestId('kits');
    await kits.getByRole('button', { name: 'Registrera kit' }).click();
    const form = kits.getByTestId('kit-form');
    // A colleague's name passes the app's own checks; only the api knows it names a person.
    await form.getByLabel('Enhet eller fordon').fill('Demo Polis');
    await form.getByLabel('Batchnummer').fill('NX24-119');
    await form
      .getByLabel('Sista förbrukningsdag')
      .fill(new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10));
    await form.getByRole('button', { name: 'Registrera' }).click();

    const refusal = form.getByRole('alert').filter({ hasText: 'Samverkan tog inte emot uppgifterna.' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      'Samverkan tog inte emot uppgifterna. Enhet eller fordon: Ska ange en enhet eller ett fordon, inte en person.',
    );
    expect(await page.getByText("user's name").count()).toBe(0);
    expect(await page.getByText('must name').count()).toBe(0);
    await browser.screenshot(page, 'naloxone-kit-label-refused-sv');
  });
});

describe('where to get naloxone', () => {
  it('lists the nearest naloxone sites with distance and opening, from the zone check and from the guide', async () => {
    const page = await browser.newSignedInPage('police', { viewport: PHONE, mobile: true });
    // Next to the demo needle exchange at Södervärn; the demo naloxone point is at Möllevångstorget.
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: 55.5852, longitude: 13.0027, accuracy: 10 });
    const positions: string[] = [];
    page.on(
      'request',
      (request) =>
        /lat=|lng=|latitude|longitude/.test(request.url()) &&
        !request.url().includes('/api/zones/check') &&
        positions.push(request.url()),
    );

    await page.getByRole('button', { name: 'Am I in a zone?' }).click();
    const answer = page.getByTestId('check-answer');
    await answer.getByText('Where do I get naloxone?').click();
    const nearest = answer.getByTestId('nearest-site').first();
    await nearest.waitFor();
    expect(await nearest.textContent()).toMatch(/Naloxonpunkten Möllevångstorget.*\d+(,\d)? (m|km)/);
    expect(await nearest.textContent()).toMatch(/Open now|Closed now/);
    await browser.screenshot(page, 'naloxone-nearest-from-check-phone');

    await page.getByTestId('naloxone-button').click();
    await page.getByRole('button', { name: 'Where do I get naloxone?' }).click();
    await page.getByRole('button', { name: 'Show the nearest' }).click();
    const point = page.getByTestId('nearest-naloxone').getByTestId('nearest-site').filter({ hasText: 'Möllevångstorget' });
    await point.waitFor();
    // Directions open the phone's map app; the site's public number can be called.
    await point.getByRole('link', { name: /^Directions to / }).waitFor();
    expect(await point.getByRole('link', { name: /^Call / }).getAttribute('href')).toBe('tel:0406280442');
    // The position went to the zone check only: the nearest sites were worked out on the phone.
    expect(positions).toEqual([]);
    await browser.screenshot(page, 'naloxone-nearest-phone');
  });
});

async function openEditor(page: Page, language: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Naloxone' }).click();
  await page.getByRole('tab', { name: 'Edit the guide' }).click();
  const editor = page.getByTestId('guide-editor');
  await editor.getByRole('combobox', { name: 'Language' }).selectOption(language);
  await editor.getByText(/You are working from version \d+/).waitFor();
}

describe('editing the naloxone guide', () => {
  it('keeps versions, refuses a stale one, renders a script as text and is published by a service signatory', async () => {
    // The stale save is refused with 409, which the browser logs as a failed resource load.
    browser.allowConsoleErrors(/status of 409/);
    const writer = await browser.newSignedInPage('service');
    const signatory = await browser.newSignedInPage('serviceSignatory');
    await openEditor(writer, 'en');
    await openEditor(signatory, 'en');
    const body = `## Check breathing\n\n<script>window.__guideScriptRan = true</script>\n\n1. Call 112 (${Date.now()}).`;

    // Both read the same version; the signatory saves first.
    const signatoryEditor = signatory.getByTestId('guide-editor');
    await signatoryEditor.getByLabel('Text (Markdown)').fill(body);
    await signatoryEditor.getByRole('button', { name: 'Save as a new version' }).click();
    const saved = await signatoryEditor
      .getByRole('status')
      .filter({ hasText: /Version \d+ is saved/ })
      .textContent();
    const version = Number(/Version (\d+)/.exec(saved ?? '')?.[1]);

    const writerEditor = writer.getByTestId('guide-editor');
    await writerEditor.getByLabel('Text (Markdown)').fill('A change made from an older version.');
    await writerEditor.getByRole('button', { name: 'Save as a new version' }).click();
    await writerEditor.getByRole('alert').filter({ hasText: 'Someone else saved a newer version' }).waitFor();
    expect(await writerEditor.getByLabel('Text (Markdown)').inputValue()).toBe(
      'A change made from an older version.',
    );
    await browser.screenshot(writer, 'naloxone-guide-editor-conflict');

    // The preview is the api's sanitised rendering: the script shows as text and never runs.
    const versionRow = signatoryEditor.getByTestId('guide-version').filter({ hasText: `Version ${version}` });
    await versionRow.getByRole('button', { name: 'Preview' }).click();
    const preview = signatoryEditor.getByTestId('guide-preview');
    await preview.getByText('<script>window.__guideScriptRan = true</script>').waitFor();
    expect(await preview.locator('script').count()).toBe(0);
    expect(
      await signatory.evaluate(() => (window as { __guideScriptRan?: boolean }).__guideScriptRan),
    ).toBeUndefined();

    await versionRow.getByRole('button', { name: 'Publish' }).click();
    await signatoryEditor
      .getByRole('status')
      .filter({ hasText: `Version ${version} is published` })
      .waitFor();
    await signatoryEditor
      .getByTestId('guide-version')
      .filter({ hasText: `Version ${version}` })
      .getByText('Published', { exact: true })
      .waitFor();
    await browser.screenshot(signatory, 'naloxone-guide-editor-published');
  });
});
