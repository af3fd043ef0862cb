import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppProcess } from '../../support/app-process';
import { testDatabaseIsEmbedded, testDatabaseUrl } from '../../support/test-app';

const NOBODY = 65534;

/** The embedded database has no passwords: only this OS user's processes may reach it, and its files are theirs. */
describe('the embedded database is private to its user', () => {
  const itOnEmbedded = testDatabaseIsEmbedded() ? it : it.skip;

  itOnEmbedded('serves no TCP port, only a socket in a directory only its owner can enter', async () => {
    const url = new URL(testDatabaseUrl());
    const socketDir = decodeURIComponent(url.hostname);
    expect(socketDir).toMatch(/^\//);
    expect(url.port).toBe('');
    const dir = statSync(socketDir);
    expect(dir.mode & 0o777).toBe(0o700);
    expect(dir.uid).toBe(process.getuid!());
    const socketPath = join(socketDir, '.s.PGSQL.5432');
    expect(statSync(socketPath).isSocket()).toBe(true);

    // This user's own client gets in: the socket is live, so the refusal below is not a dead socket's.
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      expect((await client.query('SELECT current_user AS user')).rows).toEqual([{ user: 'postgres' }]);
    } finally {
      await client.end();
    }

    if (process.getuid!() !== 0) return; // Another user's process can only be started by root.
    const probe = `require('node:net').connect(${JSON.stringify(socketPath)})
      .on('connect', () => { console.log('connected'); process.exit(0); })
      .on('error', (error) => { console.log(error.code); process.exit(2); });`;
    const other = spawnSync(process.execPath, ['-e', probe], { uid: NOBODY, gid: NOBODY, cwd: '/', encoding: 'utf8', timeout: 20_000 });
    expect(other.stdout.trim()).toBe('EACCES');
  });

  it('keeps DATA_DIR owner-only with its secrets and anchors, tightens an old one, and logs each anchor', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-private-'));
    try {
      // As an older version left it: readable by everyone.
      chmodSync(dataDir, 0o755);
      writeFileSync(join(dataDir, 'jwt-secret'), 'j'.repeat(48) + '\n', { mode: 0o644 });
      chmodSync(join(dataDir, 'jwt-secret'), 0o644);

      const app = await AppProcess.start(
        { DATA_DIR: dataDir, DEMO: 'false', ADMIN_EMAIL: 'privacy-admin@samverkan.test', ADMIN_PASSWORD: 'privacy-admin-password-2026' },
        { timeoutMs: 120_000 },
      );
      expect(await app.stop('SIGTERM')).toBe(0);

      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const secret of ['jwt-secret', 'audit-key', 'audit-anchors.jsonl']) {
        expect([secret, statSync(join(dataDir, secret)).mode & 0o777]).toEqual([secret, 0o600]);
      }
      expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe('j'.repeat(48));

      // The anchor written at shutdown is in the file and in the log, for an operator to keep elsewhere.
      const anchors = readFileSync(join(dataDir, 'audit-anchors.jsonl'), 'utf8').trim().split('\n');
      const latest = JSON.parse(anchors.at(-1)!);
      expect(latest).toEqual({ at: expect.any(String), count: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(latest.count).toBeGreaterThanOrEqual(2); // the administration organisation and the administrator
      const logged = app.output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { msg?: string }).msg);
      expect(logged).toContain(`Audit anchor ${anchors.at(-1)}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
