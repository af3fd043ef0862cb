import type { Meeting, Organisation } from '@samverkan/contracts';
import { DEMO_ORGANISATIONS } from '../../apps/api/src/demo/demo-data';
import { apiJson, unique } from './support/app-helpers';
import { useBrowser } from './support/browser-harness';

const browser = useBrowser();

/** A meeting of the police and the needle exchange with one agenda item, made by the coordinator. */
async function meetingWithOneItem(): Promise<{ meeting: Meeting; token: string }> {
  const { accessToken: token } = await browser.signInThroughApi('coordinator');
  const organisations = await apiJson<Organisation[]>(browser.baseUrl, token, '/api/organisations');
  const organisationIds = [DEMO_ORGANISATIONS.police.name, DEMO_ORGANISATIONS.needleExchange.name].map(
    (name) => organisations.find((organisation) => organisation.name === name)!.id,
  );
  const meeting = await apiJson<Meeting>(browser.baseUrl, token, '/api/meetings', {
    method: 'POST',
    body: {
      title: unique('Samverkansmöte'),
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      organisationIds,
    },
  });
  await apiJson(browser.baseUrl, token, `/api/meetings/${meeting.id}/agenda`, {
    method: 'POST',
    body: { title: 'Oro för läckage vid entrén' },
  });
  return { meeting: await apiJson<Meeting>(browser.baseUrl, token, `/api/meetings/${meeting.id}`), token };
}

describe('identity guard', () => {
  it('says in Swedish, while the coordinator types the minutes, that a personal identity number and a phone number must go, and the api refuses them in Swedish too', async () => {
    // The decision below is sent on purpose, and the browser logs the api's 400.
    browser.allowConsoleErrors(/status of 400 \(Bad Request\)/);
    const { meeting, token } = await meetingWithOneItem();
    const page = await browser.newSignedInPage('coordinator', { locale: 'sv-SE' });
    await page.goto(`${browser.baseUrl}/#/meetings/${meeting.id}`);
    const card = page.getByTestId('agenda-item').filter({ hasText: 'Oro för läckage vid entrén' });
    const minutes = card.getByLabel('Protokoll');
    const save = card.getByRole('button', { name: 'Spara protokoll' });

    await minutes.fill('Säljaren är känd: Kalle Andersson, 19850101 – 1236, nås på 070.123.45.67.');
    const hint = card.getByTestId('minutes').getByTestId('identity-hint');
    await hint
      .getByText(
        'Texten verkar innehålla ett personnummer och ett telefonnummer. Ta bort det – inget som sparas här får kunna identifiera en person.',
      )
      .waitFor();
    expect(await save.isDisabled()).toBe(true);
    await browser.screenshot(page, 'minutes-identity-refused');

    // Taking them out clears the hint, and the minutes save.
    await minutes.fill('Oro för läckage vid entrén; personalen följer upp med polisen 2026-05-04 kl. 14:00.');
    await hint.waitFor({ state: 'detached' });
    await save.click();
    await card.getByText('Sparat.').waitFor();

    // A decision sent with a phone number in it: the hint warned, and the api's refusal is shown in Swedish.
    await card.getByRole('button', { name: 'Anteckna beslut' }).click();
    await card.getByLabel('Beslut', { exact: true }).fill('Ring säljaren på 070-123 45 67');
    await card.getByText('Texten verkar innehålla ett telefonnummer.', { exact: false }).first().waitFor();
    await card.getByRole('button', { name: 'Spara beslut' }).click();
    await card
      .locator('p.field-error')
      .filter({ hasText: 'Texten verkar innehålla ett telefonnummer' })
      .waitFor();
    expect(await page.getByText('must not identify a person').count()).toBe(0);

    const saved = await apiJson<Meeting>(browser.baseUrl, token, `/api/meetings/${meeting.id}`);
    expect(saved.agenda[0].minutes).toBe(
      'Oro för läckage vid entrén; personalen följer upp med polisen 2026-05-04 kl. 14:00.',
    );
    expect(saved.decisions).toEqual([]);
  });
});
