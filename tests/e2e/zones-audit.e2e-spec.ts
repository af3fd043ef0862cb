import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditEvent } from '@samverkan/contracts';
import { AuditAnchorStore } from '../../apps/api/src/audit/audit-anchor.store';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { canonicalJson } from '../../apps/api/src/audit/canonical-json';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam } from '../support/zone-factories';

describe('audit of sites and zones', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
  });
  afterAll(() => test.close());

  it('every change to a site or zone is an audit event, in order, with what changed', async () => {
    const site = await map.site(team.staff);
    const edited = await team.staff.patch(`/api/sites/${site.id}`, { version: 1, name: 'Nytt namn' });
    const zone = await map.zone(team.staff, site);
    await map.agree(team, zone);
    await team.policeSignatory.post(`/api/zones/${zone.id}/suspend`, { reason: 'Granskning' });
    await team.signatory.post(`/api/zones/${zone.id}/withdraw`, { reason: 'Avslutad' });
    await team.staff.delete(`/api/sites/${site.id}`);

    const siteEvents = (await team.police.get(`/api/audit?entity=site&entityId=${site.id}`)).body as AuditEvent[];
    expect(siteEvents.map((event) => [event.action, event.actorId])).toEqual([
      ['create', team.staff.user.id],
      ['update', team.staff.user.id],
      ['delete', team.staff.user.id],
    ]);
    expect(siteEvents[0].after).toEqual(site);
    expect(siteEvents[1]).toMatchObject({ before: site, after: edited.body });

    const zoneEvents = (await team.signatory.get(`/api/audit?entity=zone&entityId=${zone.id}`)).body as AuditEvent[];
    expect(zoneEvents.map((event) => event.action)).toEqual(['create', 'approve', 'approve', 'agree', 'suspend', 'withdraw']);
    expect(zoneEvents[0].after).toEqual(zone);
    expect(zoneEvents[1].after).toMatchObject({ version: 1, side: 'police', userId: team.policeSignatory.user.id });
    expect(zoneEvents[3]).toMatchObject({ before: { status: 'proposed', agreedVersion: null }, after: { status: 'agreed', agreedVersion: 1 } });
    expect(zoneEvents[4]).toMatchObject({ actorId: team.policeSignatory.user.id, after: { status: 'suspended', reason: 'Granskning' } });
    for (const event of zoneEvents) expect(event).toMatchObject({ entity: 'zone', entityId: zone.id, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('map events are for everyone signed in; account events only for administrators', async () => {
    const site = await map.site(team.staff);
    for (const reader of [team.police, team.staff, team.coordinator]) {
      const events = await reader.get(`/api/audit?entity=site&entityId=${site.id}`);
      expect(events.body.map((event: AuditEvent) => event.action)).toEqual(['create']);
    }
    expect((await team.police.get(`/api/audit?entity=user&entityId=${team.police.user.id}`)).body).toEqual([]);
  });

  it('the chain verifies; nothing in the API changes an event, and the database refuses to', async () => {
    const verified = await map.people.admin.get('/api/audit/verify');
    expect(verified.body).toMatchObject({ ok: true, checked: expect.any(Number) });
    expect(verified.body.checked).toBeGreaterThan(0);
    expect((await team.police.get('/api/audit/verify')).status).toBe(403);

    const site = await map.site(team.staff);
    const [event] = (await team.staff.get(`/api/audit?entity=site&entityId=${site.id}`)).body as AuditEvent[];
    expect((await map.people.admin.patch(`/api/audit/${event.id}`, { action: 'x' })).status).toBe(404);
    expect((await map.people.admin.delete(`/api/audit/${event.id}`)).status).toBe(404);
    await expect(test.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE id = $1`, [event.id])).rejects.toThrow(/append-only/);
    await expect(test.dataSource.query('DELETE FROM audit_events WHERE id = $1', [event.id])).rejects.toThrow(/append-only/);
  });

  /**
   * Tampers with stored events through SQL, going around the append-only trigger on purpose, and checks
   * that verification notices. All of it happens in one transaction that is rolled back, and verify runs
   * on that same connection (it sees the uncommitted change; no other connection ever does), so the other
   * test files keep a good chain.
   */
  async function verifyAfterTampering(tamper: (query: (sql: string, parameters?: unknown[]) => Promise<unknown>) => Promise<void>) {
    const runner = test.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await tamper((sql, parameters) => runner.query(sql, parameters));
      // The real verification code, reading through the tampering transaction.
      return await new AuditService(runner.manager as unknown as DataSource, test.config, test.app.get(AuditAnchorStore)).verify();
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('changing a stored event, or removing one, through SQL makes verify fail; the rollback leaves the chain good', async () => {
    const site = await map.site(team.staff, { name: 'Original' });
    const zone = await map.zone(team.staff, site);
    const [created] = (await team.staff.get(`/api/audit?entity=site&entityId=${site.id}`)).body as AuditEvent[];
    await team.policeSignatory.post(`/api/zones/${zone.id}/approve`, { version: 1 });
    const [zoneCreated, approved] = (await team.staff.get(`/api/audit?entity=zone&entityId=${zone.id}`)).body as AuditEvent[];
    expect(approved.prevHash).toBe(zoneCreated.hash);

    const changed = await verifyAfterTampering(async (query) => {
      await query(`UPDATE audit_events SET after = jsonb_set(after, '{properties,name}', '"Förfalskad"') WHERE id = $1`, [created.id]);
    });
    expect(changed).toMatchObject({ ok: false, brokenAt: created.id });

    const removed = await verifyAfterTampering(async (query) => {
      await query(`DELETE FROM audit_events WHERE id = $1`, [created.id]);
    });
    // The event after the removed one names a previous hash that is no longer there.
    expect(removed.ok).toBe(false);
    expect(removed.brokenAt).toBeDefined();

    // A forger without AUDIT_KEY who rewrites the changed event's hash with plain SHA-256 is caught at that event.
    const forged = { ...zoneCreated, actorId: null };
    const { hash: _old, ...content } = forged;
    const forgedHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
    const rehashed = await verifyAfterTampering(async (query) => {
      await query(`UPDATE audit_events SET actor_id = NULL, hash = $2 WHERE id = $1`, [zoneCreated.id, forgedHash]);
    });
    expect(rehashed).toMatchObject({ ok: false, brokenAt: zoneCreated.id, problem: 'hash' });

    expect((await map.people.admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });
    const [still] = (await team.staff.get(`/api/audit?entity=site&entityId=${site.id}`)).body as AuditEvent[];
    expect(still).toEqual(created);
  });
});
