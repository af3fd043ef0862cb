import type { ZoneFeatureCollection } from '@samverkan/contracts';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { displayStateOf } from '../../apps/web/src/zones/zone-display';
import { apiJson, zoneShape } from './support/app-helpers';
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
});
