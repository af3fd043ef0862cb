import type {
  AgendaItem,
  MapBounds,
  Meeting,
  Organisation,
  ZoneFeatureCollection,
} from '@samverkan/contracts';
import type { Page } from 'playwright-core';
import { DEMO_ORGANISATIONS } from '../../apps/api/src/demo/demo-data';
import {
  apiJson,
  expectNoSidewaysScrolling,
  holdDrawingTools,
  mapViewOf,
  sameView,
  settledView,
  unique,
  waitForMapIdle,
  waitForSameView,
  zoneShape,
} from './support/app-helpers';
import { waitFor } from '../support/wait';
import { DEMO_ACCOUNTS, PHONE, useBrowser } from './support/browser-harness';

const browser = useBrowser();

async function organisationIds(token: string, ...names: string[]): Promise<string[]> {
  const organisations = await apiJson<Organisation[]>(browser.baseUrl, token, '/api/organisations');
  return names.map((name) => organisations.find((organisation) => organisation.name === name)!.id);
}

/** A meeting of the police and the needle exchange with two items on two demo zones, made by the coordinator. */
async function meetingWithTwoZones(): Promise<{ meeting: Meeting; token: string }> {
  const { accessToken: token } = await browser.signInThroughApi('coordinator');
  const { features } = await apiJson<ZoneFeatureCollection>(browser.baseUrl, token, '/api/zones');
  const [first, second] = features;
  const meeting = await apiJson<Meeting>(browser.baseUrl, token, '/api/meetings', {
    method: 'POST',
    body: {
      title: unique('Samverkansmöte'),
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: 'Polishuset',
      organisationIds: await organisationIds(
        token,
        DEMO_ORGANISATIONS.police.name,
        DEMO_ORGANISATIONS.needleExchange.name,
      ),
    },
  });
  for (const zone of [first, second])
    await apiJson(browser.baseUrl, token, `/api/meetings/${meeting.id}/agenda`, {
      method: 'POST',
      body: { title: `Zon: ${zone.properties.name}`, zoneId: zone.properties.id },
    });
  return { meeting: await apiJson<Meeting>(browser.baseUrl, token, `/api/meetings/${meeting.id}`), token };
}

async function openMeeting(page: Page, meeting: Meeting): Promise<void> {
  await page.goto(`${browser.baseUrl}/#/meetings/${meeting.id}`);
  await page.getByTestId('meeting-panel').getByRole('heading', { name: meeting.title }).waitFor();
}

function barStatus(page: Page) {
  return page.getByTestId('meeting-bar-status');
}

