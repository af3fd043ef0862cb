import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AuditAnchor, AuditEvent, AuditHead } from '@samverkan/contracts';
import { AuditAnchorStore, AUDIT_ANCHOR_FILE } from '../../apps/api/src/audit/audit-anchor.store';
import { legacyEventHash } from '../../apps/api/src/audit/audit-chain';
import { AuditService, toAuditEvent } from '../../apps/api/src/audit/audit.service';
import { AuditEventEntity } from '../../apps/api/src/audit/entities/audit-event.entity';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';
import { MapFactory, MapTeam } from '../support/zone-factories';

/**
 * The chain's HMAC under AUDIT_KEY and its anchors outside the database: truncating the chain, or recomputing it
 * without the key, no longer verifies.
 */
describe('audit chain anchors', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  let anchorFile: string;

  beforeAll(async () => {
    test = await startTestApp({ overrides: { auditAnchorDelayMs: 100 } });
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    anchorFile = join(test.config.dataDir, AUDIT_ANCHOR_FILE);
  });
  afterAll(() => test.close());

  function anchorLines(): AuditAnchor[] {
    if (!existsSync(anchorFile)) return [];
    return readFileSync(anchorFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditAnchor);
  }

  /** The newest anchor once it covers at least `count` events (other test files may append meanwhile). */
  function anchoredAtLeast(count: number): Promise<AuditAnchor> {
    return waitFor(`an anchor of at least ${count} events`, () => anchorLines().find((anchor) => anchor.count >= count) && anchorLines().at(-1));
  }

  /** An event appended through the API, and the anchor that covers it. */
  async function anchoredEvent(): Promise<{ event: AuditEvent; anchor: AuditAnchor }> {
    const site = await map.site(team.staff);
    const [event] = (await team.staff.get(`/api/audit?entity=site&entityId=${site.id}`)).body as AuditEvent[];
    // Its place in the chain; other test files may append after it, which this app does not anchor at once.
    const [{ position }] = (await test.dataSource.query(
      'SELECT count(*)::int AS position FROM audit_events WHERE seq <= (SELECT seq FROM audit_events WHERE id = $1)',
      [event.id],
    )) as { position: number }[];
    return { event, anchor: await anchoredAtLeast(position) };
  }

  /**
   * Tampers through SQL, going around the append-only trigger on purpose, in one transaction that is rolled back;
   * the real verification reads through that transaction (no other connection ever sees the change), so the other
   * test files keep a good chain.
   */
  async function verifyAfterTampering(tamper: (runner: ReturnType<DataSource['createQueryRunner']>, audit: AuditService) => Promise<void>) {
    const runner = test.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const audit = new AuditService(runner.manager as unknown as DataSource, test.config, test.app.get(AuditAnchorStore));
      await runner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await tamper(runner, audit);
      return await audit.verify();
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('anchors the head in a private file under DATA_DIR, and verify compares the chain with the newest anchor', async () => {
    const { anchor } = await anchoredEvent();
    expect(anchor).toEqual({ at: expect.any(String), count: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(statSync(anchorFile).mode & 0o777).toBe(0o600);
    expect(statSync(test.config.dataDir).mode & 0o777).toBe(0o700);

    const verified = (await map.people.admin.get('/api/audit/verify')).body;
    expect(verified).toMatchObject({ ok: true });
    expect(verified.checked).toBeGreaterThanOrEqual(verified.anchor.count);
    expect(verified.anchor.count).toBeGreaterThanOrEqual(anchor.count);
  });

  it('anchors an event whose transaction commits well after the anchoring delay, at its commit (not a minute later)', async () => {
    const runner = test.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let event: AuditEvent;
    try {
      event = await test.app.get(AuditService).record(runner.manager, { actorId: null, action: 'update', entity: 'site', entityId: null, after: { slow: true } });
      // Three times the anchoring delay (100 ms here): an anchoring scheduled at the append would run before the
      // commit. (On the embedded database it would wait for the one pooled connection anyway: PostgreSQL shows it.)
      await new Promise((resolve) => setTimeout(resolve, 300));
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const [{ position }] = (await test.dataSource.query(
      'SELECT count(*)::int AS position FROM audit_events WHERE seq <= (SELECT seq FROM audit_events WHERE id = $1)',
      [event.id],
    )) as { position: number }[];
    // The periodic anchoring comes only every minute: this one is the commit's.
    await anchoredAtLeast(position);
  });

  it('deleting the newest events, the anchored one among them, is reported as truncation', async () => {
    const { anchor } = await anchoredEvent();
    const result = await verifyAfterTampering(async (runner) => {
      await runner.query('DELETE FROM audit_events WHERE seq >= (SELECT seq FROM audit_events ORDER BY seq OFFSET $1 LIMIT 1)', [anchor.count - 1]);
    });
    const latest = anchorLines().at(-1)!;
    expect(result).toEqual({ ok: false, checked: anchor.count - 1, problem: 'truncated', anchor: latest });

    // Cut, and then written on by the app as if nothing had happened: the anchored place holds another event.
    const continued = await verifyAfterTampering(async (runner, audit) => {
      await runner.query('DELETE FROM audit_events WHERE seq >= (SELECT seq FROM audit_events ORDER BY seq OFFSET $1 LIMIT 1)', [latest.count - 1]);
      for (let i = 0; i < 3; i++) {
        await audit.record(runner.manager, { actorId: null, action: 'update', entity: 'site', entityId: null, after: { i } });
      }
    });
    expect(continued).toMatchObject({ ok: false, checked: latest.count - 1, problem: 'rewritten', anchor: latest });

    expect((await map.people.admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('a change with the chain recomputed after it by plain SHA-256 (without AUDIT_KEY) does not verify', async () => {
    const { event } = await anchoredEvent();
    const result = await verifyAfterTampering(async (runner) => {
      const rows = await runner.manager
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.seq >= (SELECT seq FROM audit_events WHERE id = :id)', { id: event.id })
        .orderBy('e.seq', 'ASC')
        .getMany();
      let previousHash = rows[0].prevHash;
      for (const row of rows) {
        const { hash: _stored, ...content } = toAuditEvent(row);
        const changed = row.id === event.id ? { ...content, actorId: null } : content;
        const hash = legacyEventHash({ ...changed, prevHash: previousHash });
        await runner.query('UPDATE audit_events SET actor_id = $1, hash = $2, prev_hash = $3 WHERE seq = $4', [
          changed.actorId,
          hash,
          previousHash,
          row.seq,
        ]);
        previousHash = hash;
      }
    });
    expect(result).toMatchObject({ ok: false, brokenAt: event.id, problem: 'hash' });
    expect((await map.people.admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('GET /api/audit/head gives the chain’s length and newest hash to admins and coordinators', async () => {
    const before = (await map.people.admin.get('/api/audit/head')).body as AuditHead;
    await map.site(team.staff);
    const head = await map.people.admin.get('/api/audit/head');
    expect(head.status).toBe(200);
    expect(head.body).toEqual({ at: expect.any(String), count: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/), headId: expect.any(String) });
    expect(head.body.count).toBeGreaterThan(before.count);
    const newest = (await map.people.admin.get('/api/audit?limit=2000')).body as AuditEvent[];
    expect(newest).toContainEqual(expect.objectContaining({ id: head.body.headId, hash: head.body.headHash }));

    expect((await team.coordinator.get('/api/audit/head')).status).toBe(200);
    expect((await team.police.get('/api/audit/head')).status).toBe(403);
    expect((await team.staff.get('/api/audit/head')).status).toBe(403);
  });
});
