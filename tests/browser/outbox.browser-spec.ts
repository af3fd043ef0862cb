import type { Channel } from '@samverkan/contracts';
import { apiJson, messagesWithBody, unique } from './support/app-helpers';
import { useBrowser } from './support/browser-harness';

const browser = useBrowser();

describe('the outbox', () => {
  it('keeps a message typed while the server is down and sends it once when it is back', async () => {
    // While the api is down the browser logs its failed reconnection attempts, and, when a ping or a message
    // leaves just as the server closes the connection, that the WebSocket was closing.
    browser.allowConsoleErrors(
      /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|WebSocket connection to|WebSocket is already in CLOSING or CLOSED state/,
    );
    const staff = await browser.newSignedInPage('service');
    const { accessToken } = await browser.signInThroughApi('service');
    const channels = await apiJson<Channel[]>(browser.baseUrl, accessToken, '/api/channels');
    const joint = channels.find((channel) => channel.kind === 'joint')!;

    await staff.getByTestId('messages-button').click();
    await staff.getByTestId('channel-item').filter({ hasText: 'Joint channel' }).click();
    const connection = staff.getByTestId('connection-state');
    await connection.and(staff.locator('[data-status="connected"]')).waitFor();

    let stopped = false;
    try {
      await browser.api.stop();
      stopped = true;
      await connection.and(staff.locator('[data-status="reconnecting"]')).waitFor();
      await staff.getByTestId('connection-banner').waitFor();

      const text = unique('Typed while the server was down');
      await staff.getByLabel('Write a message').fill(text);
      await staff.getByRole('button', { name: 'Send', exact: true }).click();
      const pending = staff.getByTestId('pending-message').filter({ hasText: text });
      await pending.getByText('Will be sent when the connection is back').waitFor();
      // Kept in localStorage, with its clientId, so a reload would not lose it either.
      const stored = await staff.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith('samverkan.outbox.'))
          .map((key) => localStorage.getItem(key))
          .join(''),
      );
      expect(stored).toContain(text);
      expect(stored).toMatch(/"clientId":"[0-9a-f-]{36}"/);
      await browser.screenshot(staff, 'outbox-waiting');

      await browser.api.start();
      stopped = false;
      await connection.and(staff.locator('[data-status="connected"]')).waitFor({ timeout: 60_000 });
      await staff.getByTestId('message').filter({ hasText: text }).waitFor({ timeout: 30_000 });
      await pending.waitFor({ state: 'detached' });
      expect(
        await staff.evaluate(() =>
          Object.keys(localStorage).filter((key) => key.startsWith('samverkan.outbox.')),
        ),
      ).toEqual([]);
      expect(await messagesWithBody(browser.baseUrl, accessToken, joint.id, text)).toHaveLength(1);
    } finally {
      if (stopped) await browser.api.start();
    }
  });
});