/** The edges of what a page's map shows, from its settled centre, zoom and size (Web Mercator, 256 px tiles). */
async function shownBounds(page: Page): Promise<MapBounds> {
  const view = await mapViewOf(page);
  const size = (await page.getByTestId('map').boundingBox())!;
  const world = 256 * 2 ** view.zoom;
  const x = (view.lng + 180) / 360;
  const sin = Math.sin((view.lat * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  const lngAt = (px: number) => (px / world) * 360 - 180;
  const latAt = (py: number) => (Math.atan(Math.sinh(Math.PI - (2 * Math.PI * py) / world)) * 180) / Math.PI;
  return {
    west: lngAt(x * world - size.width / 2),
    east: lngAt(x * world + size.width / 2),
    north: latAt(y * world - size.height / 2),
    south: latAt(y * world + size.height / 2),
  };
}

const holds = (outer: MapBounds, inner: MapBounds) =>
  outer.west <= inner.west + 1e-6 &&
  outer.east >= inner.east - 1e-6 &&
  outer.south <= inner.south + 1e-6 &&
  outer.north >= inner.north - 1e-6;

describe('meetings', () => {
  it('a coordinator prepares a meeting, records minutes, a decision and an action, and exports the minutes', async () => {
    const coordinator = await browser.newSignedInPage('coordinator');
    await coordinator.goto(`${browser.baseUrl}/#/meetings`);
    await coordinator.getByRole('button', { name: 'New meeting' }).click();
    const title = unique('Möte om Södervärn');
    const form = coordinator.getByTestId('meeting-form');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Time').fill('2027-01-14T09:00');
    await form.getByLabel('Place or link').fill('Polishuset, Porslinsgatan 3');
    await form.getByLabel(DEMO_ORGANISATIONS.police.name).check();
    await form.getByLabel(DEMO_ORGANISATIONS.needleExchange.name).check();
    await form.getByRole('button', { name: 'Create meeting' }).click();

    // The new meeting opens on the map.
    const panel = coordinator.getByTestId('meeting-panel');
    await panel.getByRole('heading', { name: title }).waitFor();
    await panel.getByRole('button', { name: 'Add an item' }).click();
    const itemForm = panel.getByTestId('agenda-item-form');
    await itemForm.getByLabel('Title').fill('Öppettider och zonen vid sprututbytet');
    // The item's place is picked on the map. Escape ends the picking, not the panel.
    const pickOnMap = itemForm.getByRole('button', { name: 'Pick on the map' });
    const pickHint = itemForm.getByText('Click a site or a zone on the map. Esc cancels.');
    await pickOnMap.click();
    await pickHint.waitFor();
    await coordinator.keyboard.press('Escape');
    await pickHint.waitFor({ state: 'detached' });
    expect(await itemForm.isVisible()).toBe(true);
    // A click on the needle exchange picks the site (and opens no site panel) …
    await waitForMapIdle(coordinator);
    const marker = coordinator.getByTestId('map').locator('.site-marker--needle_exchange').first();
    const siteId = (await marker.getAttribute('data-site-id'))!;
    await pickOnMap.click();
    await marker.click();
    await pickHint.waitFor({ state: 'detached' });
    expect(await itemForm.getByLabel('Site (optional)').inputValue()).toBe(siteId);
    // … and a click on the zone around it picks the zone, its edge above the marker.
    const zoneId = await coordinator.evaluate((id) => {
      const site = document.querySelector(`[data-site-id="${id}"]`)!.getBoundingClientRect();
      const [x, y] = [site.left + site.width / 2, site.top + site.height / 2];
      const around = [...document.querySelectorAll('path[data-zone-role="current"]')].find((path) => {
        const box = path.getBoundingClientRect();
        return box.left < x && box.right > x && box.top < y && box.bottom > y;
      });
      return around?.getAttribute('data-zone-id') ?? null;
    }, siteId);
    expect(zoneId).not.toBeNull();
    await pickOnMap.click();
    const zoneBox = (await zoneShape(coordinator, zoneId!).boundingBox())!;
    await zoneShape(coordinator, zoneId!).click({ position: { x: zoneBox.width / 2, y: 4 } });
    await pickHint.waitFor({ state: 'detached' });
    expect(await itemForm.getByLabel('Zone (optional)').inputValue()).toBe(zoneId);
    expect(await itemForm.getByLabel('Site (optional)').inputValue()).toBe(siteId);
    await itemForm.getByRole('button', { name: 'Add' }).click();
    const item = panel.getByTestId('agenda-item').filter({ hasText: 'Öppettider och zonen' });
    await item.waitFor();
    await item.getByText('Zone:').waitFor();

    // An item added by mistake goes again, after a confirmation.
    await panel.getByRole('button', { name: 'Add an item' }).click();
    await panel.getByTestId('agenda-item-form').getByLabel('Title').fill('Övrigt (av misstag)');
    await panel.getByTestId('agenda-item-form').getByRole('button', { name: 'Add' }).click();
    const mistake = panel.getByTestId('agenda-item').filter({ hasText: 'Övrigt (av misstag)' });
    await mistake.getByRole('button', { name: 'Remove' }).click();
    const confirm = coordinator.getByRole('dialog', { name: 'Remove?' });
    await confirm.getByText('Remove the item “Övrigt (av misstag)” and its minutes?').waitFor();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await mistake.waitFor({ state: 'detached' });

    await item.getByLabel('Minutes').fill('Polisen håller avstånd under öppettiderna.');
    await item.getByRole('button', { name: 'Save minutes' }).click();
    await item.getByText('Saved.').waitFor();

    await item.getByRole('button', { name: 'Record a decision' }).click();
    await item.getByTestId('decision-form').getByLabel('Decision').fill('Zonen gäller även lördagar.');
    await item.getByRole('button', { name: 'Save decision' }).click();
    await item.getByTestId('decision').filter({ hasText: 'Zonen gäller även lördagar.' }).waitFor();

    const actionTitle = unique('Informera nattpatrullen');
    await item.getByRole('button', { name: 'New action' }).click();
    const actionForm = item.getByTestId('action-form');
    await actionForm.getByLabel('What is to be done').fill(actionTitle);
    await actionForm
      .getByLabel('Owner')
      .selectOption({ label: `${DEMO_ACCOUNTS.police.displayName} (${DEMO_ORGANISATIONS.police.name})` });
    await actionForm.getByLabel('Due').fill('2027-01-21');
    await actionForm.getByRole('button', { name: 'Save action' }).click();
    await item.getByTestId('action').filter({ hasText: actionTitle }).waitFor();
    await browser.screenshot(coordinator, 'meeting-prepared');

    // Since last meeting: counts for the meeting's organisations.
    await panel.getByRole('tab', { name: 'Since last meeting' }).click();
    const summary = panel.getByTestId('meeting-summary');
    await summary.getByText('Counts only: no places, no personal data.').waitFor();
    await summary.getByText('Zones proposed').waitFor();
    await browser.screenshot(coordinator, 'meeting-summary');

    // The printable minutes open in a new window, with everything recorded.
    await panel.getByRole('tab', { name: 'About' }).click();
    const [minutes] = await Promise.all([
      coordinator.context().waitForEvent('page'),
      panel.getByTestId('export-html').click(),
    ]);
    await minutes.waitForFunction(() => document.body?.textContent?.includes('Zonen gäller även lördagar.'));
    const text = await minutes.locator('body').innerText();
    expect(text).toContain(title);
    expect(text).toContain('Polisen håller avstånd under öppettiderna.');
    expect(text).toContain(actionTitle);
    expect(text).toContain(DEMO_ORGANISATIONS.needleExchange.name);
    await browser.screenshot(minutes, 'meeting-minutes-printable');
    await minutes.close();

    // The officer finds the action in "my actions" and marks it done.
    const police = await browser.newSignedInPage('police');
    await police.goto(`${browser.baseUrl}/#/meetings`);
    const mine = police.getByTestId('my-action').filter({ hasText: actionTitle });
    await mine.waitFor();
    await Promise.all([
      police.waitForResponse(
        (response) => response.request().method() === 'PATCH' && response.url().includes('/actions/'),
      ),
      mine.getByRole('checkbox').check(),
    ]);
    await police.reload();
    await police
      .getByTestId('my-action')
      .filter({ hasText: actionTitle })
      .getByRole('checkbox', { checked: true })
      .waitFor();
  });

  it('the summary of a meeting whose previous one is still ahead shows an empty period, with no error', async () => {
    // Two meetings of the same organisations planned for later today: the later one's "since last meeting" runs
    // from now to now. The page must not ask the reports api for that range (it refuses one without length).
    const { accessToken: token } = await browser.signInThroughApi('coordinator');
    const ids = await organisationIds(
      token,
      DEMO_ORGANISATIONS.police.name,
      DEMO_ORGANISATIONS.needleExchange.name,
    );
    const plan = (hoursAhead: number) =>
      apiJson<Meeting>(browser.baseUrl, token, '/api/meetings', {
        method: 'POST',
        body: {
          title: unique('Samverkansmöte'),
          startsAt: new Date(Date.now() + hoursAhead * 3_600_000).toISOString(),
          place: 'Polishuset',
          organisationIds: ids,
        },
      });
    await plan(2);
    const later = await plan(3);

    const coordinator = await browser.newSignedInPage('coordinator');
    await openMeeting(coordinator, later);
    const panel = coordinator.getByTestId('meeting-panel');
    await panel.getByRole('tab', { name: 'Since last meeting' }).click();
    const summary = panel.getByTestId('meeting-summary');
    await summary.getByText('No field reports in the period.').waitFor();
    expect(await summary.getByText(/^From the previous meeting on /).count()).toBe(1);
  });

  it('ticks an action at once, and unticks it with the reason when the server refuses', async () => {
    const { meeting, token } = await meetingWithTwoZones();
    const { user: officer } = await browser.signInThroughApi('police');
    const title = unique('Kontrollera skyltningen');
    await apiJson(browser.baseUrl, token, `/api/meetings/${meeting.id}/actions`, {
      method: 'POST',
      body: { title, ownerId: officer.id, dueDate: '2027-01-15' },
    });
    browser.allowConsoleErrors(/status of 409 \(Conflict\)/);
    const police = await browser.newSignedInPage('police');
    // The server answers only when the test lets it, and refuses: someone changed the action meanwhile.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await police.route('**/api/meetings/*/actions/*', async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      await answered;
      await route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 409, error: 'Conflict', message: 'The action was changed meanwhile: reload it' }),
      });
    });
    await police.goto(`${browser.baseUrl}/#/meetings`);
    const action = police.getByTestId('my-action').filter({ hasText: title });
    await action.getByRole('checkbox').check();
    expect(await action.getByRole('checkbox').isChecked()).toBe(true);
    answer();
    await police.getByRole('alert').filter({ hasText: /Någon annan ändrade|Someone else changed/ }).waitFor();
    // Read again after the conflict: as the server has it, still open.
    await action.getByRole('checkbox', { checked: false }).waitFor();
  });

  it('the follower sees the presenter’s map and item, looks around alone, snaps back, and takes over presenting', async () => {
    const { meeting, token } = await meetingWithTwoZones();
    const [firstItem, secondItem] = meeting.agenda;
    const coordinator = await browser.newSignedInPage('coordinator');
    const police = await browser.newSignedInPage('police');
    await openMeeting(coordinator, meeting);
    await openMeeting(police, meeting);
    await barStatus(police).getByText('Nobody is presenting the map right now.').waitFor();

    // The coordinator presents and shows the second item: the officer's map goes there, the item is marked.
    await coordinator.getByRole('button', { name: 'Present the map' }).click();
    await barStatus(coordinator).getByText('You are presenting').waitFor();
    await barStatus(police)
      .getByText(`You are following ${DEMO_ACCOUNTS.coordinator.displayName}’s map.`)
      .waitFor();
    const secondCard = (page: Page) => page.getByTestId('agenda-item').filter({ hasText: secondItem.title });
    await secondCard(coordinator).getByRole('button', { name: 'Show to everyone' }).click();
    await secondCard(police).getByTestId('current-item-badge').waitFor();
    const atSecond = await waitForSameView(police, coordinator);
    await browser.screenshot(police, 'meeting-follower-at-item');

    // The officer drags the map: from then on their map stays where they put it.
    const map = police.getByTestId('map');
    const box = (await map.boundingBox())!;
    await police.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await police.mouse.down();
    await police.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 + 80, { steps: 8 });
    await police.mouse.up();
    await barStatus(police).getByText('You are looking around on your own.').waitFor();
    const ownView = await settledView(police);
    expect(sameView(ownView, atSecond)).toBe(false);

    // The presenter moves on to the first item: the mark follows, the officer's map does not.
    const firstCard = (page: Page) => page.getByTestId('agenda-item').filter({ hasText: firstItem.title });
    await firstCard(coordinator).getByRole('button', { name: 'Show to everyone' }).click();
    await firstCard(police).getByTestId('current-item-badge').waitFor();
    // Sentinel: once the api holds the presenter's new view (it passes a view on as it stores it), a change to
    // the meeting sent after it reaches the officer's page after the view would have: only then is the officer's
    // map looked at.
    const presented = await mapViewOf(coordinator);
    await waitFor('the api to hold the presenter’s view', async () => {
      const { view } = await apiJson<Meeting>(browser.baseUrl, token, `/api/meetings/${meeting.id}`);
      return view !== null && sameView({ ...view.center, zoom: view.zoom }, presented);
    });
    const sentinel = await apiJson<AgendaItem>(browser.baseUrl, token, `/api/meetings/${meeting.id}/agenda`, {
      method: 'POST',
      body: { title: unique('Övrigt') },
    });
    await police.getByTestId('agenda-item').filter({ hasText: sentinel.title }).waitFor();
    expect(sameView(await mapViewOf(police), ownView)).toBe(true);

    // Back to the shared view.
    await police.getByRole('button', { name: 'Back to the shared view' }).click();
    await waitForSameView(police, coordinator);
    await barStatus(police).getByText('You are following').waitFor();

    // The coordinator hands presenting over to the officer, whose moves the coordinator then follows.
    await coordinator.getByRole('button', { name: 'Hand over', exact: true }).click();
    await coordinator.getByLabel('Hand presenting over to').selectOption({
      label: `${DEMO_ACCOUNTS.police.displayName} (${DEMO_ORGANISATIONS.police.name})`,
    });
    await coordinator.locator('.meeting-bar__hand-over').getByRole('button', { name: 'Hand over' }).click();
    await barStatus(police).getByText('You are presenting').waitFor();
    await barStatus(coordinator)
      .getByText(`You are following ${DEMO_ACCOUNTS.police.displayName}’s map.`)
      .waitFor();
    const before = await settledView(police);
    await police.getByRole('button', { name: 'Zoom in' }).click();
    await police.waitForFunction(
      (zoom) => JSON.parse(localStorage.getItem('samverkan.mapView') ?? 'null')?.zoom === zoom,
      before.zoom + 1,
    );
    const zoomed = await waitForSameView(coordinator, police);
    expect(zoomed.zoom).toBe(before.zoom + 1);
    await browser.screenshot(coordinator, 'meeting-presenter-handed-over');
  });

  it('a presenter who leaves gives the followers their maps back; a phone follower saw the whole view; the coordinator takes over', async () => {
    const { meeting, token } = await meetingWithTwoZones();
    const secondItem = meeting.agenda[1];
    const signatory = await browser.newSignedInPage('policeSignatory');
    const police = await browser.newSignedInPage('police', { viewport: PHONE, mobile: true });
    const coordinator = await browser.newSignedInPage('coordinator');
    await openMeeting(signatory, meeting);
    await signatory.getByRole('button', { name: 'Present the map' }).click();
    await barStatus(signatory).getByText('You are presenting').waitFor();
    const presenterName = DEMO_ACCOUNTS.policeSignatory.displayName;
    for (const page of [police, coordinator]) {
      await openMeeting(page, meeting);
      await barStatus(page).getByText(`You are following ${presenterName}’s map.`).waitFor();
    }

    // The presenter shows an item; the officer's phone, much smaller than the presenter's map, shows all of it.
    await signatory
      .getByTestId('agenda-item')
      .filter({ hasText: secondItem.title })
      .getByRole('button', { name: 'Show to everyone' })
      .click();
    await police.getByTestId('current-item-badge').waitFor();
    const presented = await mapViewOf(signatory);
    const { bounds } = await waitFor('the api to hold the presenter’s view with its bounds', async () => {
      const { view } = await apiJson<Meeting>(browser.baseUrl, token, `/api/meetings/${meeting.id}`);
      return view?.bounds && sameView({ ...view.center, zoom: view.zoom }, presented) ? view : null;
    });
    let shown: MapBounds | null = null;
    await waitFor(
      () => `the phone's map (${JSON.stringify(shown)}) to show the presenter's (${JSON.stringify(bounds)})`,
      async () => holds((shown = await shownBounds(police)), bounds!),
    );
    expect((await mapViewOf(police)).zoom).toBeLessThan(presented.zoom);
    await waitForSameView(coordinator, signatory);
    await browser.screenshot(police, 'meeting-phone-follower-whole-view');

    // The presenter's page closes. Past the grace period (20 s) the others are told, and their maps are theirs.
    await signatory.close();
    for (const page of [police, coordinator]) {
      await barStatus(page)
        .getByText(`${presenterName} left. You have your map back.`)
        .waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="meeting-bar"][data-following="false"]').waitFor();
    }
    await expect(police.getByRole('button', { name: 'Back to the shared view' }).count()).resolves.toBe(0);
    await browser.screenshot(police, 'meeting-presenter-left');

    // The coordinator takes over presenting: the officer follows them.
    await coordinator.getByRole('button', { name: 'Present the map' }).click();
    await barStatus(coordinator).getByText('You are presenting').waitFor();
    await barStatus(police)
      .getByText(`You are following ${DEMO_ACCOUNTS.coordinator.displayName}’s map.`)
      .waitFor();
    const taken = await mapViewOf(coordinator);
    await waitFor('the phone to follow the coordinator', async () => {
      const { view } = await apiJson<Meeting>(browser.baseUrl, token, `/api/meetings/${meeting.id}`);
      return (
        view?.bounds &&
        sameView({ ...view.center, zoom: view.zoom }, taken) &&
        holds(await shownBounds(police), view.bounds)
      );
    });
  });

  it('a participant whose map is made late (drawing tools still loading) still follows the presenter', async () => {
    const { meeting } = await meetingWithTwoZones();
    const secondItem = meeting.agenda[1];
    const coordinator = await browser.newSignedInPage('coordinator');
    await openMeeting(coordinator, meeting);
    await coordinator.getByRole('button', { name: 'Present the map' }).click();
    await barStatus(coordinator).getByText('You are presenting').waitFor();
    await coordinator
      .getByTestId('agenda-item')
      .filter({ hasText: secondItem.title })
      .getByRole('button', { name: 'Show to everyone' })
      .click();
    await waitForMapIdle(coordinator);

    // Service staff draw zones, so their map waits for Geoman: the shared view arrives before the map does.
    const { accessToken } = await browser.signInThroughApi('service');
    const staff = await browser.newPage({ welcomed: true, token: accessToken });
    const releaseDrawingTools = await holdDrawingTools(staff);
    await openMeeting(staff, meeting);
    await barStatus(staff)
      .getByText(`You are following ${DEMO_ACCOUNTS.coordinator.displayName}’s map.`)
      .waitFor();
    expect(await staff.locator('.leaflet-container').count()).toBe(0);
    releaseDrawingTools();
    await waitForSameView(staff, coordinator);
  });

  it('two people saving the same minutes: the second sees both texts and chooses', async () => {
    // The browser logs the api's 409 (the conflict this test is about).
    browser.allowConsoleErrors(/status of 409 \(Conflict\)/);
    const { meeting, token } = await meetingWithTwoZones();
    const item = meeting.agenda[0];
    const coordinator = await browser.newSignedInPage('coordinator');
    const staff = await browser.newSignedInPage('service');
    await openMeeting(coordinator, meeting);
    await openMeeting(staff, meeting);
    const card = (page: Page) => page.getByTestId('agenda-item').filter({ hasText: item.title });

    await card(staff).getByLabel('Minutes').fill('Personalen: zonen fungerar bra.');
    await card(coordinator).getByLabel('Minutes').fill('Samordnaren: polisen följer överenskommelsen.');
    await card(coordinator).getByRole('button', { name: 'Save minutes' }).click();
    await card(coordinator).getByText('Saved.').waitFor();

    // The staff member's text is kept, and they are told someone else saved meanwhile.
    await card(staff).getByText('Someone else saved these minutes while you were writing.').waitFor();
    expect(await card(staff).getByLabel('Minutes').inputValue()).toBe('Personalen: zonen fungerar bra.');
    await card(staff).getByRole('button', { name: 'Save minutes' }).click();
    const conflict = card(staff).getByTestId('minutes-conflict');
    await conflict
      .getByTestId('minutes-theirs')
      .getByText('Samordnaren: polisen följer överenskommelsen.')
      .waitFor();
    await browser.screenshot(staff, 'meeting-minutes-conflict');

    // They merge both into their box and save over the coordinator's on purpose.
    await card(staff)
      .getByLabel('Minutes')
      .fill('Samordnaren: polisen följer överenskommelsen. Personalen: zonen fungerar bra.');
    await conflict.getByRole('button', { name: 'Save my text instead of theirs' }).click();
    await card(staff).getByText('Saved.').waitFor();
    const saved = await apiJson<Meeting>(browser.baseUrl, token, `/api/meetings/${meeting.id}`);
    expect(saved.agenda.find((entry) => entry.id === item.id)!.minutes).toBe(
      'Samordnaren: polisen följer överenskommelsen. Personalen: zonen fungerar bra.',
    );
    // The coordinator's box shows the merged text without a reload.
    await coordinator.waitForFunction(
      (id) =>
        [...document.querySelectorAll<HTMLElement>(`[data-item-id="${id}"] textarea`)].some((area) =>
          (area as HTMLTextAreaElement).value.startsWith(
            'Samordnaren: polisen följer överenskommelsen. Personalen',
          ),
        ),
      item.id,
    );
  });
});

describe('a meeting on a phone', () => {
  it('shows the shared view bar, the map and the agenda sheet without sideways scrolling', async () => {
    const { meeting } = await meetingWithTwoZones();
    const police = await browser.newSignedInPage('police', { viewport: PHONE, mobile: true });
    await openMeeting(police, meeting);
    await barStatus(police).getByText('Nobody is presenting the map right now.').waitFor();
    await expectNoSidewaysScrolling(police);
    await browser.screenshot(police, 'meeting-phone');

    // Closing the sheet gives the map back; the bar's button brings the meeting again.
    await police.getByTestId('meeting-panel').getByRole('button', { name: 'Close' }).click();
    await police.getByTestId('meeting-panel').waitFor({ state: 'detached' });
    await police.getByTestId('meeting-bar').getByRole('button', { name: 'Meeting' }).click();
    await police.getByTestId('meeting-panel').getByRole('heading', { name: meeting.title }).waitFor();
  });
});
