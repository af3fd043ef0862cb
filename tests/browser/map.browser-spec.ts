import type { ZoneFeatureCollection } from '@samverkan/contracts';
import type { Page } from 'playwright-core';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { displayStateOf } from '../../apps/web/src/zones/zone-display';
import { apiJson, pageTimersRunOut, zoneShape } from './support/app-helpers';
import { useBrowser } from './support/browser-harness';

const browser = useBrowser();

const demoZone = (fragment: string) =>
  DEMO_SITES.find((site) => site.zone?.name.includes(fragment))!.zone!.name;

/** What each state's outline looks like: states differ in line style and fill, not only in colour. */
const OUTLINE = {
  'in-force': { dash: null, fill: /^url\(#zone-pattern-in-force\)$/ },
  'outside-hours': { dash: '12 8', fill: /^#/ },
  proposed: { dash: '2 7', fill: /^url\(#zone-pattern-proposed\)$/ },
  suspended: { dash: '14 6 3 6', fill: /^url\(#zone-pattern-suspended\)$/ },
} as const;

/**
 * Resolves once the map's zoom animation has begun and the page has been left for the reports, by the nav
 * link, while the animation still runs. Start it before the action that zooms.
 */
function leaveForReportsMidZoom(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const pane = document.querySelector('.leaflet-map-pane')!;
        const observer = new MutationObserver(() => {
          if (!pane.classList.contains('leaflet-zoom-anim')) return;
          observer.disconnect();
          document.querySelector<HTMLAnchorElement>('nav a[href="#/reports"]')!.click();
          resolve();
        });
        observer.observe(pane, { attributes: true, attributeFilter: ['class'] });
      }),
  );
}

/** In the page: a turn of the mouse wheel over the map (zooming out), and at once the nav link to the reports. */
function turnWheelAndLeaveForReports(): void {
  const map = document.querySelector<HTMLElement>('[data-testid="map"]')!;
  const box = map.getBoundingClientRect();
  const centre = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
  map.dispatchEvent(new WheelEvent('wheel', { deltaY: 240, bubbles: true, cancelable: true, ...centre }));
  document.querySelector<HTMLAnchorElement>('nav a[href="#/reports"]')!.click();
}

describe('the map', () => {
  it('draws every demo zone in its state, with a legend, and filters by state', async () => {
    const page = await browser.newSignedInPage('police');
    const { accessToken } = await browser.signInThroughApi('police');
    const { features } = await apiJson<ZoneFeatureCollection>(browser.baseUrl, accessToken, '/api/zones');
    const demo = features.filter((zone) =>
      DEMO_SITES.some((site) => site.zone?.name === zone.properties.name),
    );
    expect(demo).toHaveLength(DEMO_SITES.filter((site) => site.zone).length);

    // The states that do not depend on the clock:
    const byName = (fragment: string) => demo.find((zone) => zone.properties.name === demoZone(fragment))!;
    expect(displayStateOf(byName('Södervärn').properties)).toBe('in-force');
    expect(displayStateOf(byName('Centralstationen').properties)).toBe('proposed');
    expect(displayStateOf(byName('Rosengård').properties)).toBe('suspended');

    for (const zone of demo) {
      const state = displayStateOf(zone.properties);
      const role = zone.properties.agreed ? 'agreed' : 'current';
      const shape = zoneShape(page, zone.properties.id, state, role);
      await shape.waitFor({ state: 'attached' });
      const outline = OUTLINE[state as keyof typeof OUTLINE];
      expect(await shape.getAttribute('stroke-dasharray')).toBe(outline.dash);
      expect(await shape.getAttribute('fill')).toMatch(outline.fill);
    }
    // Triangeln: version 1 stays in force (or waits for its hours) while the larger version 2 is proposed.
    const triangeln = byName('Triangeln');
    expect(triangeln.properties.agreed?.version).toBe(1);
    await zoneShape(page, triangeln.properties.id, 'proposed', 'proposal').waitFor({ state: 'attached' });

    // The key names the four states; the full legend explains them and filters.
    const key = page.getByTestId('legend-key');
    for (const label of ['In force now', 'Not in force now', 'Proposed', 'Suspended'])
      await key.getByText(label, { exact: true }).waitFor();
    await browser.screenshot(page, 'map-demo-zones-desktop');
    await key.click();
    const legend = page.getByTestId('legend');
    await legend.getByText('Dotted edge, diagonal hatching').waitFor();
    await legend.getByRole('checkbox', { name: /^Proposed/ }).uncheck();
    await zoneShape(page, byName('Centralstationen').properties.id).waitFor({ state: 'detached' });
    await zoneShape(page, byName('Södervärn').properties.id).waitFor({ state: 'attached' });
    await legend.getByRole('button', { name: 'Show everything' }).click();
    await zoneShape(page, byName('Centralstationen').properties.id).waitFor({ state: 'attached' });

    // The list says the same in words, and opens a zone's details: its hours in words and who approved.
    await page.getByRole('button', { name: 'List' }).click();
    const item = page.getByTestId('zone-list-item').filter({ hasText: demoZone('Möllevångstorget') });
    await item.click();
    const details = page.getByTestId('zone-details');
    await details.getByTestId('zone-hours').filter({ hasText: 'Mon–Fri 09:00–17:00' }).waitFor();
    expect(await details.getByTestId('approvals').locator('[data-approved="true"]').count()).toBe(2);
    await details.getByText('Versions and events').click();
    await details
      .locator('.audit-trail__event')
      .filter({ hasText: /^.*Agreed \(version 1\)/ })
      .first()
      .waitFor();
    await browser.screenshot(page, 'map-zone-details-desktop');
  });

  it('keeps zones readable on its plain background when the base map cannot load, in Swedish', async () => {
    browser.allowConsoleErrors(/ERR_INTERNET_DISCONNECTED/);
    const page = await browser.newSignedInPage('police', { tiles: 'failing', locale: 'sv-SE' });
    await page.getByRole('status').filter({ hasText: 'Bakgrundskartan kan inte hämtas just nu' }).waitFor();
    const { accessToken } = await browser.signInThroughApi('police');
    const { features } = await apiJson<ZoneFeatureCollection>(browser.baseUrl, accessToken, '/api/zones');
    const sodervarn = features.find((zone) => zone.properties.name === demoZone('Södervärn'))!;
    await zoneShape(page, sodervarn.properties.id, 'in-force').waitFor({ state: 'attached' });
    await page.getByTestId('legend-key').getByText('Gäller nu').waitFor();
    await browser.screenshot(page, 'map-without-tiles');
  });

  it('can be left in the middle of a zoom, again and again, without an error', async () => {
    const page = await browser.newSignedInPage('police');
    const map = page.getByTestId('map');
    const wheelOverMap = async () => {
      const box = (await map.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -240);
    };
    for (let round = 0; round < 8; round++) {
      await page.locator('path[data-zone-id]').first().waitFor({ state: 'attached' });
      // In and out as many times, so the marker clusters both split and merge and the zoom stays in range.
      const way = round % 4;
      if (way === 3) {
        // Leaving while the mouse wheel's zoom still waits to start (Leaflet gathers wheel turns for 40 ms).
        await page.evaluate(turnWheelAndLeaveForReports);
      } else {
        const left = leaveForReportsMidZoom(page);
        if (way === 2) await wheelOverMap();
        else await page.getByRole('button', { name: way === 0 ? 'Zoom in' : 'Zoom out' }).click();
        await left;
      }
      await map.waitFor({ state: 'detached' });
      await page.locator('nav a[href="#/reports"][aria-current="page"]').waitFor();
      // Leaflet gathers wheel turns for 40 ms, ends a zoom from a 250 ms timer, then the clusters tidy up after
      // 300 ms: let each run out.
      await pageTimersRunOut(page, 40, 250, 300);
      await page.locator('nav a[href="#/"]').click();
      await map.waitFor();
    }
  });

  it('loads the drawing tools only for those who draw zones', async () => {
    const hasDrawingTools = (page: Page) =>
      page.evaluate(() => 'PM' in (window as unknown as { L: object }).L);
    const police = await browser.newSignedInPage('police');
    await police.getByTestId('map').locator('.leaflet-marker-icon').first().waitFor();
    expect(await hasDrawingTools(police)).toBe(false);

    const staff = await browser.newSignedInPage('service');
    await staff.getByTestId('map').locator('.leaflet-marker-icon').first().waitFor();
    expect(await hasDrawingTools(staff)).toBe(true);
  });
});
