import type { Page, Request } from 'playwright-core';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { waitForPositionInView, waitForZoneSnapshot } from './support/app-helpers';
import { PHONE, useBrowser } from './support/browser-harness';

const browser = useBrowser();

const site = (fragment: string) => DEMO_SITES.find((candidate) => candidate.name.includes(fragment))!;
const positionOf = (fragment: string) => {
  const [longitude, latitude] = site(fragment).location.coordinates;
  return { latitude, longitude };
};

// Södervärn's zone: a 150 m circle, agreed, always in force. Rosengård's: agreed, then suspended.
const INSIDE_IN_FORCE = { ...positionOf('Södervärn'), accuracy: 10 };
/** 220 m north of Södervärn: about 70 m outside its zone. */
const NEAR = {
  latitude: INSIDE_IN_FORCE.latitude + 220 / 111_320,
  longitude: INSIDE_IN_FORCE.longitude,
  accuracy: 10,
};
const INSIDE_SUSPENDED = { ...positionOf('Rosengård'), accuracy: 10 };
/** Lund's cathedral, 18 km away. */
const FAR = { latitude: 55.7047, longitude: 13.191, accuracy: 10 };

/** Every request that carried the position anywhere (URL or body), for the privacy check. */
function positionLeaks(page: Page, position: { latitude: number; longitude: number }): Request[] {
  const leaks: Request[] = [];
  const lat = String(position.latitude).slice(0, 7);
  page.on('request', (request) => {
    const url = new URL(request.url());
    const carries = request.url().includes(lat) || (request.postData() ?? '').includes(lat);
    if (carries && url.pathname !== '/api/zones/check') leaks.push(request);
  });
  return leaks;
}

async function checkAt(position: { latitude: number; longitude: number; accuracy: number }, name: string) {
  const page = await browser.newSignedInPage('police', {
    viewport: PHONE,
    mobile: true,
    geolocation: position,
  });
  const leaks = positionLeaks(page, position);
  const checks: string[] = [];
  page.on('request', (request) => request.url().includes('/api/zones/check') && checks.push(request.url()));

  // The phone has its copy of the zones before the tap (before its first sync a check asks the api).
  await waitForZoneSnapshot(page);
  const button = page.getByRole('button', { name: 'Am I in a zone?' });
  // Within a thumb's reach: in the lower third of the screen, and at least 48 px tall.
  const box = (await button.boundingBox())!;
  expect(box.y).toBeGreaterThan((PHONE.height * 2) / 3);
  expect(box.height).toBeGreaterThanOrEqual(48);
  await button.click();

  const answer = page.getByTestId('check-answer');
  await answer.waitFor();
  // The position is drawn on the map.
  await page.locator('path.position-dot').waitFor({ state: 'attached' });
  await waitForPositionInView(page);
  await browser.screenshot(page, `check-${name}-phone`);
  // Answered on the phone from the zones it keeps (phone-app.browser-spec.ts goes offline too): no request
  // carried the position, not even to the check endpoint.
  await answer.getByTestId('check-zones-synced').waitFor();
  expect(checks).toEqual([]);
  expect(leaks.map((request) => request.url())).toEqual([]);
  return { page, answer };
}

describe('"Am I in a zone?" on a phone', () => {
  it('inside a zone in force: says so at once, and until when', async () => {
    const { answer } = await checkAt(INSIDE_IN_FORCE, 'inside');
    expect(await answer.getAttribute('data-answer-kind')).toBe('inside-in-force');
    await answer.getByRole('heading', { name: 'You are in a zone in force now' }).waitFor();
    await answer.getByText(site('Södervärn').zone!.name).waitFor();
    await answer.getByText('in force, with no end time').waitFor();
  });

  it('inside a suspended zone: says it is suspended (suspension.browser-spec reads the rest)', async () => {
    const { answer } = await checkAt(INSIDE_SUSPENDED, 'inside-suspended');
    expect(await answer.getAttribute('data-answer-kind')).toBe('inside-suspended');
    await answer.getByRole('heading', { name: 'You are in a suspended zone' }).waitFor();
    await answer.getByText(site('Rosengård').zone!.name).waitFor();
  });

  it('outside but near: names the nearby zone and how far it is', async () => {
    const { page, answer } = await checkAt(NEAR, 'near');
    expect(await answer.getAttribute('data-answer-kind')).toBe('near');
    await answer.getByRole('heading', { name: 'You are not in any zone' }).waitFor();
    const line = answer.getByRole('listitem').filter({ hasText: site('Södervärn').zone!.name });
    expect(await line.textContent()).toMatch(/\b(6\d|7\d) m · in force/);
    // A zone in the answer opens its details.
    await line.getByRole('button').click();
    await page
      .getByTestId('zone-details')
      .getByRole('heading', { name: site('Södervärn').zone!.name })
      .waitFor();
  });

  it('far from every zone: says there are none nearby, and the answer can be closed', async () => {
    const { page, answer } = await checkAt(FAR, 'far');
    expect(await answer.getAttribute('data-answer-kind')).toBe('none');
    await answer.getByRole('heading', { name: 'No zones within 300 m' }).waitFor();
    await answer.getByRole('button', { name: 'Close the answer' }).click();
    await answer.waitFor({ state: 'detached' });
    await page.locator('path.position-dot').waitFor({ state: 'detached' });
  });

  it('tells what to do when location access is refused', async () => {
    const page = await browser.newSignedInPage('police', { viewport: PHONE, mobile: true });
    await page.getByRole('button', { name: 'Am I in a zone?' }).click();
    const answer = page.getByTestId('check-answer');
    await answer.getByText('Allow location access for Samverkan').waitFor();
    expect(await answer.getAttribute('data-answer-kind')).toBe('failed');
  });
});
