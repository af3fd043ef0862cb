import { chatPath, type Channel } from '@samverkan/contracts';
import { TOKEN_STORAGE_KEY } from '../../apps/web/src/auth/session.store';
import type { Page } from 'playwright-core';
import { apiJson, messagesWithBody, unique } from './support/app-helpers';
import { DEMO_ACCOUNTS, useBrowser } from './support/browser-harness';
import { waitFor } from '../support/wait';

const browser = useBrowser();

async function openChannel(page: Page, name: string): Promise<void> {
  await page.getByTestId('messages-button').click();
  await page.getByTestId('channel-item').filter({ hasText: name }).click();
  await page.getByTestId('channel').getByRole('heading', { name }).waitFor();
}

async function send(page: Page, text: string, urgent = false): Promise<void> {
  const composer = page.getByLabel('Write a message');
  await composer.fill(text);
  if (urgent) await page.getByLabel('Urgent – everyone in the channel gets an alert').check();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  // Stored by the server: the message has its seq, and nothing waits in the outbox.
  await page.getByTestId('message').filter({ hasText: text }).waitFor();
}

describe('messages', () => {
  it('a message from a police officer appears for the service staff live, with an unread badge', async () => {
    const police = await browser.newSignedInPage('police');
    const staff = await browser.newSignedInPage('service');
    await staff.getByTestId('messages-button').click();
    const joint = staff.getByTestId('channel-item').filter({ hasText: 'Joint channel' });
    await joint.waitFor();

    await openChannel(police, 'Joint channel');
    const text = unique('We are at Södervärn now, from the police');
    await send(police, text);

    // The staff member's list marks the channel unread, and the message is there when opened.
    await joint.getByTestId('unread-badge').waitFor();
    await staff.getByTestId('unread-total').waitFor();
    const unreadIn = async (badge: ReturnType<Page['getByTestId']>) =>
      (await badge.count()) === 0 ? 0 : parseInt((await badge.textContent()) ?? '0', 10);
    const jointUnread = await unreadIn(joint.getByTestId('unread-badge'));
    const totalUnread = await unreadIn(staff.getByTestId('unread-total'));
    await joint.click();
    await staff
      .getByTestId('message')
      .filter({ hasText: text })
      .getByText(DEMO_ACCOUNTS.police.displayName)
      .waitFor();
    // Shown once, however many ways it reached the page.
    expect(await staff.getByTestId('message').filter({ hasText: text }).count()).toBe(1);
    await joint.waitFor({ state: 'detached' });
    // Reading the channel takes its messages off the total (other channels, such as a zone's notices from the
    // files this worker ran before, may still hold unread ones).
    await waitFor('the joint channel taken off the unread total', async () =>
      (await unreadIn(staff.getByTestId('unread-total'))) === totalUnread - jointUnread,
    );
    await browser.screenshot(staff, 'chat-message-received');

    // And the answer goes back the same way while both have the channel open.
    const reply = unique('Thanks, we open at nine');
    await send(staff, reply);
    await police.getByTestId('message').filter({ hasText: reply }).waitFor();
  });

  it('an urgent alert stays until acknowledged, and the sender sees who has seen it', async () => {
    const police = await browser.newSignedInPage('police');
    const staff = await browser.newSignedInPage('service');
    const { accessToken } = await browser.signInThroughApi('police');
    // A direct channel: the alert reaches this staff member only, so no other test meets the banner.
    const people = await apiJson<{ id: string; displayName: string }[]>(
      browser.baseUrl,
      accessToken,
      '/api/users/directory',
    );
    const staffId = people.find((person) => person.displayName === DEMO_ACCOUNTS.service.displayName)!.id;
    await apiJson<Channel>(browser.baseUrl, accessToken, '/api/channels', {
      method: 'POST',
      body: { kind: 'direct', userId: staffId },
    });

    await openChannel(police, DEMO_ACCOUNTS.service.displayName);
    const text = unique('Urgent: a needle bin by the entrance is full');
    await send(police, text, true);
    const sent = police.getByTestId('message').filter({ hasText: text });
    await sent.getByText('Nobody has acknowledged it yet.').waitFor();

    const banner = staff.getByTestId('alert-banner');
    await banner.getByText(text).waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    await browser.screenshot(staff, 'alert-banner');
    // It stays: opening and closing panels does not dismiss it.
    await staff.getByRole('button', { name: 'List' }).click();
    await banner.getByText(text).waitFor();

    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
    await sent.getByText(`Seen by: ${DEMO_ACCOUNTS.service.displayName}`).waitFor();

    // Acknowledged for good: the api has it, and a reload does not bring the banner back.
    const channels = await apiJson<Channel[]>(browser.baseUrl, accessToken, '/api/channels');
    const direct = channels.find(
      (channel) => channel.kind === 'direct' && channel.name === DEMO_ACCOUNTS.service.displayName,
    )!;
    const [message] = await messagesWithBody(browser.baseUrl, accessToken, direct.id, text);
    const acks = await apiJson<{ userId: string }[]>(
      browser.baseUrl,
      accessToken,
      `/api/channels/${direct.id}/messages/${message.id}/acks`,
    );
    expect(acks.map((ack) => ack.userId)).toEqual([staffId]);
    await staff.reload();
    await staff.getByTestId('connection-state').and(staff.locator('[data-status="connected"]')).waitFor();
    await staff.getByTestId('map').waitFor();
    expect(await staff.getByTestId('alert-banner').filter({ hasText: text }).count()).toBe(0);
  });

  it("a channel's link (where a tapped notification leads) opens the channel beside the map", async () => {
    const officer = await browser.newSignedInPage('police');
    await officer.getByTestId('map').waitFor();
    const token = await officer.evaluate((key) => localStorage.getItem(key), TOKEN_STORAGE_KEY);
    const channels = await apiJson<Channel[]>(browser.baseUrl, token!, '/api/channels');
    const joint = channels.find((channel) => channel.kind === 'joint')!;
    await officer.goto(`${browser.baseUrl}${chatPath(joint.id)}`);
    await officer.getByTestId('message-list').waitFor();
    await officer.getByRole('heading', { name: 'Joint channel' }).waitFor();
    // The link has done its work: the address is the map's again, so a reload does not open the channel anew.
    expect(await officer.evaluate(() => location.hash)).toBe('#/');
  });
});
