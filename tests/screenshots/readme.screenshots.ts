import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Meeting } from '@samverkan/contracts';
import { DEMO_SITES } from '../../apps/api/src/demo/demo-map.data';
import { DEMO_MEETING_SERIES } from '../../apps/api/src/demo/demo-meetings.data';
import { apiJson, waitForPositionInView, waitForSameView } from '../browser/support/app-helpers';
import { DESKTOP, PHONE, useBrowser } from '../browser/support/browser-harness';

const browser = useBrowser();

// The pictures in the README, written to docs/screenshots/ by `npm run screenshots` (see jest.config.cjs here).
// A script, not a test: each step waits for what the picture must show, and the browser harness fails a step
// whose page reported an error, but nothing here checks behaviour the browser tests do not.
const DOCS = join(__dirname, '..', '..', 'docs', 'screenshots');
const publish = (path: string, name: string) => {
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(path, join(DOCS, name));
};

/** Södervärn, Triangeln, Möllevången and Davidshall in one view, at a zoom where zones carry labels. */
const CENTRAL_MALMO = JSON.stringify({ lat: 55.5897, lng: 13.0062, zoom: 15 });

describe('README screenshots', () => {
  it('the desktop map with zones and the messages panel open', async () => {
    const page = await browser.newSignedInPage('police', {
      viewport: DESKTOP,
      localStorage: { 'samverkan.mapView': CENTRAL_MALMO },
    });
    const staff = await browser.newSignedInPage('service');
    await page.locator('path[data-zone-id]').first().waitFor({ state: 'attached' });
    const say = async (on: typeof page, text: string) => {
      await on.getByLabel('Write a message').fill(text);
      await on.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByTestId('message').filter({ hasText: text }).first().waitFor();
    };
    for (const on of [page, staff]) {
      await on.getByTestId('messages-button').click();
      await on.getByTestId('channel-item').filter({ hasText: 'Joint channel' }).click();
    }
    await say(page, 'Patrol passing Södervärn around 14:00. We keep clear of the agreed zone.');
    await say(staff, 'Thanks. The exchange is open until 16:00 today; the evening outreach starts at 19:00.');
    await page.locator('.leaflet-tooltip.zone-label').first().waitFor();
    const path = await browser.screenshot(page, 'readme-desktop-map-chat');
    publish(path, 'desktop-map-chat.png');
  });

  it('the phone check result', async () => {
    const [longitude, latitude] = DEMO_SITES.find((site) => site.name.includes('Södervärn'))!.location
      .coordinates;
    const page = await browser.newSignedInPage('police', {
      viewport: PHONE,
      mobile: true,
      locale: 'sv-SE',
      geolocation: { latitude, longitude, accuracy: 12 },
    });
    await page.getByRole('button', { name: 'Är jag i en zon?' }).click();
    await page
      .getByTestId('check-answer')
      .getByRole('heading', { name: 'Du är i en zon som gäller nu' })
      .waitFor();
    await waitForPositionInView(page);
    const path = await browser.screenshot(page, 'readme-phone-check');
    publish(path, 'phone-check.png');
  });

  it('a joint meeting on the shared map, followed by an officer', async () => {
    const { accessToken } = await browser.signInThroughApi('police');
    const series = await apiJson<Meeting[]>(
      browser.baseUrl,
      accessToken,
      `/api/meetings?series=${encodeURIComponent(DEMO_MEETING_SERIES)}`,
    );
    const meeting = series[series.length - 1];
    const item = meeting.agenda.find((candidate) => candidate.zoneId)!;
    const coordinator = await browser.newSignedInPage('coordinator', { viewport: DESKTOP });
    const police = await browser.newSignedInPage('police', { viewport: DESKTOP });
    for (const page of [coordinator, police]) {
      await page.goto(`${browser.baseUrl}/#/meetings/${meeting.id}`);
      await page.getByTestId('meeting-panel').getByRole('heading', { name: meeting.title }).waitFor();
    }
    await coordinator.getByRole('button', { name: /^(Present the map|Take over presenting)$/ }).click();
    const card = (page: typeof police) =>
      page.getByTestId('agenda-item').filter({ hasText: item.title }).first();
    await card(coordinator).getByRole('button', { name: 'Show to everyone' }).click();
    await card(police).getByTestId('current-item-badge').waitFor();
    await police.getByText('You are following').waitFor();
    await waitForSameView(police, coordinator);
    const path = await browser.screenshot(police, 'readme-meeting-shared-map');
    publish(path, 'meeting-shared-map.png');
  });
});
