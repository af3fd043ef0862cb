import { Secret, TOTP } from 'otpauth';
import type { Organisation } from '@samverkan/contracts';
import { WELCOME_SEEN_KEY } from '../../apps/web/src/state/panel.store';
import { fillSignInForm, useBrowser } from './support/browser-harness';

const browser = useBrowser();
const PASSWORD = 'correct-horse-battery-2026';

/** The code an authenticator app shows for this secret, `aheadSeconds` from now. */
function code(secret: string, aheadSeconds = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + aheadSeconds * 1000,
  });
}

/** A police officer of their own, so the demo accounts the other files sign in with keep one step. */
async function newOfficer(): Promise<{ email: string; displayName: string }> {
  const { accessToken } = await browser.signInThroughApi('admin');
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(`${browser.baseUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${path} gave ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const organisations = (await call('/api/organisations')) as Organisation[];
  const police = organisations.find((organisation) => organisation.kind === 'police')!;
  const suffix = Math.random().toString(36).slice(2, 8);
  const officer = { email: `officer-${suffix}@samverkan.test`, displayName: `Officer ${suffix}` };
  await call('/api/users', { ...officer, password: PASSWORD, role: 'police', organisationId: police.id });
  return officer;
}

describe('second factor', () => {
  it('turns it on with a code from the shown key, signs in with the password and a code, and an administrator resets it', async () => {
    const officer = await newOfficer();
    const page = await browser.newPage({ welcomed: true });
    await page.goto('/');
    await fillSignInForm(page, officer.email, PASSWORD);
    const banner = page.getByRole('banner');
    await banner.getByText(officer.displayName).waitFor();

    await banner.getByRole('button', { name: 'Two-step verification' }).click();
    const dialog = page.getByRole('dialog', { name: 'Two-step verification' });
    await dialog.getByText('Two-step verification is off').waitFor();
    await dialog.getByRole('button', { name: 'Start' }).click();
    await dialog.getByRole('img', { name: 'QR code to scan with the authenticator app' }).waitFor();
    const secret = (await dialog.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await browser.screenshot(page, 'second-factor-setup');

    await dialog.getByLabel('2. Enter the code the app shows').fill(code(secret));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const codes = dialog.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    expect(await dialog.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'I have saved the codes' }).click();
    await dialog.getByText('Two-step verification is on').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await fillSignInForm(page, officer.email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Enter the code' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('samverkan.accessToken'))).toBeNull();

    // A wrong code is said in plain words, and the page stays.
    browser.allowConsoleErrors(/status of 401/);
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The code is wrong or has been used already.' })
      .waitFor();

    // The next step's code: the one the set-up used is spent.
    await page.getByLabel('Code', { exact: true }).fill(code(secret, 30));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await banner.getByText(officer.displayName).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('samverkan.accessToken'))).toEqual(
      expect.any(String),
    );

    // Phone and codes lost: an administrator resets it, and the officer's session ends at once.
    const admin = await browser.newSignedInPage('admin');
    await admin.getByRole('link', { name: 'Administration' }).click();
    const row = admin.locator(`[data-testid="user-row"][data-email="${officer.email}"]`);
    await row.getByText('Two-step verification on').waitFor();
    admin.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Reset second factor' }).click();
    await row.getByRole('button', { name: 'Reset second factor' }).waitFor({ state: 'detached' });
    expect(await row.getByText('Two-step verification on').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await fillSignInForm(page, officer.email, PASSWORD);
    await banner.getByText(officer.displayName).waitFor();
  });
  it('adds a passkey, and signs in with the password and then the passkey', async () => {
    const officer = await newOfficer();
    const page = await browser.newPage();
    // Chromium's virtual authenticator stands in for the platform's passkey dialog.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    // Passkeys belong to a domain, not an address: on a loopback HOST the api's relying party is localhost.
    const origin = browser.baseUrl.replace('127.0.0.1', 'localhost');
    await page.goto(`${origin}/`);
    await page.evaluate((key) => localStorage.setItem(key, '1'), WELCOME_SEEN_KEY);
    await fillSignInForm(page, officer.email, PASSWORD);
    const banner = page.getByRole('banner');
    await banner.getByText(officer.displayName).waitFor();

    await banner.getByRole('button', { name: 'Two-step verification' }).click();
    const dialog = page.getByRole('dialog', { name: 'Two-step verification' });
    await dialog.getByText('Two-step verification is off').waitFor();
    await dialog.getByLabel('Name of the passkey').fill('Work laptop');
    await dialog.getByRole('button', { name: 'Add a passkey' }).click();
    await dialog.getByTestId('passkey').filter({ hasText: 'Work laptop' }).waitFor();
    await dialog.getByText('Two-step verification is on').waitFor();
    await browser.screenshot(page, 'second-factor-passkey-added');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await fillSignInForm(page, officer.email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Enter the code' }).waitFor();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await banner.getByText(officer.displayName).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('samverkan.accessToken'))).toEqual(expect.any(String));
  });
});
