import type { LoginResponse, Role } from '@samverkan/contracts';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS as SEEDED_ACCOUNTS, DEMO_PASSWORD } from '../../../apps/api/src/demo/demo-data';
import { WELCOME_SEEN_KEY } from '../../../apps/web/src/state/panel.store';
import { TOKEN_STORAGE_KEY } from '../../../apps/web/src/auth/session.store';
import { artifactPath, slug } from './artifacts';
import { TILE_HOST_PATTERN, servePlainTiles } from './fake-tiles';
import { apiLogName, BASE_URL_ENV, CONTROL_URL_ENV } from './global-setup';

export interface DemoAccount {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  canSign: boolean;
}

function demoAccount(email: string): DemoAccount {
  const seeded = SEEDED_ACCOUNTS.find((account) => account.email === email);
  if (!seeded) throw new Error(`${email} is not one of the demo accounts the api seeds`);
  return {
    email,
    password: DEMO_PASSWORD,
    displayName: seeded.displayName,
    role: seeded.role,
    canSign: seeded.canSign,
  };
}

/** The demo sign-ins the api seeds with DEMO=true, by role. */
export const DEMO_ACCOUNTS = {
  admin: demoAccount('admin@demo.samverkan.test'),
  coordinator: demoAccount('coordinator@demo.samverkan.test'),
  police: demoAccount('police@demo.samverkan.test'),
  policeSignatory: demoAccount('police.signatory@demo.samverkan.test'),
  service: demoAccount('service@demo.samverkan.test'),
  serviceSignatory: demoAccount('service.signatory@demo.samverkan.test'),
} as const;
export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export const LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 360, height: 740 } as const;

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** A phone: touch events and the meta viewport honoured. */
  mobile?: boolean;
  /** Sets navigator.language, from which the app picks its language. */
  locale?: string;
  /** A token to start with in localStorage, as if the user had signed in earlier. */
  token?: string;
  /** The position the browser's geolocation reports (permission granted). */
  geolocation?: { latitude: number; longitude: number; accuracy?: number };
  /** The base map's tiles: a plain tile (default), or every request failing as without a network. */
  tiles?: 'plain' | 'failing';
  /** The welcome panel was closed before (so the map starts without it). */
  welcomed?: boolean;
  /** More localStorage entries to start with (a remembered map view, say). */
  localStorage?: Record<string, string>;
}

