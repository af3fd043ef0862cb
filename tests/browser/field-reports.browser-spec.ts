import type { FieldReport, Meeting, SiteFeatureCollection } from '@samverkan/contracts';
import type { Page } from 'playwright-core';
import { TOKEN_STORAGE_KEY } from '../../apps/web/src/auth/session.store';
import { apiJson, expectNoSidewaysScrolling } from './support/app-helpers';
import { PHONE, useBrowser } from './support/browser-harness';

const browser = useBrowser();

// A needle exchange site of the demo data: its service staff (service@demo) see the reports about it.
const SITE = 'Demo – Sprututbytet Södervärn (fiktivt)';

/** The panel scrolls on its own on a phone: a tall viewport shows all of it in one picture. */
async function screenshotWholePanel(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: 2000 });
  await browser.screenshot(page, name);
  await page.setViewportSize(viewport);
}

/** The demo officer's sign-in through the api, and the id of the demo needle exchange. */
async function officerAndSite(): Promise<{ token: string; siteId: string }> {
  const { accessToken: token } = await browser.signInThroughApi('police');
  const sites = await apiJson<SiteFeatureCollection>(browser.baseUrl, token, '/api/sites');
  const site = sites.features.find((feature) => feature.properties.name === SITE)!;
  return { token, siteId: site.properties.id };
}

/**
 * A report of the test's own about the demo needle exchange, ten minutes ago: inside every period the page
 * offers. Found again by its id, so the text need not be unique (a unique suffix of digits could read as a
 * phone number, which the api refuses).
 */
function writeReport(token: string, siteId: string, body: string): Promise<FieldReport> {
  return apiJson<FieldReport>(browser.baseUrl, token, '/api/reports', {
    method: 'POST',
    body: {
      category: 'enforcement_near_site',
      siteId,
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      body,
    },
  });
}

async function openSitePanel(page: Page, list: string, siteName: string): Promise<void> {
  await page.getByRole('toolbar').getByRole('button', { name: list }).click();
  // The list's row, not the site's marker on the map (a button too, and maybe under the panel on a phone).
  await page.locator('button.feature-list__item').filter({ hasText: siteName }).first().click();
  await page.getByTestId('site-details').getByRole('heading', { name: siteName }).waitFor();
}

