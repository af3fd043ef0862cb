import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from '../../support/http';
import { AppProcess } from '../../support/app-process';

/** The built api as `npm start` runs it: its own process, embedded database, settings from the environment. */
describe('the api process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-startup-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops at once with one clear line when a setting is bad', async () => {
    const app = await AppProcess.start({ DATA_DIR: dataDir, PORT: '0', RETENTION_DAYS: 'forever' }, { waitForHealth: false });
    expect(await app.waitForExit()).toBe(1);
    expect(app.output.trim()).toBe('Configuration error: RETENTION_DAYS must be a whole number (got "forever")');
  });

  it('keeps its embedded data across a restart, prints the demo sign-ins and shuts down cleanly', async () => {
    const first = await AppProcess.start({ DATA_DIR: dataDir });
    try {
      expect(first.output).toContain('admin@demo.samverkan.test');
      expect(first.output).toContain('demo-password-2026');
      const login = await request(first.baseUrl, 'POST', '/api/auth/login', {
        body: { email: 'admin@demo.samverkan.test', password: 'demo-password-2026' },
      });
      expect(login.status).toBe(200);
      const created = await request(first.baseUrl, 'POST', '/api/organisations', {
        token: login.body.accessToken,
        body: { name: 'Kvar efter omstart', kind: 'service' },
      });
      expect(created.status).toBe(201);
    } finally {
      expect(await first.stop('SIGINT')).toBe(0);
    }

    const second = await AppProcess.start({ DATA_DIR: dataDir });
    try {
      const login = await request(second.baseUrl, 'POST', '/api/auth/login', {
        body: { email: 'admin@demo.samverkan.test', password: 'demo-password-2026' },
      });
      const organisations = await request(second.baseUrl, 'GET', '/api/organisations', { token: login.body.accessToken });
      const names = organisations.body.map((o: { name: string }) => o.name);
      expect(names).toContain('Kvar efter omstart');
      // Demo data is made once, not again at every start.
      expect(names.filter((name: string) => name.startsWith('Demo – Polisområde'))).toHaveLength(1);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  }, 180_000);

  it('refuses to open an embedded data folder another running api holds', async () => {
    const first = await AppProcess.start({ DATA_DIR: dataDir, DEMO: 'false' });
    try {
      const second = await AppProcess.start({ DATA_DIR: dataDir, DEMO: 'false' }, { waitForHealth: false });
      expect(await second.waitForExit()).toBe(1);
      expect(second.output).toContain('is in use by process');
    } finally {
      await first.stop();
    }
  }, 120_000);
});
