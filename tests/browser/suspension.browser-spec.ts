import type { SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { DEMO_ORGANISATIONS } from '../../apps/api/src/demo/demo-data';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { toLocalInputValue } from '../../apps/web/src/i18n/format';
import {
  acknowledgePendingAlerts,
  apiJson,
  openZoneFromList,
  unique,
  waitForPositionInView,
} from './support/app-helpers';
import { PHONE, useBrowser } from './support/browser-harness';

const browser = useBrowser();

const site = (fragment: string) => DEMO_SITES.find((candidate) => candidate.name.includes(fragment))!;

describe('a suspended zone says so, by whom and why', () => {
  it('an officer checking inside the suspended Rosengård zone on a phone reads "suspended", the organisation, since when and why; the zone panel says the same', async () => {
    const rosengard = site('Rosengård');
    const [longitude, latitude] = rosengard.location.coordinates;
    const page = await browser.newSignedInPage('police', {
      viewport: PHONE,
      mobile: true,
      geolocation: { latitude, longitude, accuracy: 10 },
    });
    await page.getByRole('button', { name: 'Am I in a zone?' }).click();
    const answer = page.getByTestId('check-answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-answer-kind')).toBe('inside-suspended');
    await answer.getByRole('heading', { name: 'You are in a suspended zone' }).waitFor();
    const line = answer.getByRole('listitem').filter({ hasText: rosengard.zone!.name });
    await line.getByText('suspended – not in force now').waitFor();
    const facts = line.getByTestId('suspension-facts');
    expect(await facts.textContent()).toContain(`Suspended by ${DEMO_ORGANISATIONS.police.name} since`);
    await facts.getByText('Demo: tillfälligt upphävd under en pågående insats').waitFor();
    await facts.getByText('Until both sides approve the zone again.').waitFor();
    // Not the look of "outside its hours".
    expect(await answer.evaluate((element) => getComputedStyle(element).borderLeftStyle)).toBe('double');
    await page.locator('path.position-dot').waitFor({ state: 'attached' });
    await waitForPositionInView(page);
    await browser.screenshot(page, 'check-inside-suspended-phone');

    await line.getByRole('button', { name: rosengard.zone!.name }).click();
    const details = page.getByTestId('zone-details');
    await details.locator('[data-state="suspended"]').waitFor();
    const panelFacts = details.getByTestId('suspension-facts');
    expect(await panelFacts.textContent()).toContain(`Suspended by ${DEMO_ORGANISATIONS.police.name} since`);
    await panelFacts.getByText('Demo: tillfälligt upphävd under en pågående insats').waitFor();
  });

  it('a service signatory suspends until a given time; the panel says until when, and the police signatory gets an urgent alert to acknowledge', async () => {
    const { accessToken: serviceToken } = await browser.signInThroughApi('serviceSignatory');
    const { accessToken: policeToken } = await browser.signInThroughApi('policeSignatory');
    // An agreed zone of its own, so the demo zones other specs check stay as they are.
    const { features } = await apiJson<{ features: SiteFeature[] }>(
      browser.baseUrl,
      serviceToken,
      '/api/sites',
    );
    const centralen = features.find((feature) => feature.properties.name === site('Centralstationen').name)!;
    const name = unique('Browser test suspension');
    const zone = await apiJson<ZoneFeature>(browser.baseUrl, serviceToken, '/api/zones', {
      method: 'POST',
      body: { siteId: centralen.id, name, radiusMeters: 40 },
    });
    for (const token of [serviceToken, policeToken]) {
      await apiJson(browser.baseUrl, token, `/api/zones/${zone.id}/approve`, {
        method: 'POST',
        body: { version: 1 },
      });
    }
    await acknowledgePendingAlerts(browser.baseUrl, policeToken);

    const staff = await browser.newSignedInPage('serviceSignatory');
    const details = await openZoneFromList(staff, name);
    await details.locator('[data-state="in-force"]').waitFor();
    await details.getByRole('button', { name: 'Suspend the zone' }).click();
    const dialog = staff.getByTestId('zone-suspend-dialog');
    const reason = unique('Mottagningen stängd för sanering');
    await dialog.getByLabel('Reason (both sides see it)').fill(reason);
    // An end time already passed is refused in the user's language, before anything is sent.
    await dialog
      .getByLabel('Suspended until (optional)')
      .fill(toLocalInputValue(new Date(Date.now() - 3_600_000)));
    await dialog.getByRole('button', { name: 'Suspend now' }).click();
    await dialog.getByText('The end time must lie in the future.').waitFor();
    const until = new Date(Date.now() + 3 * 3_600_000);
    await dialog.getByLabel('Suspended until (optional)').fill(toLocalInputValue(until));
    await dialog.getByRole('button', { name: 'Suspend now' }).click();
    await dialog.waitFor({ state: 'detached' });

    await details.locator('[data-state="suspended"]').waitFor();
    const facts = details.getByTestId('suspension-facts');
    expect(await facts.textContent()).toContain(
      `Suspended by ${DEMO_ORGANISATIONS.needleExchange.name} since`,
    );
    await facts.getByText(reason).waitFor();
    await facts.getByText(/^Until .*\. Then the agreed version applies again\.$/).waitFor();

    // The police signatory who signed the agreement is alerted, and acknowledges it.
    const police = await browser.newSignedInPage('policeSignatory');
    const banner = police.getByTestId('alert-banner').filter({ hasText: reason });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(name);
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
  });
});
