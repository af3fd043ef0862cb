import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { AppProcess } from '../../support/app-process';
import { signIn } from '../../support/factories';

describe('the position check on a fresh embedded database with demo data', () => {
  let dataDir: string;
  let app: AppProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'samverkan-zones-'));
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo sites and zones once, and never logs a checked position', async () => {
    app = await AppProcess.start({ DATA_DIR: dataDir, LOG_LEVEL: 'debug' }, { timeoutMs: 120_000 });
    const police = await signIn(app.baseUrl, 'police@demo.samverkan.test', 'demo-password-2026');
    const sites = await police.get('/api/sites');
    expect(sites.body.features).toHaveLength(7);
    expect(sites.body.features.every((site: SiteFeature) => /^Demo – .*\(fiktiv[at]?\)$/.test(site.properties.name))).toBe(true);
    const zones = await police.get('/api/zones');
    const states = zones.body.features.map((zone: ZoneFeature) => `${zone.properties.status}:${zone.properties.agreedVersion}`).sort();
    expect(states).toEqual(['agreed:1', 'agreed:1', 'agreed:1', 'agreed:1', 'proposed:1', 'proposed:null', 'suspended:null']);

    // Möllevångstorget: weekday daytime.
    const position = 'lat=55.59071234&lng=13.01061234';
    const monday = await police.get(`/api/zones/check?${position}&at=2026-05-04T10:00:00%2B02:00`);
    expect(monday.body.inside).toEqual([expect.objectContaining({ name: 'Demo – Zon Möllevångstorget, vardagar', inForce: true, until: '2026-05-04T17:00:00.000+02:00' })]);
    const saturday = await police.get(`/api/zones/check?${position}&at=2026-05-02T10:00:00%2B02:00`);
    expect(saturday.body.inside[0]).toMatchObject({ inForce: false, nextInForceAt: '2026-05-04T09:00:00.000+02:00' });
    expect((await police.get('/api/zones/check?lat=95.07071234&lng=13.01061234')).status).toBe(400);

    const admin = await signIn(app.baseUrl, 'admin@demo.samverkan.test', 'demo-password-2026');
    expect((await admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });

    await app.stop();
    const firstOutput = app.output;
    // The request log has a line for each check, but never its query string.
    expect(firstOutput).toContain('/api/zones/check');
    expect(firstOutput).not.toMatch(/5907123|0106123|0707123/);

    // Started again on the same data: nothing is seeded twice.
    app = await AppProcess.start({ DATA_DIR: dataDir }, { timeoutMs: 120_000 });
    const again = await signIn(app.baseUrl, 'police@demo.samverkan.test', 'demo-password-2026');
    expect((await again.get('/api/sites')).body.features).toHaveLength(7);
    expect((await again.get('/api/zones')).body.features).toHaveLength(7);
  }, 240_000);
});
