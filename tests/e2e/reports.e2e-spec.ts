import type { AuditEvent, FieldReport, ReportStats, SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { Clock } from '../../apps/api/src/common/clock';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { Factory } from '../support/factories';
import { ago, createReport, DAY, HOUR, MINUTE } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, SignedInClient } from '../support/zone-factories';

describe('field reports', () => {
  let test: TestApp;
  let map: MapFactory;
  let people: Factory;
  // Service organisation A runs siteA (with zoneA); B runs siteB. Two police organisations.
  let teamA: MapTeam;
  let siteA: SiteFeature;
  let zoneA: ZoneFeature;
  let staffB: SignedInClient;
  let siteB: SiteFeature;
  let officer: SignedInClient;
  let officerColleague: SignedInClient;
  let otherOfficer: SignedInClient;
  let admin: SignedInClient;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    people = map.people;
    teamA = await map.team();
    siteA = await map.site(teamA.staff);
    zoneA = await map.zone(teamA.staff, siteA);
    staffB = await people.user({ role: 'service' });
    siteB = await map.site(staffB);
    officer = teamA.police;
    officerColleague = await people.user({ role: 'police', organisationId: officer.organisationId });
    otherOfficer = await people.user({ role: 'police' });
    admin = await people.user({ role: 'admin' });
  });
  afterAll(() => test.close());

  it('records a report in the contract’s shape; a zone’s report is also about its site', async () => {
    const occurredAt = ago(20 * MINUTE);
    const response = await officer.post('/api/reports', {
      category: 'enforcement_near_site',
      zoneId: zoneA.id,
      occurredAt,
      body: 'Två patruller stod vid ingången under öppettiden.  ',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      category: 'enforcement_near_site',
      siteId: siteA.id,
      zoneId: zoneA.id,
      occurredAt: new Date(occurredAt).toISOString(),
      // Stored exactly as sent: never trimmed.
      body: 'Två patruller stod vid ingången under öppettiden.  ',
      organisationId: officer.organisationId,
      authorId: officer.user.id,
      status: 'open',
      version: 1,
      createdAt: expect.any(String),
      kitId: null,
      updatedAt: expect.any(String),
    });
    const read = await teamA.staff.get(`/api/reports/${response.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(response.body);
    // A report about nothing in particular is a general observation.
    const general = await officer.post('/api/reports', { category: 'other', occurredAt, body: 'Lugn kväll i området.' });
    expect(general.status).toBe(201);
    expect(general.body).toMatchObject({ siteId: null, zoneId: null });
  });

  it('shows each report to its organisation, to the organisation of its site, and to police, coordinators and administrators', async () => {
    const byPoliceAboutA = await createReport(officer, { siteId: siteA.id, category: 'enforcement_near_site' });
    const byPoliceAboutZoneA = await createReport(officer, { zoneId: zoneA.id, category: 'diversion' });
    const byStaffBAboutNothing = await createReport(staffB, { category: 'staff_safety' });
    const byStaffAAboutB = await createReport(teamA.staff, { siteId: siteB.id, category: 'public_nuisance' });
    const byPoliceAboutB = await createReport(otherOfficer, { siteId: siteB.id });
    const all = [byPoliceAboutA, byPoliceAboutZoneA, byStaffBAboutNothing, byStaffAAboutB, byPoliceAboutB];

    const visible = async (who: SignedInClient) => {
      const seen: string[] = [];
      for (const report of all) {
        const response = await who.get(`/api/reports/${report.id}`);
        expect([200, 404]).toContain(response.status);
        if (response.status === 200) seen.push(report.id);
      }
      return seen;
    };
    // Service staff: their organisation's reports and those about their organisation's sites and zones.
    expect(await visible(teamA.staff)).toEqual([byPoliceAboutA.id, byPoliceAboutZoneA.id, byStaffAAboutB.id]);
    expect(await visible(teamA.signatory)).toEqual([byPoliceAboutA.id, byPoliceAboutZoneA.id, byStaffAAboutB.id]);
    expect(await visible(staffB)).toEqual([byStaffBAboutNothing.id, byStaffAAboutB.id, byPoliceAboutB.id]);
    // Police organisations (any of them), coordinators and administrators: every report.
    for (const who of [officer, otherOfficer, teamA.coordinator, admin]) expect(await visible(who)).toEqual(all.map((r) => r.id));

    // The list applies the same rule.
    const listA = await teamA.staff.get(`/api/reports?siteId=${siteB.id}&limit=500`);
    expect(listA.status).toBe(200);
    expect(listA.body.map((r: FieldReport) => r.id)).toEqual([byStaffAAboutB.id]);
    const listB = await staffB.get(`/api/reports?siteId=${siteB.id}&limit=500`);
    expect(listB.body.map((r: FieldReport) => r.id).sort()).toEqual([byStaffAAboutB.id, byPoliceAboutB.id].sort());
    const missing = await staffB.get(`/api/reports/${byPoliceAboutA.id}`);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('lists with filters, newest first, at most `limit`', async () => {
    const site = await map.site(teamA.staff);
    const zone = await map.zone(teamA.staff, site);
    const oldest = await createReport(officer, { siteId: site.id, category: 'public_nuisance', occurredAt: ago(3 * DAY) });
    const middle = await createReport(officer, { zoneId: zone.id, category: 'diversion', occurredAt: ago(2 * DAY) });
    const newest = await createReport(teamA.staff, { siteId: site.id, category: 'public_nuisance', occurredAt: ago(DAY) });
    const ids = async (query: string) => {
      const response = await teamA.staff.get(`/api/reports?siteId=${site.id}${query}`);
      expect(response.status).toBe(200);
      return response.body.map((r: FieldReport) => r.id);
    };
    expect(await ids('')).toEqual([newest.id, middle.id, oldest.id]);
    expect(await ids('&category=public_nuisance')).toEqual([newest.id, oldest.id]);
    expect(await ids('&category=diversion,public_nuisance')).toEqual([newest.id, middle.id, oldest.id]);
    expect(await ids(`&zoneId=${zone.id}`)).toEqual([middle.id]);
    expect(await ids(`&since=${encodeURIComponent(ago(2.5 * DAY))}`)).toEqual([newest.id, middle.id]);
    expect(await ids(`&until=${encodeURIComponent(ago(1.5 * DAY))}`)).toEqual([middle.id, oldest.id]);
    expect(await ids('&limit=2')).toEqual([newest.id, middle.id]);
    expect(await ids('&status=closed')).toEqual([]);
    expect(await ids('&status=open')).toEqual([newest.id, middle.id, oldest.id]);

    for (const [query, field] of [
      ['category=weather', 'category'],
      ['status=done', 'status'],
      ['since=yesterday', 'since'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['siteId=42', 'siteId'],
    ]) {
      const response = await teamA.staff.get(`/api/reports?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe(field);
    }
  });

  it('refuses what cannot be a report, naming the field', async () => {
    const valid = { category: 'other', occurredAt: ago(HOUR), body: 'Något hände.' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, category: 'weather' }, 'category'],
      [{ ...valid, siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId'],
      [{ ...valid, zoneId: '00000000-0000-4000-8000-000000000000' }, 'zoneId'],
      [{ ...valid, siteId: siteB.id, zoneId: zoneA.id }, 'zoneId'],
      [{ ...valid, occurredAt: ago(-10 * MINUTE) }, 'occurredAt'],
      [{ ...valid, occurredAt: ago(91 * DAY) }, 'occurredAt'],
      [{ ...valid, occurredAt: '2026-11-25 10:00' }, 'occurredAt'],
      [{ ...valid, body: '' }, 'body'],
      [{ ...valid, body: 'x'.repeat(2001) }, 'body'],
      [{ ...valid, body: 'a\u0000b' }, 'body'],
      [{ ...valid, author: 'someone' }, 'author'],
    ];
    for (const [body, field] of cases) {
      const response = await officer.post('/api/reports', body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details[0].field).toBe(field);
      expect(response.body.message).toMatch(new RegExp(`^${field}`));
    }
    const future = await officer.post('/api/reports', { ...valid, occurredAt: ago(-10 * MINUTE) });
    expect(future.body.message).toBe('occurredAt: must not be in the future');
    // A phone's clock a minute ahead is fine; lengths count code points (2,000 emoji fit).
    expect((await officer.post('/api/reports', { ...valid, occurredAt: ago(-MINUTE) })).status).toBe(201);
    expect((await officer.post('/api/reports', { ...valid, body: '🚑'.repeat(2000) })).status).toBe(201);
    expect((await officer.post('/api/reports', { ...valid, occurredAt: ago(89 * DAY) })).status).toBe(201);
  });

  it('refuses a text that identifies a person, naming what it found and never repeating it', async () => {
    const refused: [string, RegExp, string][] = [
      ['Personen uppgav personnummer 19121212-1212.', /a personal identity number/, 'personal_identity_number'],
      ['Hade 121212-1212 på ett papper.', /a personal identity number/, 'personal_identity_number'],
      ['Ring henne på 070-123 45 67 om det behövs.', /a phone number/, 'phone_number'],
      ['Kontakt: +46 70 123 45 67', /a phone number/, 'phone_number'],
      ['Mejla anna.andersson@example.org för mer.', /an e-mail address/, 'email_address'],
      ['19121212-1212, 0701234567 och a@b.se', /a personal identity number, a phone number and an e-mail address/, 'personal_identity_number'],
    ];
    for (const [text, kinds, reason] of refused) {
      const response = await officer.post('/api/reports', { category: 'other', occurredAt: ago(HOUR), body: text });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'body', message: expect.stringMatching(kinds), reason }]);
      expect(response.body.message).toMatch(/^body: must not identify a person/);
      const said = JSON.stringify(response.body);
      for (const secret of ['1212-1212', '121212', '123 45 67', '0701234567', '70 123', 'example.org', 'a@b.se']) {
        expect(said).not.toContain(secret);
      }
    }

    const accepted = [
      'Den 2026-11-24 kl. 21.40 vid Storgatan 12 delade vi ut 2 kits.',
      'Tre sprutor vid Möllevångsgatan 41B, mellan 22:00 och 23:15.',
      'Mellan 2026-11-01 och 2026-11-20 kom ungefär 150 besökare per dag.',
      'Ärende 2026-123456 är stängt; 5 naloxonkit lämnades, batch NX24-118.',
    ];
    for (const text of accepted) {
      const response = await officer.post('/api/reports', { category: 'other', occurredAt: ago(HOUR), body: text });
      expect({ text, status: response.status }).toEqual({ text, status: 201 });
      expect(response.body.body).toBe(text);
    }
  });

  it('changes status by the author’s organisation, the site’s organisation or a coordinator, with the version read', async () => {
    const report = await createReport(officer, { siteId: siteA.id });
    // A colleague in the author's organisation.
    const discussed = await officerColleague.patch(`/api/reports/${report.id}`, { version: 1, status: 'discussed' });
    expect(discussed.status).toBe(200);
    expect(discussed.body).toMatchObject({ status: 'discussed', version: 2 });
    // Someone who read version 1 is too late.
    const stale = await teamA.staff.patch(`/api/reports/${report.id}`, { version: 1, status: 'closed' });
    expect(stale.status).toBe(409);
    // The site's organisation.
    const closed = await teamA.staff.patch(`/api/reports/${report.id}`, { version: 2, status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', version: 3 });
    // A coordinator reopens it.
    const reopened = await teamA.coordinator.patch(`/api/reports/${report.id}`, { version: 3, status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', version: 4 });

    // Another police organisation sees the report but may not change it; another service does not see it.
    const otherPolice = await otherOfficer.patch(`/api/reports/${report.id}`, { version: 4, status: 'closed' });
    expect(otherPolice.status).toBe(403);
    expect((await staffB.patch(`/api/reports/${report.id}`, { version: 4, status: 'closed' })).status).toBe(404);
    expect((await admin.patch(`/api/reports/${report.id}`, { version: 4, status: 'closed' })).status).toBe(403);
    const invalid = await teamA.staff.patch(`/api/reports/${report.id}`, { version: 4, status: 'done' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details[0].field).toBe('status');
    expect((await teamA.staff.patch(`/api/reports/${report.id}`, { status: 'closed' })).body.details[0].field).toBe('version');
    expect((await teamA.staff.get(`/api/reports/${report.id}`)).body).toMatchObject({ status: 'open', version: 4 });

    // Every change is in the audit log.
    const audit = await teamA.coordinator.get(`/api/audit?entity=report&entityId=${report.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.map((event: AuditEvent) => [event.action, event.actorId, (event.after as { status: string }).status])).toEqual([
      ['status', officerColleague.user.id, 'discussed'],
      ['status', teamA.staff.user.id, 'closed'],
      ['status', teamA.coordinator.user.id, 'open'],
    ]);
    expect((await teamA.coordinator.get('/api/audit/verify')).body.ok).toBe(true);
  });

  it('marks the open reports of a meeting discussed when the meetings module asks', async () => {
    const open = await createReport(officer, { siteId: siteA.id });
    const closed = await createReport(teamA.staff, { siteId: siteA.id });
    await teamA.staff.patch(`/api/reports/${closed.id}`, { version: 1, status: 'closed' });
    const reports = test.app.get(ReportsService);

    const changed = await reports.markDiscussed([open.id, closed.id, open.id], teamA.coordinator.user.id);
    expect(changed.map((report) => [report.id, report.status, report.version])).toEqual([[open.id, 'discussed', 2]]);
    expect((await officer.get(`/api/reports/${open.id}`)).body).toMatchObject({ status: 'discussed', version: 2 });
    expect((await officer.get(`/api/reports/${closed.id}`)).body).toMatchObject({ status: 'closed', version: 2 });
    // Again: nothing left to change.
    expect(await reports.markDiscussed([open.id], teamA.coordinator.user.id)).toEqual([]);
    const audit = await teamA.coordinator.get(`/api/audit?entity=report&entityId=${open.id}`);
    expect(audit.body).toEqual([
      expect.objectContaining({ action: 'discuss', actorId: teamA.coordinator.user.id, before: { status: 'open', version: 1 }, after: { status: 'discussed', version: 2 } }),
    ]);
  });

  describe('counts', () => {
    // Fixed time: Monday 30 March 2026, 14:00 in Malmö (summer time began the day before).
    const now = new Date('2026-03-30T12:00:00Z');
    let team: MapTeam;
    let first: SiteFeature;
    let second: SiteFeature;

    beforeAll(async () => {
      jest.spyOn(test.app.get(Clock), 'now').mockReturnValue(now);
      // A fresh service organisation: its staff see only the reports made below, so every count is exact.
      team = await map.team();
      first = await map.site(team.staff, { name: 'Räknestället' });
      second = await map.site(team.staff, { name: 'Andra stället' });
      const zone = await map.zone(team.staff, first);
      const at = (iso: string) => new Date(iso).toISOString();
      await createReport(team.police, { siteId: first.id, category: 'enforcement_near_site', occurredAt: at('2026-03-30T08:00:00Z') });
      // 00:30 on Monday in Malmö, still Sunday (week 13) in UTC: it counts in week 14.
      await createReport(team.police, { zoneId: zone.id, category: 'enforcement_near_site', occurredAt: at('2026-03-29T22:30:00Z') });
      await createReport(team.staff, { siteId: first.id, category: 'public_nuisance', occurredAt: at('2026-03-26T10:00:00Z') });
      await createReport(team.staff, { siteId: second.id, category: 'staff_safety', occurredAt: at('2026-03-16T10:00:00Z') });
      await createReport(team.staff, { category: 'other', occurredAt: at('2026-03-17T10:00:00Z') });
      // Older than the range asked for below.
      await createReport(team.staff, { siteId: second.id, category: 'diversion', occurredAt: at('2026-02-01T10:00:00Z') });
      // Another service's report is not counted for this team.
      await createReport(staffB, { category: 'other', occurredAt: at('2026-03-20T10:00:00Z') });
    });
    afterAll(() => jest.restoreAllMocks());

    const stats = async (who: SignedInClient, query: string): Promise<ReportStats> => {
      const response = await who.get(`/api/reports/stats?${query}`);
      expect(response.status).toBe(200);
      return response.body;
    };
    const range = `since=${encodeURIComponent('2026-03-09T00:00:00+01:00')}&until=${encodeURIComponent(now.toISOString())}`;

    it('counts by category, every category listed', async () => {
      const result = await stats(team.staff, `${range}&groupBy=category`);
      expect(result).toEqual({
        since: '2026-03-08T23:00:00.000Z',
        until: now.toISOString(),
        groupBy: 'category',
        groups: [
          { key: 'enforcement_near_site', count: 2 },
          { key: 'diversion', count: 0 },
          { key: 'staff_safety', count: 1 },
          { key: 'public_nuisance', count: 1 },
          { key: 'overdose_response', count: 0 },
          { key: 'other', count: 1 },
        ],
      });
    });

    it('counts by site, with the site’s name, and the reports about no site', async () => {
      const result = await stats(team.staff, `${range}&groupBy=site`);
      expect(result.groups).toEqual([
        { key: first.id, count: 3, label: 'Räknestället' },
        { key: second.id, count: 1, label: 'Andra stället' },
        { key: 'none', count: 1, label: null },
      ]);
    });

    it('counts by ISO week in Malmö time, every week of the range listed', async () => {
      const result = await stats(team.staff, `${range}&groupBy=week`);
      const zero = { enforcement_near_site: 0, diversion: 0, staff_safety: 0, public_nuisance: 0, overdose_response: 0, other: 0 };
      expect(result.groups).toEqual([
        { key: '2026-W11', count: 0, categories: zero },
        { key: '2026-W12', count: 2, categories: { ...zero, staff_safety: 1, other: 1 } },
        { key: '2026-W13', count: 1, categories: { ...zero, public_nuisance: 1 } },
        { key: '2026-W14', count: 2, categories: { ...zero, enforcement_near_site: 2 } },
      ]);
    });

    it('defaults to the last 90 days by category, and counts only what the caller may see', async () => {
      const result = await stats(team.staff, '');
      expect(result.until).toBe(now.toISOString());
      expect(result.since).toBe(new Date(now.getTime() - 90 * DAY).toISOString());
      expect(result.groups.reduce((sum, group) => sum + group.count, 0)).toBe(6);
      // Police see every report: at least these, and the other service's.
      const police = await stats(team.police, `${range}&groupBy=site`);
      expect(police.groups.find((group) => group.key === first.id)?.count).toBe(3);
      const siteOnly = await stats(team.staff, `${range}&siteId=${second.id}`);
      expect(siteOnly.groups.find((group) => group.key === 'staff_safety')?.count).toBe(1);
      expect(siteOnly.groups.reduce((sum, group) => sum + group.count, 0)).toBe(1);
    });

    it('refuses a range that is empty, reversed or too long, and an unknown grouping', async () => {
      const bad = [
        [`since=${encodeURIComponent(now.toISOString())}&until=${encodeURIComponent('2026-03-01T00:00:00Z')}`, 'since'],
        [`since=${encodeURIComponent('2020-01-01T00:00:00Z')}&until=${encodeURIComponent(now.toISOString())}`, 'since'],
        ['groupBy=month', 'groupBy'],
        ['until=tomorrow', 'until'],
      ];
      for (const [query, field] of bad) {
        const response = await team.staff.get(`/api/reports/stats?${query}`);
        expect(response.status).toBe(400);
        expect(response.body.details[0].field).toBe(field);
      }
    });
  });
});
