import type { Page } from 'playwright-core';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import {
  acknowledgePendingAlerts,
  apiJson,
  holdDrawingTools,
  openZoneFromList,
  unique,
  waitForMapIdle,
  zoneNamed,
  zoneShape,
} from './support/app-helpers';
import { useBrowser } from './support/browser-harness';

const browser = useBrowser();

// Drawn around the Centralstationen site, which no other browser test checks positions near.
const SITE_NAME = DEMO_SITES.find((site) => site.name.includes('Centralstationen'))!.name;

/** Clicks the corners of a polygon around the map's centre, then its first corner to close it. */
async function drawSquare(page: Page, halfSide: number): Promise<void> {
  await waitForMapIdle(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const corners: [number, number][] = [
    [-halfSide, -halfSide],
    [halfSide, -halfSide],
    [halfSide, halfSide],
    [-halfSide, halfSide],
  ];
  for (const [dx, dy] of corners) {
    await page.mouse.click(cx + dx, cy + dy);
    // Geoman has placed the corner when its marker is on the map.
    await page
      .locator('.marker-icon')
      .nth(corners.findIndex(([x, y]) => x === dx && y === dy))
      .waitFor({ state: 'attached' });
  }
  await page.mouse.click(cx - halfSide, cy - halfSide);
}

async function approve(page: Page, name: string, side: 'police' | 'service'): Promise<void> {
  const details = await openZoneFromList(page, name);
  await details.getByRole('button', { name: 'Approve version 1' }).click();
  const dialog = page.getByTestId('zone-approve-dialog');
  // The confirmation names what is agreed: the version and the hours.
  expect(await dialog.getByTestId('dialog-version').textContent()).toBe('1');
  await dialog.getByText('Always').waitFor();
  await dialog.getByRole('button', { name: 'Approve version 1' }).click();
  await dialog.waitFor({ state: 'detached' });
  await details.locator(`[data-side="${side}"][data-approved="true"]`).waitFor();
}

describe('drawing and agreeing a zone', () => {
  it('is drawn by service staff, approved by both sides in their own browsers, and comes into force live in a third', async () => {
    const name = unique('Browser test zone');
    const observer = await browser.newSignedInPage('police');
    const staff = await browser.newSignedInPage('service');

    await staff.getByRole('button', { name: 'New zone' }).click();
    const form = staff.getByTestId('zone-form');
    await form.getByLabel('Service', { exact: true }).selectOption({ label: SITE_NAME });
    await form.getByText('Click on the map to place the corners').waitFor();
    // The hours start from the site's opening hours (evenings), not a fixed weekday 09–17.
    await form
      .getByTestId('hours-source')
      .getByText("The hours start from the site's opening hours.", { exact: false })
      .waitFor();
    expect(await form.getByTestId('schedule-preview').textContent()).toContain('19:00');
    // Service staff who do not sign are not offered to approve.
    expect(await form.getByLabel('Approve for the service now').count()).toBe(0);
    // Before anything is drawn, the shared validator stops the form.
    await form.getByLabel("The zone's name").fill(name);
    await form.getByTestId('zone-form-submit').click();
    await form.getByText('Draw the zone on the map or choose a circle around the service.').waitFor();

    await drawSquare(staff, 70);
    await form.getByText('Drag the corners to change the shape.').waitFor();
    await form.getByLabel('In force around the clock (no hours)').check();
    expect(await form.getByTestId('schedule-preview').textContent()).toContain('Always');
    await browser.screenshot(staff, 'zone-drawn-by-staff');
    await form.getByTestId('zone-form-submit').click();

    const details = staff.getByTestId('zone-details');
    await details.getByRole('heading', { name }).waitFor();
    expect(await details.getByTestId('zone-state').getAttribute('data-state')).toBe('proposed');
    const { accessToken } = await browser.signInThroughApi('police');
    const zone = await zoneNamed(browser.baseUrl, accessToken, name);
    expect(zone.properties.schedule).toBeNull();
    expect(zone.geometry.type).toBe('Polygon');

    // The observer's map shows the proposal without a reload.
    await zoneShape(observer, zone.properties.id, 'proposed').waitFor({ state: 'attached' });

    // Waiting for both sides, said from the approvals (none yet).
    const status = details.getByTestId('approval-status');
    expect(await status.textContent()).toBe(
      'Version 1 waits for a police signatory and a service signatory.',
    );

    // The police approve first: the service side's open panel follows live, waiting only for the service side.
    const policeSignatory = await browser.newSignedInPage('policeSignatory');
    await approve(policeSignatory, name, 'police');
    await status
      .getByText(
        /^Version 1 is approved by the police \(.*Polisområde Malmö City.*, \d\d:\d\d\); waits for a service signatory\.$/,
      )
      .waitFor();
    expect(await details.getByText('waits for a police signatory').count()).toBe(0);
    // The list says the same.
    await staff.getByRole('button', { name: 'List' }).click();
    await staff
      .locator(`[data-testid="zone-list-item"][data-zone-id="${zone.properties.id}"]`)
      .getByText('waits for a service signatory', { exact: false })
      .waitFor();
    await browser.screenshot(staff, 'zone-waits-for-service');

    const serviceSignatory = await browser.newSignedInPage('serviceSignatory');
    await approve(serviceSignatory, name, 'service');
    await serviceSignatory
      .getByTestId('zone-state')
      .and(serviceSignatory.locator('[data-state="in-force"]'))
      .waitFor();
    expect(await serviceSignatory.getByTestId('approval-status').textContent()).toBe(
      'Version 1 is agreed by both sides.',
    );

    // Agreed by both: in force now, on the observer's map, without a reload.
    await zoneShape(observer, zone.properties.id, 'in-force').waitFor({ state: 'attached' });
    await observer.getByRole('button', { name: 'List' }).click();
    await observer
      .locator(
        `[data-testid="zone-list-item"][data-zone-id="${zone.properties.id}"][data-zone-state="in-force"]`,
      )
      .waitFor();
    await browser.screenshot(observer, 'zone-in-force-for-observer');
  });

  it('lets staff draw when the zone form was opened before the drawing tools had loaded', async () => {
    const { accessToken } = await browser.signInThroughApi('service');
    const staff = await browser.newPage({ welcomed: true, token: accessToken });
    // Geoman arrives late (a slow phone connection): the map waits for it while the panel is already usable.
    const releaseDrawingTools = await holdDrawingTools(staff);
    await staff.goto('/');
    await staff.getByTestId('signed-in-user').waitFor();
    await staff.getByRole('button', { name: 'New zone' }).click();
    const form = staff.getByTestId('zone-form');
    await form.getByLabel('Service', { exact: true }).selectOption({ label: SITE_NAME });
    expect(await staff.locator('.leaflet-container').count()).toBe(0);

    releaseDrawingTools();
    await staff.locator('.leaflet-container').waitFor();
    await drawSquare(staff, 60);
    await form.getByText('Drag the corners to change the shape.').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('shows the api refusing a zone next to the form, offers a reload after a stale edit, and a suspension needs a reason', async () => {
    browser.allowConsoleErrors(/status of 400/, /status of 409/);
    const staff = await browser.newSignedInPage('serviceSignatory');
    const { accessToken: serviceToken } = await browser.signInThroughApi('serviceSignatory');
    const { accessToken: policeToken } = await browser.signInThroughApi('policeSignatory');
    await staff.getByRole('button', { name: 'New zone' }).click();
    const form = staff.getByTestId('zone-form');
    await form.getByLabel('Service', { exact: true }).selectOption({ label: SITE_NAME });
    await form.getByLabel('Circle around the service').check();
    await form.getByLabel('Radius in metres').fill('5');
    await form.getByText('The radius must be 10–1000 metres.').waitFor();
    await form.getByLabel('Radius in metres').fill('60');
    const name = unique('Browser test circle');
    await form.getByLabel("The zone's name").fill(name);
    await form.getByLabel('In force around the clock (no hours)').check();
    // A signatory who proposes approves for their side in the same step.
    await form.getByLabel('Approve for the service now').check();

    // The api's 400 (here a refusal PostGIS would give) is shown beside the form, and nothing is lost.
    await staff.route('**/api/zones', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 400,
              error: 'Bad Request',
              message: 'geometry is not valid: Self-intersection',
              details: [
                {
                  field: 'geometry',
                  message: 'geometry is not valid: Self-intersection',
                  reason: 'invalid_geometry',
                },
              ],
            }),
          })
        : route.fallback(),
    );
    await form.getByTestId('zone-form-submit').click();
    const serverError = form.getByTestId('zone-form-server-error');
    // In the user's words, from the reason code: never the api's English.
    await serverError
      .getByText('Area: The shape crosses itself or is otherwise not a valid area. Redraw it.')
      .waitFor();
    expect(await serverError.getByText('Self-intersection').count()).toBe(0);
    await browser.screenshot(staff, 'zone-form-server-refusal');
    await staff.unroute('**/api/zones');
    await form.getByTestId('zone-form-submit').click();
    const details = staff.getByTestId('zone-details');
    await details.getByRole('heading', { name }).waitFor();
    await details
      .getByTestId('approval-status')
      .getByText(
        /^Version 1 is approved by the service \(.*Sprututbytet Malmö.*\); waits for a police signatory\.$/,
      )
      .waitFor();

    // Someone else saves a new version while this user edits: the save is refused (409) and a reload offered.
    await details.getByRole('button', { name: 'Edit' }).click();
    await form.getByLabel("The zone's name").fill(`${name} (mine)`);
    const zone = await zoneNamed(browser.baseUrl, serviceToken, name);
    await apiJson(browser.baseUrl, serviceToken, `/api/zones/${zone.properties.id}`, {
      method: 'PATCH',
      body: { version: 1, notes: 'Changed in another browser' },
    });
    await form.getByText('Someone else has changed this zone since you started.').waitFor();
    await form.getByTestId('zone-form-submit').click();
    await serverError.getByText('Someone else saved a newer version of this zone').waitFor();
    await serverError.getByRole('button', { name: 'Reload' }).click();
    // The reloaded version replaces the form's contents (and the conflict message) in one step.
    await serverError.getByRole('button', { name: 'Reload' }).waitFor({ state: 'detached' });
    expect(await form.getByLabel('Notes (optional)').inputValue()).toBe('Changed in another browser');
    expect(await form.getByLabel("The zone's name").inputValue()).toBe(name);
    await form.getByRole('button', { name: 'Cancel' }).click();

    // Agreed through the api, then suspended here: the dialog names the version and refuses an empty reason.
    for (const token of [serviceToken, policeToken]) {
      await apiJson(browser.baseUrl, token, `/api/zones/${zone.properties.id}/approve`, {
        method: 'POST',
        body: { version: 2 },
      });
    }
    await details.locator('[data-state="in-force"]').waitFor();
    await details.getByRole('button', { name: 'Suspend the zone' }).click();
    const dialog = staff.getByTestId('zone-suspend-dialog');
    expect(await dialog.getByTestId('dialog-version').textContent()).toBe('2');
    await dialog.getByRole('button', { name: 'Suspend now' }).click();
    await dialog.getByText('Give a reason').waitFor();
    await dialog.getByLabel('Reason (both sides see it)').fill('Browser test: a short pause');
    await dialog.getByRole('button', { name: 'Suspend now' }).click();
    await dialog.waitFor({ state: 'detached' });
    await details.locator('[data-state="suspended"]').waitFor();
    await details.getByText('Browser test: a short pause').waitFor();
    // The suspension alerted the police signatory: acknowledged, so no banner waits in later specs.
    await acknowledgePendingAlerts(browser.baseUrl, policeToken);
  });
});
