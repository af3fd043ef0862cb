import type { Page } from 'playwright-core';
import { waitFor } from '../support/wait';
import { expectNoSidewaysScrolling } from './support/app-helpers';
import { DEMO_ACCOUNTS, PHONE, fillSignInForm, useBrowser } from './support/browser-harness';

const browser = useBrowser();

const storedToken = (page: Page) => page.evaluate(() => localStorage.getItem('samverkan.accessToken'));

async function meStatus(token: string): Promise<number> {
  const response = await fetch(`${browser.baseUrl}/api/auth/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status;
}

describe('signing in', () => {
  it('says so when the e-mail or password is wrong, and stays on the sign-in page', async () => {
    // The browser logs the api's 401 answer as a failed resource load.
    browser.allowConsoleErrors(/status of 401/);
    const page = await browser.newPage();
    await page.goto('/');

    await page.getByLabel('E-mail address').fill(DEMO_ACCOUNTS.admin.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'Wrong e-mail or password' }).waitFor();
    expect(await alert.textContent()).toBe('Wrong e-mail or password.');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await storedToken(page)).toBeNull();
    await browser.screenshot(page, 'sign-in-wrong-password');
  });

  it('asks for both fields before sending anything', async () => {
    const page = await browser.newPage();
    const logins: string[] = [];
    page.on('request', (request) => request.url().endsWith('/api/auth/login') && logins.push(request.url()));
    await page.goto('/');

    await page.getByRole('button', { name: 'Sign in' }).click();

    await page
      .getByRole('alert')
      .filter({ hasText: 'Fill in both your e-mail address and your password.' })
      .waitFor();
    expect(logins).toEqual([]);
  });

  it('signs in the demo administrator, keeps the session across a reload and signs out', async () => {
    const account = DEMO_ACCOUNTS.admin;
    const page = await browser.newPage();
    await page.goto('/');
    await browser.screenshot(page, 'sign-in-desktop');

    await fillSignInForm(page, account.email, account.password);

    const banner = page.getByRole('banner');
    await banner.getByText(account.displayName).waitFor();
    expect(await banner.getByTestId('signed-in-user').textContent()).toContain('Administrator');
    // The first time, the welcome opens beside the map.
    await page.getByRole('heading', { level: 2, name: `Welcome, ${account.displayName}` }).waitFor();
    expect(await page.getByTestId('can-sign').getAttribute('data-can-sign')).toBe('false');
    const token = await storedToken(page);
    expect(token).toEqual(expect.any(String));
    await browser.screenshot(page, 'signed-in-desktop');

    await page.reload();
    await banner.getByText(account.displayName).waitFor();
    expect(await storedToken(page)).toBe(token);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('status').filter({ hasText: 'You are signed out.' }).waitFor();
    expect(await storedToken(page)).toBeNull();
    // The app ended the session on the server too (right after forgetting it here): the old token no longer works.
    await waitFor('the old token refused', async () => (await meStatus(token!)) === 401);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByText(account.displayName).count()).toBe(0);
  });
});

describe('on a phone-sized screen, in Swedish', () => {
  it('signs in a police signatory and fits the screen without sideways scrolling', async () => {
    const account = DEMO_ACCOUNTS.policeSignatory;
    const page = await browser.newPage({ viewport: PHONE, mobile: true, locale: 'sv-SE' });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await browser.screenshot(page, 'sign-in-phone');

    await page.getByLabel('E-postadress').fill(account.email);
    await page.getByLabel('Lösenord', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Logga in' }).click();

    const user = page.getByTestId('signed-in-user');
    await user.getByText(account.displayName).waitFor();
    expect(await user.textContent()).toContain('Polis');
    expect(await user.textContent()).toContain('Signatär');
    expect(await page.getByTestId('can-sign').textContent()).toContain(
      'Du får underteckna zonöverenskommelser',
    );
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    await expectNoSidewaysScrolling(page);
    await browser.screenshot(page, 'signed-in-phone');
  });
});

describe('the language switch', () => {
  it('changes every text at once and is remembered after a reload', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await page.getByLabel('Language').selectOption('sv');

    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.reload();
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    expect(await page.getByLabel('Språk').inputValue()).toBe('sv');
  });
});
