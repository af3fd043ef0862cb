import type { AuditEvent, Polygon, Schedule, SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { apiJson, openZoneFromList, unique } from './support/app-helpers';
import { useBrowser } from './support/browser-harness';

const browser = useBrowser();

const SITE_NAME = DEMO_SITES.find((site) => site.name.includes('Centralstationen'))!.name;
const weekdays: Schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] };
const withSaturday: Schedule = { ...weekdays, windows: [...weekdays.windows, { days: [6], from: '09:00', to: '17:00' }] };

/** A square `half` metres from its centre to each side, `east` metres east of [lng, lat]. */
function square([lng, lat]: [number, number], half: number, east = 0): Polygon {
  const dLng = 1 / (111_320 * Math.cos((lat * Math.PI) / 180));
  const dLat = 1 / 111_320;
  const x = lng + east * dLng;
  const ring: [number, number][] = [
    [x - half * dLng, lat - half * dLat],
    [x + half * dLng, lat - half * dLat],
    [x + half * dLng, lat + half * dLat],
    [x - half * dLng, lat + half * dLat],
  ];
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

describe('signatories see what they sign', () => {
  it('a police signatory sees the moved area (added and removed) and the schedule change in words before approving', async () => {
    const { accessToken: serviceToken } = await browser.signInThroughApi('serviceSignatory');
    const { accessToken: policeToken } = await browser.signInThroughApi('policeSignatory');
    const { features } = await apiJson<{ features: SiteFeature[] }>(browser.baseUrl, serviceToken, '/api/sites');
    const centralen = features.find((feature) => feature.properties.name === SITE_NAME)!;
    const centre = centralen.geometry.coordinates as [number, number];
    const name = unique('Browser test diff');
    const zone = await apiJson<ZoneFeature>(browser.baseUrl, serviceToken, '/api/zones', {
      method: 'POST',
      body: { siteId: centralen.id, name, geometry: square(centre, 40), schedule: weekdays },
    });
    for (const token of [serviceToken, policeToken]) {
      await apiJson(browser.baseUrl, token, `/api/zones/${zone.id}/approve`, { method: 'POST', body: { version: 1 } });
    }
    await apiJson(browser.baseUrl, serviceToken, `/api/zones/${zone.id}`, {
      method: 'PATCH',
      body: { version: 1, geometry: square(centre, 40, 30), schedule: withSaturday },
    });

    const page = await browser.newSignedInPage('policeSignatory');
    // The version waits for the police side: counted on the List button, listed first, opened from there.
    await page.getByTestId('awaiting-signature-count').waitFor();
    await page.getByRole('button', { name: /^(List|Lista)$/ }).click();
    await page.getByTestId('awaiting-signature-list').getByText(name).click();
    const details = page.getByTestId('zone-details');
    await details.getByRole('heading', { name }).waitFor();
    await details.getByRole('button', { name: 'Approve version 2' }).click();
    const dialog = page.getByTestId('zone-approve-dialog');
    const diff = dialog.getByTestId('zone-diff');
    await diff.getByRole('heading', { name: 'Changes from version 1 to 2' }).waitFor();
    // Both areas are on the map, each with its own hatching, named in the legend.
    await diff.locator('path.zone-diff-added').waitFor({ state: 'attached' });
    await diff.locator('path.zone-diff-removed').waitFor({ state: 'attached' });
    await diff.locator('path.zone-diff-unchanged').waitFor({ state: 'attached' });
    const fills = await Promise.all(
      ['added', 'removed'].map((part) => diff.locator(`path.zone-diff-${part}`).first().getAttribute('fill')),
    );
    expect(fills).toEqual(['url(#zone-diff-pattern-added)', 'url(#zone-diff-pattern-removed)']);
    const legend = diff.getByTestId('zone-diff-legend');
    await legend.getByText('Added').waitFor();
    await legend.getByText('Removed').waitFor();
    expect(await diff.getByTestId('zone-diff-areas').textContent()).toMatch(/m² added, .* m² removed\./);
    await diff.getByTestId('zone-diff-schedule').getByText('Adds Saturday 09:00–17:00').waitFor();
    await browser.screenshot(page, 'zone-diff-before-approval');

    await dialog.getByRole('button', { name: 'Approve version 2' }).click();
    await dialog.waitFor({ state: 'detached' });
    await details.getByRole('button', { name: 'Approve version 2' }).waitFor({ state: 'detached' });
    // The audit trail links the approval to the diff that was shown.
    const events = await apiJson<AuditEvent[]>(browser.baseUrl, policeToken, `/api/audit?entity=zone&entityId=${zone.id}`);
    const approval = events.filter((event) => event.action === 'approve').at(-1)!;
    expect(approval.after).toMatchObject({ version: 2, side: 'police', diff: { from: 1, to: 2 } });
  });

  it('a zone due for review carries a badge on the map, as it is listed under "To review"', async () => {
    const { accessToken: serviceToken } = await browser.signInThroughApi('serviceSignatory');
    const { features } = await apiJson<{ features: SiteFeature[] }>(browser.baseUrl, serviceToken, '/api/sites');
    const centralen = features.find((feature) => feature.properties.name === SITE_NAME)!;
    const centre = centralen.geometry.coordinates as [number, number];
    const name = unique('Browser test review');
    // Due in about a week: within the 30 days that count as due, whichever the time zone.
    const reviewBy = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await apiJson<ZoneFeature>(browser.baseUrl, serviceToken, '/api/zones', {
      method: 'POST',
      body: { siteId: centralen.id, name, geometry: square(centre, 40, 400), schedule: weekdays, reviewBy },
    });
    const page = await browser.newSignedInPage('policeSignatory');
    await openZoneFromList(page, name);
    await page.locator('.zone-label .zone-label__badge', { hasText: 'Review due' }).first().waitFor();
  });
});
