import type { Locator, Page } from 'playwright-core';
import { expectNoSidewaysScrolling } from './support/app-helpers';
import { DESKTOP, PHONE, useBrowser } from './support/browser-harness';

const browser = useBrowser();

/** Every button and link on screen is at least `min` pixels high and wide, to be hit with a thumb. */
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((size) => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'button, a[href], select, input:not([type="checkbox"]):not([type="radio"])',
      ),
    ];
    return controls
      .filter((control) => {
        const box = control.getBoundingClientRect();
        const visible = box.width > 0 && box.height > 0 && getComputedStyle(control).visibility !== 'hidden';
        // Leaflet's attribution links are small text by design.
        return (
          visible &&
          !control.closest('.leaflet-control-attribution') &&
          (box.height < size || box.width < size)
        );
      })
      .map(
        (control) =>
          `${control.tagName} ${control.textContent?.trim() || control.getAttribute('aria-label') || ''}`,
      );
  }, min);
}

/** Nothing lies over the middle of this control: a tap there reaches it. */
async function uncovered(control: Locator): Promise<boolean> {
  return control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && element.contains(hit);
  });
}

describe('layout from 360 px to desktop', () => {
  it('works on a phone-sized screen: map, toolbar, panels as sheets, messages, in Swedish', async () => {
    const page = await browser.newSignedInPage('serviceSignatory', {
      viewport: PHONE,
      mobile: true,
      locale: 'sv-SE',
    });
    await page.getByRole('button', { name: 'Är jag i en zon?' }).waitFor();
    await page.locator('path[data-zone-id]').first().waitFor({ state: 'attached' });
    await expectNoSidewaysScrolling(page);
    expect(await smallTargets(page, 40)).toEqual([]);
    await browser.screenshot(page, 'layout-phone-map');

    await page.getByRole('button', { name: 'Lista' }).click();
    const list = page.getByTestId('feature-list');
    await list.getByRole('heading', { name: 'Zoner och verksamheter' }).waitFor();
    // The sheet leaves the upper part of the map in view.
    const sheet = (await page.locator('.map-screen__panel').boundingBox())!;
    expect(sheet.y).toBeGreaterThan(PHONE.height / 4);
    await expectNoSidewaysScrolling(page);

    await list.getByTestId('zone-list-item').first().click();
    await page.getByTestId('zone-details').waitFor();
    await expectNoSidewaysScrolling(page);
    await browser.screenshot(page, 'layout-phone-zone');

    await page.getByRole('button', { name: 'Stäng', exact: true }).click();
    await page.getByTestId('messages-button').click();
    await page.getByTestId('channel-item').first().click();
    await page.getByLabel('Skriv ett meddelande').waitFor();
    await expectNoSidewaysScrolling(page);
    await browser.screenshot(page, 'layout-phone-messages');

    await page.getByRole('button', { name: 'Stäng', exact: true }).click();
    await page.getByRole('button', { name: 'Ny zon' }).click();
    await page.getByTestId('zone-form').waitFor();
    await expectNoSidewaysScrolling(page);
    await browser.screenshot(page, 'layout-phone-zone-form');
  });

  it('never needs sideways scrolling at any width from 360 px up, with the longest top bar (an administrator)', async () => {
    const page = await browser.newSignedInPage('admin', { viewport: PHONE });
    await page.locator('path[data-zone-id]').first().waitFor({ state: 'attached' });
    for (const width of [360, 480, 768, 1024, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      await page.getByTestId('check-button').waitFor();
      await expectNoSidewaysScrolling(page);
      const header = (await page.getByRole('banner').boundingBox())!;
      expect(header.width).toBeLessThanOrEqual(width);
    }
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    for (const width of [1024, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoSidewaysScrolling(page);
    }
  });

  it('is usable by keyboard: the check, the list and a zone are reachable with Tab and Enter', async () => {
    const page = await browser.newSignedInPage('police', { viewport: DESKTOP });
    await page.locator('path[data-zone-id]').first().waitFor({ state: 'attached' });
    const reached = async (name: RegExp) => {
      for (let step = 0; step < 40; step++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (name.test(focused)) return true;
      }
      return false;
    };
    expect(await reached(/^List$/)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('feature-list').waitFor();
    expect(await reached(/Demo – Zon/)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('zone-details').waitFor();
    // Focus follows into the panel's heading.
    await page.waitForFunction(() => document.activeElement?.id === 'panel-title');
    await page.keyboard.press('Escape');
    await page.getByTestId('zone-details').waitFor({ state: 'detached' });
  });

  it('lets an administrator manage organisations and users, on a phone too', async () => {
    const page = await browser.newSignedInPage('admin', { viewport: PHONE, mobile: true });
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByTestId('user-list').getByText('police@demo.samverkan.test').waitFor();

    const organisation = `Browser test service ${Date.now().toString(36)}`;
    await page.getByLabel('Name', { exact: true }).fill(organisation);
    await page.getByLabel('Kind').selectOption('service');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByTestId('organisation-list').getByText(organisation).waitFor();

    const email = `browser.${Date.now().toString(36)}@demo.samverkan.test`;
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Display name').fill('Browser Test Staff');
    await page.getByLabel('First password').fill('a-long-enough-password');
    await page.getByLabel('Role').selectOption('service');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation });
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await row.waitFor();

    await row.getByLabel('Signatory (may approve zones)').check();
    await row.getByLabel('Signatory (may approve zones)').and(page.locator(':checked')).waitFor();
    await row.getByRole('button', { name: 'Disable the account' }).click();
    await row.getByText('disabled').waitFor();
    await row.getByRole('button', { name: 'Enable the account' }).waitFor();
    await expectNoSidewaysScrolling(page);
    await browser.screenshot(page, 'admin-phone');
  });

  it('keeps the naloxone button and the check in reach while the welcome is open on a phone', async () => {
    // Beside the demo needle exchange at Södervärn.
    const page = await browser.newSignedInPage('police', {
      viewport: PHONE,
      mobile: true,
      welcomed: false,
      geolocation: { latitude: 55.5852, longitude: 13.0027, accuracy: 10 },
    });
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    const naloxone = page.getByTestId('naloxone-button');
    const check = page.getByTestId('check-button');
    for (const control of [naloxone, check]) {
      await control.waitFor();
      expect(await uncovered(control)).toBe(true);
    }
    await expectNoSidewaysScrolling(page);
    await browser.screenshot(page, 'layout-phone-welcome');

    // One tap to the guide, the welcome unread.
    await naloxone.click();
    await page
      .getByTestId('naloxone-guide')
      .getByRole('heading', { name: /Naloxone for a suspected opioid overdose/ })
      .waitFor();

    // Back on the map the welcome is still open; a check sets it aside for the answer.
    await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
    await welcome.waitFor();
    await check.click();
    await page.getByTestId('check-answer').waitFor();
    await welcome.waitFor({ state: 'detached' });
    await browser.screenshot(page, 'layout-phone-welcome-check');
  });
});