describe('field reports', () => {
  it('an officer records a report on a phone, and the service staff see it on the site panel', async () => {
    // A unique text, so the check does not depend on what other tests or earlier runs wrote.
    const marker = Math.random().toString(36).slice(2, 8).replace(/\d/g, 'x');
    const body = `Två patruller stod vid entrén under öppettiden, märkt ${marker}.`;
    const officer = await browser.newSignedInPage('police', {
      viewport: PHONE,
      mobile: true,
      locale: 'sv-SE',
    });
    const started = Date.now();

    await openSitePanel(officer, 'Lista', SITE);
    const reports = officer.getByTestId('place-reports');
    await reports.getByRole('button', { name: 'Rapportera' }).click();
    const form = reports.getByTestId('report-form');
    // The place is chosen already, the time is now, and the reminder is in the writer's language.
    await form.getByText(SITE).waitFor();
    await form.getByText('Skriv inget som kan identifiera en person').waitFor();
    expect(await form.getByLabel('När hände det?').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

    await form.getByText('Ingripande nära verksamhet').click();
    // The identity guard runs on the phone: a phone number is named, never echoed, and nothing is sent.
    const posts: string[] = [];
    officer.on(
      'request',
      (request) =>
        request.method() === 'POST' && request.url().endsWith('/api/reports') && posts.push(request.url()),
    );
    await form.getByLabel('Vad hände?').fill('Ring 070-123 45 67 om det händer igen.');
    await form.getByText('Texten verkar innehålla ett telefonnummer').waitFor();
    await form.getByRole('button', { name: 'Skicka rapporten' }).click();
    expect(await form.getByLabel('Vad hände?').getAttribute('aria-invalid')).toBe('true');
    await browser.screenshot(officer, 'field-report-phone-identity-guard');
    expect(posts).toEqual([]);

    await form.getByLabel('Vad hände?').fill(body);
    await screenshotWholePanel(officer, 'field-report-phone-form');
    await form.getByRole('button', { name: 'Skicka rapporten' }).click();

    await reports.getByRole('status').filter({ hasText: 'Rapporten är skickad.' }).waitFor();
    const card = reports.getByTestId('report-card').filter({ hasText: body });
    await card.waitFor();
    expect(await card.textContent()).toContain('Öppen');
    expect(posts).toHaveLength(1);
    // Under a minute from the panel opening to the report stored, with the test's own typing.
    expect(Date.now() - started).toBeLessThan(60_000);
    await expectNoSidewaysScrolling(officer);
    await card.scrollIntoViewIfNeeded();
    await browser.screenshot(officer, 'field-report-phone-sent');

    // The same report in the list of reports, where the officer's organisation can move it along.
    await officer.getByRole('navigation').getByRole('link', { name: 'Rapporter' }).click();
    await officer.getByTestId('reports-page').getByTestId('report-card').filter({ hasText: body }).waitFor();
    await browser.screenshot(officer, 'field-reports-list-phone');

    const staff = await browser.newSignedInPage('service');
    await openSitePanel(staff, 'List', SITE);
    const staffCard = staff.getByTestId('place-reports').getByTestId('report-card').filter({ hasText: body });
    await staffCard.waitFor();
    expect(await staffCard.textContent()).toContain('Enforcement near a site');

    // The site's organisation moves the report along: open → discussed.
    await staffCard.getByRole('button', { name: 'Mark as discussed' }).click();
    await staffCard.getByText('Discussed', { exact: true }).waitFor();
    await staffCard.scrollIntoViewIfNeeded();
    await browser.screenshot(staff, 'field-report-staff-site-panel');
  });

  it('lists reports with filters and shows the counts as a chart and a table by site', async () => {
    // Two reports of this test's own, so neither the list nor the counts depend on other tests: one stays
    // open, the officer's organisation closes the other.
    const { token, siteId } = await officerAndSite();
    const openReport = await writeReport(token, siteId, 'Patrull vid entrén, ännu inte diskuterad.');
    const closedReport = await writeReport(token, siteId, 'Patrull vid entrén, redan avslutad.');
    await apiJson<FieldReport>(browser.baseUrl, token, `/api/reports/${closedReport.id}`, {
      method: 'PATCH',
      body: { version: closedReport.version, status: 'closed' },
    });

    const page = await browser.newSignedInPage('coordinator');
    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Field reports' }).waitFor();
    const list = page.getByTestId('reports-page');
    const card = (report: FieldReport) => list.locator(`[data-report-id="${report.id}"]`);
    await card(closedReport).getByText('Closed', { exact: true }).waitFor();

    await page.getByRole('combobox', { name: 'Period' }).selectOption('90d');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('open');
    // Only the list loaded with the status filter leaves the closed report out (a list still loading shows
    // the last one), and an empty list would pass the check on every status below.
    await card(closedReport).waitFor({ state: 'detached' });
    await card(openReport).waitFor();
    const statuses = await list.getByTestId('report-card').locator('.report-status').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 'Open')).toBe(true);

    await page.getByRole('tab', { name: 'Counts' }).click();
    await page.getByTestId('report-week-chart').waitFor();
    // Chart.js draws on the canvas once its chunk has loaded.
    await page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="report-week-chart"] canvas');
      return Boolean(
        canvas &&
        canvas.width > 0 &&
        canvas
          .getContext('2d')
          ?.getImageData(0, 0, canvas.width, canvas.height)
          .data.some((value) => value !== 0),
      );
    });
    await page.getByTestId('report-site-table').getByRole('rowheader', { name: SITE }).waitFor();
    await browser.screenshot(page, 'field-report-counts-desktop');
  });

  it("a coordinator puts a report on the agenda of a meeting whose organisations may all read it, from its card", async () => {
    // A report of this test's own, written by the demo officer about the demo needle exchange.
    const { token: policeToken, siteId } = await officerAndSite();
    const report = await writeReport(policeToken, siteId, 'Patrull vid entrén, tas upp på mötet.');
    // A link is allowed only when every organisation of the meeting may read the report: the demo series also
    // has the OST clinic, which may not, so the coordinator meets with the police and the needle exchange.
    const { accessToken: coordinatorToken } = await browser.signInThroughApi('coordinator');
    const organisations = await apiJson<{ id: string; name: string }[]>(browser.baseUrl, coordinatorToken, '/api/organisations');
    const idOf = (name: string) => organisations.find((organisation) => organisation.name === name)!.id;
    const meeting = await apiJson<Meeting>(browser.baseUrl, coordinatorToken, '/api/meetings', {
      method: 'POST',
      body: {
        title: 'Demo – Uppföljning Södervärn',
        startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        organisationIds: [
          idOf('Demo – Polisområde Malmö City (fiktivt)'),
          idOf('Demo – Sprututbytet Malmö (fiktivt)'),
          idOf('Demo – Malmö stad, samordning (fiktiv)'),
        ],
      },
    });

    const page = await browser.newSignedInPage('coordinator');
    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    const card = page.getByTestId('reports-page').locator(`[data-report-id="${report.id}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: "Put on a meeting's agenda" }).click();
    const chooser = card.getByRole('combobox', { name: 'Meeting' });
    // The keyboard is in the chooser at once.
    await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
    await chooser.selectOption(meeting.id);
    await browser.screenshot(page, 'field-report-agenda-chooser');
    await card.getByRole('button', { name: 'Add to the agenda' }).click();

    await card
      .getByRole('status')
      .filter({ hasText: `On the agenda of ${meeting.title}` })
      .waitFor();
    expect(await card.getByRole('button', { name: "Put on a meeting's agenda" }).count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await browser.screenshot(page, 'field-report-on-agenda');

    // The meeting as the api has it now, read with the page's own sign-in.
    const token = (await page.evaluate((key) => localStorage.getItem(key), TOKEN_STORAGE_KEY))!;
    const stored = await apiJson<Meeting>(browser.baseUrl, token, `/api/meetings/${meeting.id}`);
    expect(stored.agenda.filter((item) => item.reportId === report.id)).toEqual([
      expect.objectContaining({
        title: `Field report: Enforcement near a site – ${SITE}`,
        siteId,
      }),
    ]);

    // Loaded again, the card still says where the report is to be discussed, and offers nothing more.
    await page.reload();
    await page
      .getByTestId('reports-page')
      .locator(`[data-report-id="${report.id}"]`)
      .getByText(`On the agenda of ${meeting.title}`)
      .waitFor();
  });
});
