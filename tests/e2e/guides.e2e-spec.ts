import type { AuditEvent, Guide, GuideVersionSummary } from '@samverkan/contracts';
import { Factory } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import type { SignedInClient } from '../support/zone-factories';

/** Every start tag in the HTML, as written (escaped text such as `&lt;script&gt;` is not a tag). */
function tags(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? [];
}

describe('the naloxone guide', () => {
  let test: TestApp;
  let people: Factory;
  let staff: SignedInClient;
  let signatory: SignedInClient;
  let officer: SignedInClient;
  let coordinator: SignedInClient;

  beforeAll(async () => {
    test = await startTestApp();
    people = await Factory.create(test.baseUrl);
    const service = await people.organisation('service');
    staff = await people.user({ role: 'service', organisationId: service.id });
    signatory = await people.user({ role: 'service', canSign: true, organisationId: service.id, displayName: 'Signe Signatär' });
    officer = await people.user({ role: 'police' });
    coordinator = await people.user({ role: 'coordinator' });
  });
  afterAll(() => test.close());

  /** The newest version of a language (0 when none): the e2e files share one database, so start from what is there. */
  async function latestVersion(lang: 'sv' | 'en'): Promise<number> {
    const response = await staff.get(`/api/guides/naloxone/versions?lang=${lang}`);
    expect(response.status).toBe(200);
    return response.body[0]?.version ?? 0;
  }

  it('keeps drafts from officers until a service signatory publishes one, and refuses a stale version', async () => {
    const start = await latestVersion('en');
    const publishedBefore = await officer.get('/api/guides/naloxone?lang=en');
    expect([200, 404]).toContain(publishedBefore.status);

    const body = '# Naloxone\n\n1. Call **112**.\n2. Give one dose into one nostril.\n\n';
    const draft = await staff.put('/api/guides/naloxone', { lang: 'en', title: 'Naloxone on duty', body, version: start });
    expect(draft.status).toBe(200);
    expect(draft.body).toEqual({
      key: 'naloxone',
      lang: 'en',
      title: 'Naloxone on duty',
      body,
      version: start + 1,
      published: false,
      createdAt: expect.any(String),
    });

    // Someone else who read the same version is refused: they would overwrite this draft unseen.
    const stale = await coordinator.put('/api/guides/naloxone', { lang: 'en', title: 'Other', body: 'Other', version: start });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain(`version ${start + 1}`);

    // Officers still read what was published before (or nothing yet).
    const stillBefore = await officer.get('/api/guides/naloxone?lang=en');
    expect(stillBefore.status).toBe(publishedBefore.status);
    if (stillBefore.status === 200) expect(stillBefore.body.version).toBe(publishedBefore.body.version);
    // Drafts are for the writers.
    expect((await officer.get('/api/guides/naloxone?lang=en&draft=true')).status).toBe(403);
    expect((await officer.get('/api/guides/naloxone/versions?lang=en')).status).toBe(403);
    expect((await officer.put('/api/guides/naloxone', { lang: 'en', title: 'x', body: 'x', version: start + 1 })).status).toBe(403);
    const latest = await staff.get('/api/guides/naloxone?lang=en&draft=true');
    expect(latest.body).toMatchObject({ version: start + 1, published: false, publishedAt: null, body });

    // Only a service signatory publishes.
    expect((await staff.post('/api/guides/naloxone/publish', { lang: 'en', version: start + 1 })).status).toBe(403);
    expect((await coordinator.post('/api/guides/naloxone/publish', { lang: 'en', version: start + 1 })).status).toBe(403);
    expect((await officer.post('/api/guides/naloxone/publish', { lang: 'en', version: start + 1 })).status).toBe(403);
    const published = await signatory.post('/api/guides/naloxone/publish', { lang: 'en', version: start + 1 });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: start + 1, published: true, publishedBy: signatory.user.id, publishedByName: 'Signe Signatär' });

    const read = await officer.get('/api/guides/naloxone?lang=en');
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      key: 'naloxone',
      lang: 'en',
      title: 'Naloxone on duty',
      body,
      version: start + 1,
      publishedAt: expect.any(String),
      publishedBy: signatory.user.id,
      publishedByName: 'Signe Signatär',
      published: true,
      createdAt: expect.any(String),
    });
    expect(new Date(read.body.publishedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps every version, and publishing an earlier one again brings it back', async () => {
    const start = await latestVersion('sv');
    const first = await coordinator.put('/api/guides/naloxone', { lang: 'sv', title: 'Naloxon v1', body: 'Första texten.', version: start });
    expect(first.status).toBe(200);
    const second = await staff.put('/api/guides/naloxone', { lang: 'sv', title: 'Naloxon v2', body: 'Andra texten.', version: start + 1 });
    expect(second.body.version).toBe(start + 2);

    expect((await signatory.post('/api/guides/naloxone/publish', { lang: 'sv', version: start + 2 })).status).toBe(200);
    expect((await officer.get('/api/guides/naloxone?lang=sv')).body).toMatchObject({ title: 'Naloxon v2', version: start + 2 });
    const back = await signatory.post('/api/guides/naloxone/publish', { lang: 'sv', version: start + 1 });
    expect(back.status).toBe(200);
    expect((await officer.get('/api/guides/naloxone?lang=sv')).body).toMatchObject({ title: 'Naloxon v1', version: start + 1, body: 'Första texten.' });
    // Publishing what is published already changes nothing.
    expect((await signatory.post('/api/guides/naloxone/publish', { lang: 'sv', version: start + 1 })).body.version).toBe(start + 1);
    expect((await signatory.post('/api/guides/naloxone/publish', { lang: 'sv', version: start + 50 })).status).toBe(404);

    const versions = await staff.get('/api/guides/naloxone/versions?lang=sv');
    const mine = (versions.body as GuideVersionSummary[]).filter((version) => version.version > start);
    expect(mine).toEqual([
      expect.objectContaining({ version: start + 2, title: 'Naloxon v2', createdBy: staff.user.id, published: false, publishedBy: signatory.user.id }),
      expect.objectContaining({ version: start + 1, title: 'Naloxon v1', createdBy: coordinator.user.id, published: true, publishedBy: signatory.user.id }),
    ]);
    const old = await staff.get(`/api/guides/naloxone?lang=sv&version=${start + 2}`);
    expect(old.body).toMatchObject({ title: 'Naloxon v2', body: 'Andra texten.', published: false });

    // Drafts and publications are audited.
    const audit = await coordinator.get('/api/audit?entity=guide&entityId=naloxone:sv');
    const events = (audit.body as AuditEvent[]).filter((event) => (event.after as { version: number }).version > start);
    expect(events.map((event) => [event.action, (event.after as { version: number }).version, event.actorId])).toEqual([
      ['draft', start + 1, coordinator.user.id],
      ['draft', start + 2, staff.user.id],
      ['publish', start + 2, signatory.user.id],
      ['publish', start + 1, signatory.user.id],
    ]);
    expect(events[3].before).toEqual({ version: start + 2, title: 'Naloxon v2' });
  });

  it('renders sanitised HTML: no script, no event handler, no javascript: link survives', async () => {
    const hostile = [
      '# Naloxon',
      '',
      '<script>alert("guide")</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">tryck</a> [tryck](javascript:alert(1)) [tryck](JAVASCRIPT:alert(1))',
      '<iframe src="https://evil.example"></iframe>',
      '[Ring 112](tel:112) och läs [mer](https://example.org/naloxon).',
    ].join('\n');
    const start = await latestVersion('en');
    const draft = await staff.put('/api/guides/naloxone', { lang: 'en', title: 'Hostile', body: hostile, version: start });
    expect(draft.status).toBe(200);
    // The Markdown itself is stored exactly as written.
    expect(draft.body.body).toBe(hostile);

    const preview = await staff.get('/api/guides/naloxone/html?lang=en&draft=true');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ key: 'naloxone', lang: 'en', title: 'Hostile', version: start + 1, publishedAt: null });
    const html: string = preview.body.html;
    expect(html).toContain('<h1>Naloxon</h1>');
    expect(html).toContain('href="tel:112"');
    expect(html).toContain('href="https://example.org/naloxon"');
    const written = tags(html);
    expect(written.filter((tag) => /^<(script|iframe|img|svg)/i.test(tag))).toEqual([]);
    expect(written.filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
    expect(written.filter((tag) => /javascript:/i.test(tag))).toEqual([]);

    await signatory.post('/api/guides/naloxone/publish', { lang: 'en', version: start + 1 });
    const forOfficers = await officer.get('/api/guides/naloxone/html?lang=en');
    expect(forOfficers.body.html).toBe(html);
    expect((await officer.get('/api/guides/naloxone/html?lang=en&draft=true')).status).toBe(403);
  });

  it('refuses bad input, naming the field', async () => {
    const start = await latestVersion('en');
    const valid = { lang: 'en', title: 'T', body: 'B', version: start };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, lang: 'de' }, 'lang'],
      [{ ...valid, title: '' }, 'title'],
      [{ ...valid, title: 't'.repeat(201) }, 'title'],
      [{ ...valid, body: '' }, 'body'],
      [{ ...valid, body: 'b'.repeat(20_001) }, 'body'],
      [{ ...valid, version: -1 }, 'version'],
      [{ ...valid, version: '1' }, 'version'],
    ];
    for (const [body, field] of cases) {
      const response = await staff.put('/api/guides/naloxone', body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details[0].field).toBe(field);
    }
    expect((await staff.put('/api/guides/naloxone', { ...valid, body: '🩺'.repeat(20_000) })).status).toBe(200);
    expect((await officer.get('/api/guides/naloxone?lang=fi')).body.details[0].field).toBe('lang');
    expect((await staff.post('/api/guides/naloxone/publish', { lang: 'en' })).body.details[0].field).toBe('version');
    const guide: Guide = (await staff.get('/api/guides/naloxone?lang=en&draft=true')).body;
    expect(guide.version).toBe(start + 1);
  });
});
