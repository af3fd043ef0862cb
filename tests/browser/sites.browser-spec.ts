import type { Schedule, SiteFeature, SiteFeatureCollection } from '@samverkan/contracts';
import { describeSchedule } from '@samverkan/geo';
import type { Page } from 'playwright-core';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { waitFor } from '../support/wait';
import { apiJson, settledView, unique, waitForMapIdle } from './support/app-helpers';
import { useBrowser } from './support/browser-harness';

const browser = useBrowser();

const SODERVARN = DEMO_SITES.find((site) => site.name.includes('Sprututbytet Södervärn'))!.name;

async function siteNamed(token: string, name: string): Promise<SiteFeature | undefined> {
  const { features } = await apiJson<SiteFeatureCollection>(browser.baseUrl, token, '/api/sites');
  return features.find((feature) => feature.properties.name === name);
}

/** Drags the marker of the site being placed by (dx, dy) pixels, as a hand would: press, move, let go. */
async function dragPlaceMarker(page: Page, dx: number, dy: number): Promise<{ x: number; y: number }> {
  await settledView(page);
  const box = (await page.getByTestId('site-place-marker').boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 12 });
  await page.mouse.up();
  return { x: x + dx, y: y + dy };
}

async function placeMarkerCentre(page: Page): Promise<{ x: number; y: number }> {
  // The map goes to the site when moving starts; Leaflet begins that zoom only in the next frame.
  await settledView(page);
  const box = (await page.getByTestId('site-place-marker').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const near = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < 3 && Math.abs(a.y - b.y) < 3;

describe('service staff mark their sites', () => {
  it('adds a site by clicking the map, edits its description and hours (a concurrent change reloads the form), moves it with a confirmation and deletes it; police see it live without edit controls', async () => {
    const name = unique('Browser test site');
    const { accessToken } = await browser.signInThroughApi('service');
    const officer = await browser.newSignedInPage('police');
    const staff = await browser.newSignedInPage('service');

    // Adding: the place is a click on the map; the hours come from the zones' schedule editor.
    await staff.getByRole('button', { name: 'New service' }).click();
    const form = staff.getByTestId('site-form');
    await form.getByText('Click on the map where the service is.').first().waitFor();
    await form.getByTestId('site-form-submit').click();
    await form.getByText('Choose the kind of service.').waitFor();

    // A known place is found without any outside geocoder: the map goes to it.
    const known = (await siteNamed(accessToken, SODERVARN))!;
    await form.getByLabel('Find a known place').fill('sodervarn sprut');
    await form.getByTestId('site-search-results').getByRole('button', { name: SODERVARN }).click();
    await waitFor('the known place in view', async () => {
      await waitForMapIdle(staff);
      const box = await staff.locator(`[data-site-id="${known.properties.id}"]`).boundingBox();
      const view = (await staff.getByTestId('map').boundingBox())!;
      return (
        box &&
        box.x > view.x &&
        box.x + box.width < view.x + view.width &&
        box.y > view.y &&
        box.y + box.height < view.y + view.height
      );
    });

    // Without a pointer the marker goes to the map's centre; a click on the map then puts it elsewhere.
    await form.getByRole('button', { name: 'Place at the centre of the map' }).click();
    await form.getByText('The place is marked.', { exact: false }).waitFor();
    await staff.getByTestId('site-place-marker').waitFor();
    await waitForMapIdle(staff);
    const map = (await staff.getByTestId('map').boundingBox())!;
    await staff.mouse.click(map.x + map.width * 0.3, map.y + map.height * 0.7);
    await waitFor('the marker at the clicked place', async () =>
      near(await placeMarkerCentre(staff), { x: map.x + map.width * 0.3, y: map.y + map.height * 0.7 - 20 }),
    );
    await form.getByLabel("The service's name").fill(name);
    await form.getByLabel('Kind of service').selectOption({ label: 'Drug checking' });
    await form.getByLabel('Address').fill('Testgatan 1, Malmö');
    // The service's public number: a typo is caught in the form, in the user's language.
    await form.getByLabel('Phone number (optional)').fill('040-12x');
    await form.getByTestId('site-form-submit').click();
    await form.getByText('Is not a phone number.', { exact: false }).waitFor();
    await form.getByLabel('Phone number (optional)').fill('040-628 04 42');
    const hours: Schedule = {
      timezone: 'Europe/Stockholm',
      windows: [{ days: [1, 2, 3, 4, 5], from: '10:00', to: '16:00' }],
    };
    await form.getByLabel('From').fill('10:00');
    await form.getByLabel('To', { exact: true }).fill('16:00');
    expect(await form.getByTestId('schedule-preview').textContent()).toContain(
      describeSchedule(hours, 'en').join('; '),
    );
    await form.getByLabel('Description').fill('Anonymous drug checking, walk in.');
    await form.getByTestId('site-form-submit').click();

    const details = staff.getByTestId('site-details');
    await details.getByRole('heading', { name }).waitFor();
    await details.getByText('Anonymous drug checking, walk in.').waitFor();
    expect(await details.getByTestId('site-phone').getAttribute('href')).toBe('tel:0406280442');
    expect(await details.getByTestId('site-schedule').textContent()).toBe(
      describeSchedule(hours, 'en').join('; '),
    );
    const created = await waitFor('the new site in the api', () => siteNamed(accessToken, name));
    expect(created.properties).toMatchObject({
      type: 'drug_checking',
      address: 'Testgatan 1, Malmö',
      phone: '040-628 04 42',
      openingSchedule: hours,
    });
    const siteId = created.properties.id;

    // Editing: someone else saves a change while the form is open; saving then reloads the form with theirs.
    await details.getByRole('button', { name: 'Edit details' }).click();
    const edit = staff.getByTestId('site-form');
    await edit.getByLabel('Description').fill('Drug checking on weekdays and Saturdays.');
    await apiJson(browser.baseUrl, accessToken, `/api/sites/${siteId}`, {
      method: 'PATCH',
      body: { version: created.properties.version, description: 'Changed at the desk.' },
    });
    await edit.getByTestId('site-form-changed').waitFor();
    browser.allowConsoleErrors(/status of 409/);
    await edit.getByTestId('site-form-submit').click();
    await edit.getByTestId('site-form-reloaded').waitFor();
    expect(await edit.getByLabel('Description').inputValue()).toBe('Changed at the desk.');

    await edit.getByLabel('Description').fill('Drug checking on weekdays and Saturdays.');
    await edit.getByLabel('Saturday').first().check();
    await edit.getByLabel('To', { exact: true }).fill('18:00');
    const newHours: Schedule = {
      ...hours,
      windows: [{ days: [1, 2, 3, 4, 5, 6], from: '10:00', to: '18:00' }],
    };
    await edit.getByTestId('site-form-submit').click();
    await details.getByText('Drug checking on weekdays and Saturdays.').waitFor();
    expect(await details.getByTestId('site-schedule').textContent()).toBe(
      describeSchedule(newHours, 'en').join('; '),
    );
    const edited = (await siteNamed(accessToken, name))!;
    expect(edited.properties).toMatchObject({ openingSchedule: newHours, version: 3 });

    // Moving: nothing is saved until confirmed; cancelling puts the marker back.
    await details.getByRole('button', { name: 'Move on the map' }).click();
    await staff.getByTestId('site-move').waitFor();
    await staff.getByTestId('site-place-marker').waitFor();
    const start = await placeMarkerCentre(staff);
    await dragPlaceMarker(staff, 90, 40);
    const dialog = staff.getByTestId('site-move-dialog');
    await staff.getByRole('heading', { name: `Move ${name} here?` }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(near(await placeMarkerCentre(staff), start)).toBe(true);
    expect((await siteNamed(accessToken, name))!.geometry.coordinates).toEqual(edited.geometry.coordinates);

    const dropped = await dragPlaceMarker(staff, 90, 40);
    await dialog.getByRole('button', { name: 'Move here' }).click();
    await details.getByRole('heading', { name }).waitFor();
    const moved = (await siteNamed(accessToken, name))!;
    expect(moved.properties.version).toBe(4);
    expect(moved.geometry.coordinates[0]).toBeGreaterThan(edited.geometry.coordinates[0]);
    expect(moved.geometry.coordinates[1]).toBeLessThan(edited.geometry.coordinates[1]);
    // The site's own marker stands where the pin was dropped.
    const marker = staff.locator(`[data-site-id="${siteId}"]`);
    await marker.waitFor();
    const markerBox = (await marker.boundingBox())!;
    // The pin's point (the bottom of its 40 px icon) is the place; the site's marker is centred on it.
    expect(
      near(
        { x: markerBox.x + markerBox.width / 2, y: markerBox.y + markerBox.height / 2 },
        { x: dropped.x, y: dropped.y + 20 },
      ),
    ).toBe(true);
    await browser.screenshot(staff, 'site-moved-by-staff');

    // An officer sees the site, changed live, and no way to change it.
    await officer.getByRole('button', { name: 'List' }).click();
    await officer.locator('.feature-list__item').filter({ hasText: name }).click();
    const seen = officer.getByTestId('site-details');
    await seen.getByText('Drug checking on weekdays and Saturdays.').waitFor();
    expect(await seen.getByTestId('site-manage').count()).toBe(0);
    expect(await seen.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    expect(await officer.getByRole('button', { name: 'New service' }).count()).toBe(0);

    // Deleting asks first; the site then leaves both maps.
    await details.getByRole('button', { name: 'Delete' }).click();
    const confirmDelete = staff.getByTestId('site-delete-dialog');
    await confirmDelete.getByText('Its zones without an agreement are withdrawn', { exact: false }).waitFor();
    await confirmDelete.getByRole('button', { name: 'Delete the service' }).click();
    await details.waitFor({ state: 'detached' });
    await marker.waitFor({ state: 'detached' });
    await officer.getByText('This service no longer exists.').waitFor();
    expect(await siteNamed(accessToken, name)).toBeUndefined();
  });
});