/** Stops and starts the run's api on the same port and data directory (a restart, as in a deployment). */
export interface ApiControl {
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface BrowserHarness {
  /** The api (and the web app it serves), e.g. http://127.0.0.1:41234. */
  readonly baseUrl: string;
  /** A page in a fresh browser context (its own localStorage); closed after the test. */
  newPage(options?: PageOptions): Promise<Page>;
  /** A page already signed in as `role` (signed in through the api, not the form), the welcome already read. */
  newSignedInPage(role: DemoRole, options?: Omit<PageOptions, 'token'>): Promise<Page>;
  /** Stops and starts the api. A test that stops it must start it again before it ends. */
  readonly api: ApiControl;
  /** Signs in through the api; every attempt counts against the api's limit of 30 per address per 15 minutes. */
  signInThroughApi(role: DemoRole): Promise<LoginResponse>;
  /** Console errors matching these are expected in the current test only (a 401 the test provokes). */
  allowConsoleErrors(...patterns: RegExp[]): void;
  /** Saves a screenshot as tests/artifacts/browser/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
}

/** This Jest worker's entry of a JSON array the global setup put in the environment (one api per worker). */
function browserWorkerValue(name: string): string {
  const values = JSON.parse(process.env[name] ?? '[]') as string[];
  const value = values[Number(process.env.JEST_WORKER_ID ?? '1') - 1];
  if (!value) throw new Error(`${name} is not set for this worker: run browser tests with tests/browser/jest.config.cjs`);
  return value;
}

/** The log of the api this worker's tests talk to, under tests/artifacts/browser/. */
export function apiLogPath(): string {
  return artifactPath(apiLogName(Number(process.env.JEST_WORKER_ID ?? '1')));
}

async function control(action: 'stop' | 'start'): Promise<void> {
  const response = await fetch(`${browserWorkerValue(CONTROL_URL_ENV)}/${action}`, { method: 'POST' });
  if (response.status !== 204)
    throw new Error(`Could not ${action} the api: ${response.status} ${await response.text()}`);
}

function baseUrlFromSetup(): string {
  return browserWorkerValue(BASE_URL_ENV);
}

/**
 * Registers the hooks of a browser test file: one Chromium for the file, a fresh context per page, and after
 * each test a screenshot of every page still open (tests/artifacts/browser/<test>-end-<n>.png). A test fails
 * when a page logged a console error or threw an uncaught error, unless the test allowed that console error.
 */
export function useBrowser(): BrowserHarness {
  const baseUrl = baseUrlFromSetup();
  let browser: Browser | null = null;
  let contexts: BrowserContext[] = [];
  let allowed: RegExp[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch(LAUNCH_OPTIONS);
  });

  afterEach(async () => {
    const testName = slug(expect.getState().currentTestName ?? 'test');
    const pages = contexts.flatMap((context) => context.pages());
    for (const [index, page] of pages.entries()) {
      await page
        .screenshot({ path: artifactPath(`${testName}-end-${index + 1}.png`), fullPage: true })
        .catch(() => undefined);
    }
    await Promise.all(contexts.map((context) => context.close()));
    const found = problems;
    contexts = [];
    allowed = [];
    problems = [];
    if (found.length > 0) {
      throw new Error(
        `The page reported errors (the api log is ${apiLogPath()}):\n${found.join('\n')}`,
      );
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (allowed.some((pattern) => pattern.test(text))) return;
      const { url, lineNumber } = message.location();
      problems.push(`console error: ${text}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught error: ${error.stack ?? error.message}`));
  };

  const harness: BrowserHarness = {
    baseUrl,

    async newPage({
      viewport = DESKTOP,
      mobile = false,
      locale = 'en-GB',
      token,
      geolocation,
      tiles = 'plain',
      welcomed = false,
      localStorage = {},
    } = {}) {
      if (!browser)
        throw new Error('newPage() must be called inside a test (the browser starts in beforeAll)');
      const stored = [
        ...(token ? [{ name: TOKEN_STORAGE_KEY, value: token }] : []),
        ...(welcomed ? [{ name: WELCOME_SEEN_KEY, value: '1' }] : []),
        ...Object.entries(localStorage).map(([name, value]) => ({ name, value })),
      ];
      const context = await browser.newContext({
        viewport,
        isMobile: mobile,
        hasTouch: mobile,
        locale,
        timezoneId: 'Europe/Stockholm',
        baseURL: baseUrl,
        geolocation,
        permissions: geolocation ? ['geolocation'] : [],
        storageState:
          stored.length > 0
            ? { cookies: [], origins: [{ origin: new URL(baseUrl).origin, localStorage: stored }] }
            : undefined,
      });
      contexts.push(context);
      context.on('page', watch);
      if (tiles === 'plain') await servePlainTiles(context);
      else await context.route(TILE_HOST_PATTERN, (route) => route.abort('internetdisconnected'));
      return context.newPage();
    },

    async newSignedInPage(role, options = {}) {
      const { accessToken } = await harness.signInThroughApi(role);
      const page = await harness.newPage({ welcomed: true, ...options, token: accessToken });
      await page.goto('/');
      await page.getByTestId('signed-in-user').waitFor();
      return page;
    },

    async signInThroughApi(role) {
      const { email, password } = DEMO_ACCOUNTS[role];
      const response = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200)
        throw new Error(`Signing in as ${role} gave ${response.status}: ${await response.text()}`);
      return (await response.json()) as LoginResponse;
    },

    api: {
      stop: () => control('stop'),
      start: () => control('start'),
    },

    allowConsoleErrors(...patterns) {
      allowed.push(...patterns);
    },

    async screenshot(page, name) {
      const path = artifactPath(`${slug(name)}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
  return harness;
}

/** Fills in and sends the sign-in form, in whichever language the page shows. */
export async function fillSignInForm(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}
