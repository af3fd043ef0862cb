import { randomUUID } from 'node:crypto';
import type { Channel, EscalationPolicy } from '@samverkan/contracts';
import type { Page } from 'playwright-core';
import { acknowledgePendingAlerts, apiJson, unique } from './support/app-helpers';
import { DEMO_ACCOUNTS, useBrowser } from './support/browser-harness';

const browser = useBrowser();

async function openChannel(page: Page, name: string): Promise<void> {
  await page.getByTestId('messages-button').click();
  await page.getByTestId('channel-item').filter({ hasText: name }).click();
  await page.getByTestId('channel').getByRole('heading', { name }).waitFor();
}

describe('escalation', () => {
  let coordinatorToken = '';
  let policeToken = '';
  let channel: Channel | null = null;

  beforeAll(async () => {
    coordinatorToken = (await browser.signInThroughApi('coordinator')).accessToken;
    policeToken = (await browser.signInThroughApi('police')).accessToken;
  });

  // The police officer's alert is acknowledged and this test's channel and policy go, whatever happened:
  // later specs meet no banner and no policy of this one.
  afterAll(async () => {
    await acknowledgePendingAlerts(browser.baseUrl, policeToken);
    if (!channel) return;
    const now = await apiJson<Channel>(browser.baseUrl, coordinatorToken, `/api/channels/${channel.id}`);
    await apiJson(browser.baseUrl, coordinatorToken, `/api/channels/${channel.id}`, {
      method: 'PATCH',
      body: { escalationPolicyId: null },
    });
    if (now.escalationPolicyId)
      await apiJson(browser.baseUrl, coordinatorToken, `/api/escalation-policies/${now.escalationPolicyId}`, {
        method: 'DELETE',
      });
  });

  it('the joint channel shows the demo policy read back in words', async () => {
    const coordinator = await browser.newSignedInPage('coordinator');
    await openChannel(coordinator, 'Joint channel');
    const shown = coordinator.getByTestId('channel-escalation');
    await shown.locator('summary').click();
    await shown
      .getByTestId('channel-policy')
      .getByText(
        /After 5 min: the signatories of .*; after 15 min: everyone with the role coordinator; then the steps once more\./,
      )
      .waitFor();
  });

  it('a coordinator writes a policy, an urgent message escalates to an officer outside the channel, and the history fills in', async () => {
    const name = unique('Escalation test channel');
    channel = await apiJson<Channel>(browser.baseUrl, coordinatorToken, '/api/channels', {
      method: 'POST',
      body: { kind: 'meeting', refId: randomUUID(), name },
    });
    const people = await apiJson<{ id: string; displayName: string }[]>(
      browser.baseUrl,
      coordinatorToken,
      '/api/users/directory',
    );
    const officerId = people.find((person) => person.displayName === DEMO_ACCOUNTS.police.displayName)!.id;

    const coordinator = await browser.newSignedInPage('coordinator');
    const police = await browser.newSignedInPage('police');
    await openChannel(coordinator, name);

    // The policy: after 1 second (0.02 minutes), the officer.
    const escalation = coordinator.getByTestId('channel-escalation');
    await escalation.locator('summary').click();
    await escalation.getByText('Urgent messages here are not escalated.').waitFor();
    await escalation.getByRole('button', { name: 'Edit policies' }).click();
    await escalation.getByRole('button', { name: 'New policy' }).click();
    const form = escalation.getByTestId('policy-form');
    const policyName = unique('Officer at once');
    await form.getByLabel('Name').fill(policyName);
    await form.getByLabel('After (minutes)').fill('0.02');
    await form.getByLabel('Target', { exact: true }).selectOption('user');
    await form.getByLabel('Person').selectOption(officerId);
    await form.getByRole('button', { name: 'Add target' }).click();
    await form
      .getByTestId('policy-readback')
      .getByText(`This is how the alert goes: After 1 s: ${DEMO_ACCOUNTS.police.displayName}.`)
      .waitFor();
    await form.getByRole('button', { name: 'Save the policy' }).click();
    await escalation.getByTestId('policy').filter({ hasText: policyName }).waitFor();
    const policies = await apiJson<EscalationPolicy[]>(
      browser.baseUrl,
      coordinatorToken,
      '/api/escalation-policies',
    );
    const policy = policies.find((candidate) => candidate.name === policyName)!;
    await escalation.getByLabel('Escalation policy of the channel').selectOption(policy.id);
    await escalation
      .getByTestId('channel-policy')
      .getByText(`Urgent messages follow the policy “${policyName}”:`)
      .waitFor();

    // The urgent message.
    const text = unique('Escalate: the stairwell door is blocked');
    await coordinator.getByLabel('Write a message').fill(text);
    await coordinator.getByLabel('Urgent – everyone in the channel gets an alert').check();
    await coordinator.getByRole('button', { name: 'Send', exact: true }).click();
    const sent = coordinator.getByTestId('message').filter({ hasText: text });

    // The officer, who does not see the channel, gets the alert, marked as escalated, and acknowledges it with one tap.
    const banner = police.getByTestId('alert-banner').filter({ hasText: text });
    await banner.getByTestId('alert-escalated').getByText('Escalated to you (step 1 of 1)').waitFor();
    await browser.screenshot(police, 'alert-escalated');

    // The author's history fills in: who was told when.
    await sent
      .getByTestId('escalation-step')
      .getByText(new RegExp(`Step 1 of 1, .*: ${DEMO_ACCOUNTS.police.displayName}`))
      .waitFor();
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
    await sent
      .getByTestId('escalation-ack')
      .getByText(new RegExp(`Acknowledged by ${DEMO_ACCOUNTS.police.displayName}`))
      .waitFor();
    await sent.locator('[data-testid="alert-escalation"][data-state="acknowledged"]').waitFor();
    await browser.screenshot(coordinator, 'escalation-history');
  });
});
