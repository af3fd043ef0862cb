import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_ANCHOR_FILE } from '../../../apps/api/src/audit/audit-anchor.store';
import { AppProcess } from '../../support/app-process';
import { request } from '../../support/http';
import { waitFor } from '../../support/wait';

const ADMIN = { email: 'rekey-admin@samverkan.test', password: 'rekey-admin-password-2026' };

/**
 * Rewrites the stored chain as an older version wrote it: plain SHA-256, no key. In a process of its own, on the
 * built api (`npm run build:api`): PGlite does not run inside Jest's module sandbox.
 */
function hashWithoutKey(dataDir: string): void {
  const script = `
    const { EmbeddedDatabase } = require('./dist/apps/api/src/database/embedded-database.js');
    const { legacyEventHash } = require('./dist/apps/api/src/audit/audit-chain.js');
    const { Client } = require('pg');
    (async () => {
      const database = await EmbeddedDatabase.start(${JSON.stringify(dataDir)});
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      const { rows } = await client.query('SELECT * FROM audit_events ORDER BY seq');
      let prevHash = null;
      for (const row of rows) {
        const hash = legacyEventHash({ id: row.id, at: row.at.toISOString(), actorId: row.actor_id, action: row.action,
          entity: row.entity, entityId: row.entity_id, before: row.before ?? null, after: row.after ?? null, prevHash });
        await client.query('UPDATE audit_events SET hash = $1, prev_hash = $2 WHERE seq = $3', [hash, prevHash, row.seq]);
        prevHash = hash;
      }
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await client.query('COMMIT');
      await client.end();
      await database.stop();
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..', '..'), encoding: 'utf8', timeout: 120_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

async function verifyAs(app: AppProcess) {
  const login = await request(app.baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  return (await request(app.baseUrl, 'GET', '/api/audit/verify', { token: login.body.accessToken })).body;
}

/** A chain written before AUDIT_KEY existed is re-keyed once at the first start with a key, not later. */
describe('an audit chain hashed without a key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-rekey-'));
  const env = { DATA_DIR: dataDir, DEMO: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'info' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is re-keyed at the first start when it verifies as written; with anchors present it is refused', async () => {
    const first = await AppProcess.start(env, { timeoutMs: 120_000 });
    expect(await first.stop()).toBe(0);

    // As an install from before AUDIT_KEY: SHA-256 hashes, and no anchors.
    hashWithoutKey(dataDir);
    rmSync(join(dataDir, AUDIT_ANCHOR_FILE));
    const upgraded = await AppProcess.start(env, { timeoutMs: 120_000 });
    try {
      // The log is written in batches (at most half a second late): wait for the line.
      await waitFor('the re-key logged', () => /Re-keyed the audit chain's \d+ events/.test(upgraded.output));
      expect(await verifyAs(upgraded)).toMatchObject({ ok: true, anchor: { count: expect.any(Number) } });
    } finally {
      expect(await upgraded.stop()).toBe(0);
    }

    // Recomputed without the key while anchors exist: not re-keyed, and verify says where.
    hashWithoutKey(dataDir);
    const tampered = await AppProcess.start(env, { timeoutMs: 120_000 });
    try {
      await waitFor('the refusal logged', () => tampered.output.includes('hashed without AUDIT_KEY although anchors exist'));
      expect(await verifyAs(tampered)).toMatchObject({ ok: false, problem: 'hash' });
    } finally {
      await tampered.stop();
    }
  }, 400_000);
});
