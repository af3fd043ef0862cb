import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AuditEvent, Kit, KitStats, Organisation, SiteFeature } from '@samverkan/contracts';
import { Clock } from '../../apps/api/src/common/clock';
import { DOMAIN_EVENTS, JointChannelNoticeEvent } from '../../apps/api/src/common/domain-events';
import { KitExpiryNoticeService } from '../../apps/api/src/kits/kit-expiry-notice.service';
import { Factory } from '../support/factories';
import { ago, createKit, HOUR, MINUTE } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, SignedInClient } from '../support/zone-factories';

// Wednesday 25 November 2026, 23:30 in Malmö (22:30 UTC): late enough that UTC and Malmö agree on the day,
// and the kits' days are counted from 2026-11-25.
const NOW = new Date('2026-11-25T22:30:00Z');

describe('naloxone kits', () => {
  let test: TestApp;
  let map: MapFactory;
  let people: Factory;
  let policeOrg: Organisation;
  let officer: SignedInClient;
  let colleague: SignedInClient;
  let otherOfficer: SignedInClient;
  let coordinator: SignedInClient;
  let admin: SignedInClient;
  let staff: SignedInClient;
  let naloxoneStaff: SignedInClient;
  let site: SiteFeature;

  beforeAll(async () => {
    test = await startTestApp();
    jest.spyOn(test.app.get(Clock), 'now').mockImplementation(() => NOW);
    map = await MapFactory.create(test.baseUrl);
    people = map.people;
    policeOrg = await people.organisation('police', `Polisområde Test ${Math.random().toString(36).slice(2, 8)}`);
    officer = await people.user({ role: 'police', organisationId: policeOrg.id, displayName: 'Olle Officer' });
    colleague = await people.user({ role: 'police', organisationId: policeOrg.id });
    otherOfficer = await people.user({ role: 'police' });
    coordinator = await people.user({ role: 'coordinator' });
    admin = await people.user({ role: 'admin' });
    staff = await people.user({ role: 'service' });
    site = await map.site(staff);
    naloxoneStaff = await people.user({ role: 'service' });
    await map.site(naloxoneStaff, { type: 'naloxone' });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await test.close();
  });

  it('registers kits for the officer’s organisation and lists those expiring, soonest first, expired ones marked', async () => {
    const soon = await createKit(officer, { label: 'Bil 3211', batch: 'NX24-118', expiresOn: '2026-12-01' });
    expect(soon).toEqual({
      id: expect.any(String),
      organisationId: policeOrg.id,
      label: 'Bil 3211',
      batch: 'NX24-118',
      expiresOn: '2026-12-01',
      status: 'in_service',
      version: 1,
      usedAt: null,
      reportId: null,
      expired: false,
      daysUntilExpiry: 6,
    });
    const later = await createKit(colleague, { label: 'Piket 3', expiresOn: '2027-01-24' });
    const far = await createKit(officer, { label: 'Bil 3212', expiresOn: '2027-06-30' });
    const expired = await createKit(officer, { label: 'Bil 3213', expiresOn: '2026-11-24' });
    const today = await createKit(officer, { label: 'Bil 3214', expiresOn: '2026-11-25' });

    const within60 = await officer.get('/api/kits?expiringWithinDays=60');
    expect(within60.status).toBe(200);
    expect(within60.body.map((kit: Kit) => [kit.label, kit.daysUntilExpiry, kit.expired])).toEqual([
      ['Bil 3213', -1, true],
      ['Bil 3214', 0, false],
      ['Bil 3211', 6, false],
      ['Piket 3', 60, false],
    ]);
    const all = await colleague.get('/api/kits');
    expect(all.body.map((kit: Kit) => kit.id)).toEqual([expired.id, today.id, soon.id, later.id, far.id]);
    expect((await officer.get('/api/kits?expiringWithinDays=0')).body.map((kit: Kit) => kit.id)).toEqual([expired.id, today.id]);

    // Another police organisation neither lists nor reads these kits; coordinators and administrators see them all.
    expect((await otherOfficer.get('/api/kits')).body.map((kit: Kit) => kit.organisationId)).not.toContain(policeOrg.id);
    expect((await otherOfficer.get(`/api/kits/${soon.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/kits?organisationId=${policeOrg.id}`)).body.map((kit: Kit) => kit.id)).toHaveLength(5);
    expect((await admin.get(`/api/kits/${soon.id}`)).body.label).toBe('Bil 3211');
    // Service staff plan resupply from the counts, not the kit list; only police register kits.
    expect((await staff.get('/api/kits')).status).toBe(403);
    expect((await coordinator.post('/api/kits', { label: 'Bil 1', batch: 'B', expiresOn: '2027-01-01' })).status).toBe(403);
    expect((await staff.post('/api/kits', { label: 'Bil 1', batch: 'B', expiresOn: '2027-01-01' })).status).toBe(403);

    for (const [query, field] of [
      ['expiringWithinDays=-1', 'expiringWithinDays'],
      ['expiringWithinDays=soon', 'expiringWithinDays'],
      ['status=lost', 'status'],
    ]) {
      const response = await officer.get(`/api/kits?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe(field);
    }
  });

  it('refuses a label that names a person, and dates that are not days', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ label: 'Olle Officer', batch: 'B1', expiresOn: '2027-01-01' }, 'label', /not a person/],
      [{ label: 'olle officer', batch: 'B1', expiresOn: '2027-01-01' }, 'label', /not a person/],
      [{ label: 'Ring 070-123 45 67', batch: 'B1', expiresOn: '2027-01-01' }, 'label', /a phone number/],
      [{ label: 'Kit 19121212-1212', batch: 'B1', expiresOn: '2027-01-01' }, 'label', /a personal identity number/],
      [{ label: '', batch: 'B1', expiresOn: '2027-01-01' }, 'label', /1–200/],
      [{ label: 'Bil 1', batch: '', expiresOn: '2027-01-01' }, 'batch', /1–100/],
      [{ label: 'Bil 1', batch: 'B1', expiresOn: '2027-02-29' }, 'expiresOn', /YYYY-MM-DD/],
      [{ label: 'Bil 1', batch: 'B1', expiresOn: '2027-01-01T00:00:00Z' }, 'expiresOn', /YYYY-MM-DD/],
      [{ label: 'Bil 1', batch: 'B1', expiresOn: '2270-01-01' }, 'expiresOn', /YYYY-MM-DD/],
    ];
    for (const [body, field, message] of cases) {
      const response = await officer.post('/api/kits', body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details[0]).toEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
    }
    expect((await officer.post('/api/kits', cases[2][0])).body.details[0].reason).toBe('phone_number');
    expect(JSON.stringify((await officer.post('/api/kits', cases[2][0])).body)).not.toContain('123 45 67');
  });

  it('changes a kit with the version read, audits every change, and never turns it "used" by a patch', async () => {
    const kit = await createKit(officer, { label: 'Bil 4001', expiresOn: '2027-03-01' });
    const renamed = await colleague.patch(`/api/kits/${kit.id}`, { version: 1, label: 'Bil 4002', expiresOn: '2027-03-15' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ label: 'Bil 4002', expiresOn: '2027-03-15', version: 2, batch: kit.batch });
    expect((await officer.patch(`/api/kits/${kit.id}`, { version: 1, batch: 'X' })).status).toBe(409);
    const used = await officer.patch(`/api/kits/${kit.id}`, { version: 2, status: 'used' });
    expect(used.status).toBe(400);
    expect(used.body.details[0].field).toBe('status');
    expect((await otherOfficer.patch(`/api/kits/${kit.id}`, { version: 2, batch: 'X' })).status).toBe(404);
    expect((await coordinator.patch(`/api/kits/${kit.id}`, { version: 2, batch: 'X' })).status).toBe(403);
    const discarded = await officer.patch(`/api/kits/${kit.id}`, { version: 2, status: 'discarded' });
    expect(discarded.body).toMatchObject({ status: 'discarded', version: 3 });
    // A discarded kit cannot be used.
    expect((await officer.post(`/api/kits/${kit.id}/use`, { usedAt: ago(HOUR, NOW) })).status).toBe(409);

    const audit = await coordinator.get(`/api/audit?entity=kit&entityId=${kit.id}`);
    expect(audit.body.map((event: AuditEvent) => [event.action, (event.after as Kit).version, (event.after as Kit).status])).toEqual([
      ['create', 1, 'in_service'],
      ['update', 2, 'in_service'],
      ['discard', 3, 'discarded'],
    ]);
  });

  it('records a use in one step: the kit is used and an overdose_response report links it, with no position and no person', async () => {
    const kit = await createKit(officer, { label: 'Bil 5001', expiresOn: '2027-05-01' });
    const usedAt = ago(20 * MINUTE, NOW);
    const response = await colleague.post(`/api/kits/${kit.id}/use`, { usedAt, siteId: site.id });
    expect(response.status).toBe(201);
    const { kit: used, report } = response.body;
    expect(used).toMatchObject({ id: kit.id, status: 'used', usedAt, version: 2, reportId: report.id });
    expect(report).toEqual({
      id: expect.any(String),
      category: 'overdose_response',
      siteId: site.id,
      zoneId: null,
      occurredAt: usedAt,
      body: 'Naloxonkit användes vid en överdos. / A naloxone kit was used at an overdose.',
      organisationId: policeOrg.id,
      authorId: colleague.user.id,
      status: 'open',
      version: 1,
      createdAt: expect.any(String),
      kitId: kit.id,
      updatedAt: expect.any(String),
    });
    // The site's staff see it on their site.
    const atSite = await staff.get(`/api/reports?siteId=${site.id}&category=overdose_response`);
    expect(atSite.body.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect((await officer.get(`/api/kits/${kit.id}`)).body).toMatchObject({ status: 'used', reportId: report.id });

    // Twice is once too many; a used kit is not changed.
    expect((await officer.post(`/api/kits/${kit.id}/use`, { usedAt })).status).toBe(409);
    expect((await officer.patch(`/api/kits/${kit.id}`, { version: 2, label: 'Bil 5002' })).status).toBe(409);
    const audit = await coordinator.get(`/api/audit?entity=kit&entityId=${kit.id}`);
    expect(audit.body.map((event: AuditEvent) => event.action)).toEqual(['create', 'use']);
  });

  it('reminds the officer who used a kit to get a new one until they register it, telling no one else', async () => {
    const unit = await people.organisation('police', `Polisområde Ersättning ${Math.random().toString(36).slice(2, 8)}`);
    const user = await people.user({ role: 'police', organisationId: unit.id });
    const partner = await people.user({ role: 'police', organisationId: unit.id });
    const kit = await createKit(user, { label: 'Bil 7001', expiresOn: '2027-05-01' });
    expect((await user.get('/api/kits/replacements')).body).toEqual([]);

    const usedAt = ago(30 * MINUTE, NOW);
    expect((await user.post(`/api/kits/${kit.id}/use`, { usedAt })).status).toBe(201);
    const waiting = await user.get('/api/kits/replacements');
    expect(waiting.status).toBe(200);
    expect(waiting.body).toEqual([{ kitId: kit.id, label: 'Bil 7001', usedAt }]);
    // Only the officer who used it is reminded; a colleague's kit for another unit does not replace it.
    expect((await partner.get('/api/kits/replacements')).body).toEqual([]);
    await createKit(partner, { label: 'Piket 9', expiresOn: '2027-05-01' });
    expect((await user.get('/api/kits/replacements')).body).toEqual([{ kitId: kit.id, label: 'Bil 7001', usedAt }]);

    await createKit(user, { label: 'Bil 7002', expiresOn: '2027-08-01' });
    expect((await user.get('/api/kits/replacements')).body).toEqual([]);

    for (const outsider of [staff, coordinator, admin]) expect((await outsider.get('/api/kits/replacements')).status).toBe(403);
  });

  it('leaves the kit in service when its report is refused (one transaction)', async () => {
    const kit = await createKit(officer, { label: 'Bil 6001', expiresOn: '2027-05-01' });
    const cases: [Record<string, unknown>, string][] = [
      [{ usedAt: ago(-HOUR, NOW) }, 'usedAt'],
      [{ usedAt: ago(HOUR, NOW), siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId'],
      [{ usedAt: ago(HOUR, NOW), body: 'Personen, 19121212-1212, vaknade.' }, 'body'],
      [{}, 'usedAt'],
    ];
    for (const [body, field] of cases) {
      const response = await officer.post(`/api/kits/${kit.id}/use`, body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details[0].field).toBe(field);
    }
    expect((await officer.get(`/api/kits/${kit.id}`)).body).toMatchObject({ status: 'in_service', version: 1, reportId: null });
    // With a text of the officer's own, the report says that instead.
    const withText = await officer.post(`/api/kits/${kit.id}/use`, { usedAt: ago(HOUR, NOW), body: 'Två doser gavs vid busshållplatsen.' });
    expect(withText.status).toBe(201);
    expect(withText.body.report.body).toBe('Två doser gavs vid busshållplatsen.');
  });

  describe('counts for resupply and the daily notice', () => {
    let countedOrg: Organisation;
    let counted: SignedInClient;

    beforeAll(async () => {
      // A fresh police organisation, so every count is exact.
      countedOrg = await people.organisation('police', `Polisområde Räkna ${Math.random().toString(36).slice(2, 8)}`);
      counted = await people.user({ role: 'police', organisationId: countedOrg.id });
      await createKit(counted, { label: 'Bil 1', expiresOn: '2026-12-01' });
      await createKit(counted, { label: 'Bil 2', expiresOn: '2026-12-09' });
      await createKit(counted, { label: 'Bil 3', expiresOn: '2027-01-10' });
      await createKit(counted, { label: 'Bil 4', expiresOn: '2027-09-01' });
      await createKit(counted, { label: 'Bil 5', expiresOn: '2026-11-20' });
      const usedNow = await createKit(counted, { label: 'Bil 6', expiresOn: '2027-09-01' });
      await counted.post(`/api/kits/${usedNow.id}/use`, { usedAt: ago(HOUR, NOW) });
      const usedEarlier = await createKit(counted, { label: 'Bil 7', expiresOn: '2027-09-01' });
      await counted.post(`/api/kits/${usedEarlier.id}/use`, { usedAt: '2026-10-31T23:30:00Z' });
      const thrownAway = await createKit(counted, { label: 'Bil 8', expiresOn: '2026-11-30' });
      await counted.patch(`/api/kits/${thrownAway.id}`, { version: 1, status: 'discarded' });
    });

    it('counts per police organisation: police their own, naloxone sites and coordinators every one', async () => {
      const expected: KitStats = {
        organisationId: countedOrg.id,
        organisationName: countedOrg.name,
        inService: 4,
        expiringWithin60Days: 3,
        expired: 1,
        usedByMonth: [
          ...['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((month) => ({
            month,
            count: 0,
          })),
          { month: '2026-11', count: 2 },
        ],
      };
      const own = await counted.get('/api/kits/stats');
      expect(own.status).toBe(200);
      expect(own.body).toEqual([expected]);
      for (const who of [naloxoneStaff, coordinator, admin]) {
        const response = await who.get('/api/kits/stats');
        expect(response.status).toBe(200);
        const organisations = response.body.map((entry: KitStats) => entry.organisationId);
        expect(organisations).toEqual(expect.arrayContaining([countedOrg.id, policeOrg.id]));
        expect(response.body.find((entry: KitStats) => entry.organisationId === countedOrg.id)).toEqual(expected);
      }
      // Staff of a service without a naloxone site do not plan resupply.
      expect((await staff.get('/api/kits/stats')).status).toBe(403);
    });

    it('emits one joint-channel notice per police organisation with kits expiring within 14 days', async () => {
      const emitted: JointChannelNoticeEvent[] = [];
      const events = test.app.get(EventEmitter2);
      const listener = (event: JointChannelNoticeEvent) => emitted.push(event);
      events.on(DOMAIN_EVENTS.jointChannelNotice, listener);
      try {
        const notices = await test.app.get(KitExpiryNoticeService).notifyExpiringKits();
        expect(emitted).toEqual(notices);
      } finally {
        events.off(DOMAIN_EVENTS.jointChannelNotice, listener);
      }
      const forCounted = emitted.filter((notice) => notice.key.includes(countedOrg.id));
      expect(forCounted).toEqual([
        {
          key: `kits-expiring:${countedOrg.id}:2026-11-25`,
          body:
            `${countedOrg.name}: 2 naloxonkit går ut inom 14 dagar (först 2026-12-01); 1 naloxonkit i tjänst har redan gått ut. / ` +
            '2 naloxone kits expire within 14 days (earliest 2026-12-01); 1 naloxone kit in service has already expired.',
        },
      ]);
      // The first test's organisation: Bil 3213 (expired), 3214 (today), 3211 (in 6 days) and Bil 6001 was used.
      expect(emitted.filter((notice) => notice.key.includes(policeOrg.id)).map((notice) => notice.body)).toEqual([
        `${policeOrg.name}: 2 naloxonkit går ut inom 14 dagar (först 2026-11-25); 1 naloxonkit i tjänst har redan gått ut. / ` +
          '2 naloxone kits expire within 14 days (earliest 2026-11-25); 1 naloxone kit in service has already expired.',
      ]);
      expect(new Set(emitted.map((notice) => notice.key)).size).toBe(emitted.length);

      // A week later the day in the key moves on; an organisation whose kits are all far off gets nothing.
      jest.spyOn(test.app.get(Clock), 'now').mockReturnValue(new Date('2026-12-02T08:00:00Z'));
      try {
        const later = await test.app.get(KitExpiryNoticeService).notifyExpiringKits();
        expect(later.find((notice) => notice.key.includes(countedOrg.id))?.key).toBe(`kits-expiring:${countedOrg.id}:2026-12-02`);
      } finally {
        jest.spyOn(test.app.get(Clock), 'now').mockImplementation(() => NOW);
      }
      const quietOrg = await people.organisation('police');
      const quiet = await people.user({ role: 'police', organisationId: quietOrg.id });
      await createKit(quiet, { expiresOn: '2027-08-01' });
      const notices = await test.app.get(KitExpiryNoticeService).notifyExpiringKits();
      expect(notices.filter((notice) => notice.key.includes(quietOrg.id))).toEqual([]);
    });
  });
});
