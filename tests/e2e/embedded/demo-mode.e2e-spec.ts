import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from '../../support/http';
import { AppProcess } from '../../support/app-process';

const DEMO_SIGN_IN = { email: 'police@demo.samverkan.test', password: 'demo-password-2026' };
// The first start initialises PostGIS in the embedded database: slow on a busy machine.
const START = { timeoutMs: 240_000 };

/** Demo accounts share a published password: they must not open an install others can reach. */
describe('demo mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-demo-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses demo data on an address beyond loopback unless DEMO_PASSWORD is set, in one line', async () => {
    const app = await AppProcess.start(
      { DATA_DIR: dataDir, HOST: '0.0.0.0', DEMO: 'true' },
      { waitForHealth: false },
    );
    expect(await app.waitForExit()).toBe(1);
    expect(app.output.trim()).toBe(
      'Configuration error: DEMO_PASSWORD is required with DEMO=true when others can reach the api (HOST=0.0.0.0): the default demo password is published',
    );
  });

  it('disables the demo accounts and ends their sessions when DEMO is turned off, and brings them back with it', async () => {
    const demo = await AppProcess.start({ DATA_DIR: dataDir }, START);
    let token: string;
    try {
      const login = await request(demo.baseUrl, 'POST', '/api/auth/login', { body: DEMO_SIGN_IN });
      expect(login.status).toBe(200);
      token = login.body.accessToken;
    } finally {
      expect(await demo.stop()).toBe(0);
    }

    const real = await AppProcess.start({ DATA_DIR: dataDir, DEMO: 'false' }, START);
    try {
      expect((await request(real.baseUrl, 'GET', '/api/auth/me', { token })).status).toBe(401);
      expect((await request(real.baseUrl, 'POST', '/api/auth/login', { body: DEMO_SIGN_IN })).status).toBe(
        401,
      );
    } finally {
      expect(await real.stop()).toBe(0);
    }

    const demoAgain = await AppProcess.start(
      { DATA_DIR: dataDir, DEMO_PASSWORD: 'our-own-demo-phrase-2026' },
      START,
    );
    try {
      expect(demoAgain.output).toContain('password for every demo account: the one set in DEMO_PASSWORD');
      expect(demoAgain.output).not.toContain('our-own-demo-phrase-2026');
      expect(
        (await request(demoAgain.baseUrl, 'POST', '/api/auth/login', { body: DEMO_SIGN_IN })).status,
      ).toBe(401);
      const login = await request(demoAgain.baseUrl, 'POST', '/api/auth/login', {
        body: { email: DEMO_SIGN_IN.email, password: 'our-own-demo-phrase-2026' },
      });
      expect(login.status).toBe(200);
    } finally {
      expect(await demoAgain.stop()).toBe(0);
    }
  }, 900_000);
});
