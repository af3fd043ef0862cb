import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Schedule, SiteFeature } from '@samverkan/contracts';
import { DOMAIN_EVENTS, type SiteChangedEvent } from '../../apps/api/src/common/domain-events';
import { unique } from '../support/factories';
import { parseKml } from '../support/kml';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam, offset, point, uniqueSpot } from '../support/zone-factories';

/** A naloxone point's hours: weekdays 10–18, Saturdays 12–16. */
const NALOXONE_HOURS: Schedule = {
  timezone: 'Europe/Stockholm',
  windows: [
    { days: [1, 2, 3, 4, 5], from: '10:00', to: '18:00' },
    { days: [6], from: '12:00', to: '16:00' },
  ],
};

/** Outreach in the evenings, past midnight; closed on Christmas Eve. */
const OUTREACH_HOURS: Schedule = {
  timezone: 'Europe/Stockholm',
  windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '19:00', to: '01:00' }],
  exceptions: [{ date: '2026-12-24', closed: true }],
};

// 4 May 2026 is a Monday (summer time, +02:00).
const MONDAY_NOON = '2026-05-04T12:00:00+02:00';

describe('sites: opening schedule and open now (extension)', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  const siteEvents: SiteChangedEvent[] = [];

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    test.app.get(EventEmitter2).on(DOMAIN_EVENTS.siteChanged, (event: SiteChangedEvent) => siteEvents.push(event));
  });
  afterAll(() => test.close());

  const openingAt = async (id: string, at: string) => {
    const response = await team.police.get(`/api/sites/${id}?at=${encodeURIComponent(at)}`);
    expect(response.status).toBe(200);
    const { openNow, closesAt, nextOpenAt } = response.body.properties;
    return { openNow, closesAt, nextOpenAt };
  };

  it('stores the schedule as given and tells whether the site is open at the time asked', async () => {
    const site = await map.site(team.staff, { type: 'naloxone', body: { openingSchedule: NALOXONE_HOURS, openingHours: 'Mån–fre 10–18, lör 12–16' } });
    expect(site.properties).toMatchObject({ openingSchedule: NALOXONE_HOURS, openingHours: 'Mån–fre 10–18, lör 12–16' });
    expect(typeof site.properties.openNow).toBe('boolean');
    expect(siteEvents.filter((event) => event.site.id === site.id)).toEqual([{ change: 'created', site, actorId: team.staff.user.id }]);

    expect(await openingAt(site.id as string, MONDAY_NOON)).toEqual({ openNow: true, closesAt: '2026-05-04T18:00:00.000+02:00', nextOpenAt: null });
    expect(await openingAt(site.id as string, '2026-05-04T18:00:00+02:00')).toEqual({
      openNow: false,
      closesAt: null,
      nextOpenAt: '2026-05-05T10:00:00.000+02:00',
    });
    // The offset asked in is only a way of naming the instant: 16:30 UTC is 18:30 in Malmö.
    expect(await openingAt(site.id as string, '2026-05-04T16:30:00Z')).toMatchObject({ openNow: false, nextOpenAt: '2026-05-05T10:00:00.000+02:00' });
    expect(await openingAt(site.id as string, '2026-05-09T13:00:00+02:00')).toEqual({ openNow: true, closesAt: '2026-05-09T16:00:00.000+02:00', nextOpenAt: null });
    expect(await openingAt(site.id as string, '2026-05-10T13:00:00+02:00')).toEqual({
      openNow: false,
      closesAt: null,
      nextOpenAt: '2026-05-11T10:00:00.000+02:00',
    });
  });

  it('a window past midnight belongs to the day it starts; exceptions close a day; without a schedule nothing is claimed', async () => {
    const spot = uniqueSpot();
    const outreach = await map.site(team.staff, { at: spot, type: 'outreach', body: { openingSchedule: OUTREACH_HOURS } });
    const unscheduled = await map.site(team.staff, { at: offset(spot, 200, 0), type: 'needle_exchange', body: { openingHours: 'Ring först' } });
    expect(unscheduled.properties).toMatchObject({ openingSchedule: null, openNow: null, closesAt: null, nextOpenAt: null });

    // Sunday 3 May 19:00 until Monday 01:00.
    expect(await openingAt(outreach.id as string, '2026-05-04T00:30:00+02:00')).toEqual({
      openNow: true,
      closesAt: '2026-05-04T01:00:00.000+02:00',
      nextOpenAt: null,
    });
    expect(await openingAt(outreach.id as string, '2026-12-24T20:00:00+01:00')).toEqual({
      openNow: false,
      closesAt: null,
      nextOpenAt: '2026-12-25T19:00:00.000+01:00',
    });

    // The list answers for the same `at` for every site.
    const [minLng, minLat] = offset(spot, -50, -50);
    const [maxLng, maxLat] = offset(spot, 250, 50);
    const list = async (at: string) => {
      const response = await team.police.get(`/api/sites?bbox=${minLng},${minLat},${maxLng},${maxLat}&at=${encodeURIComponent(at)}`);
      expect(response.status).toBe(200);
      return Object.fromEntries(response.body.features.map((site: SiteFeature) => [site.id, site.properties.openNow]));
    };
    expect(await list('2026-05-04T22:00:00+02:00')).toEqual({ [outreach.id as string]: true, [unscheduled.id as string]: null });
    expect(await list(MONDAY_NOON)).toEqual({ [outreach.id as string]: false, [unscheduled.id as string]: null });

    for (const path of [`/api/sites?at=2026-05-04T12:00:00`, `/api/sites/${outreach.id}?at=tomorrow`]) {
      const response = await team.police.get(path);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^at: must be an ISO 8601 time with an offset/);
    }
  });

  it('refuses a bad schedule with a 400 naming the exact member, on create and on edit', async () => {
    const location = point(uniqueSpot());
    const cases: [unknown, RegExp][] = [
      ['Mån–fre 10–18', /^openingSchedule: must be an object \{ timezone, windows, exceptions\? \}/],
      [{ timezone: '+01:00', windows: [] }, /^openingSchedule\.timezone: "\+01:00" is not an IANA time zone name/],
      [{ timezone: 'Europe/Stockholm', windows: [{ days: [1], from: '25:00', to: '18:00' }] }, /^openingSchedule\.windows\[0\]\.from: /],
      [{ timezone: 'Europe/Stockholm', windows: [{ days: [8], from: '10:00', to: '18:00' }] }, /^openingSchedule\.windows\[0\]\.days/],
      [{ timezone: 'Europe/Stockholm', windows: [{ day: [1], from: '10:00', to: '18:00' }] }, /^openingSchedule\.windows\[0\]\./],
      [{ timezone: 'Europe/Stockholm', windows: [], exceptions: [{ date: '2026-02-30', closed: true }] }, /^openingSchedule\.exceptions\[0\]\.date: /],
      [{ timezone: 'Europe/Stockholm', windows: [], open: true }, /^openingSchedule\.open: is not a known field/],
    ];
    for (const [openingSchedule, message] of cases) {
      const response = await team.staff.post('/api/sites', { name: 'Fel schema', type: 'naloxone', location, openingSchedule });
      expect({ openingSchedule, status: response.status, message: response.body.message }).toEqual({
        openingSchedule,
        status: 400,
        message: expect.stringMatching(message),
      });
      expect(response.body.details[0].field).toMatch(/^openingSchedule/);
    }

    const site = await map.site(team.staff, { type: 'naloxone', body: { openingSchedule: NALOXONE_HOURS } });
    const badEdit = await team.staff.patch(`/api/sites/${site.id}`, { version: 1, openingSchedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1] }] } });
    expect(badEdit.status).toBe(400);
    expect(badEdit.body.message).toMatch(/^openingSchedule\.windows\[0\]\.from: /);
    // Nothing was written.
    expect((await team.staff.get(`/api/sites/${site.id}`)).body.properties).toMatchObject({ version: 1, openingSchedule: NALOXONE_HOURS });
  });

  it('edits change the schedule with the version read; the audit and the change event carry it', async () => {
    const site = await map.site(team.staff, { type: 'naloxone', body: { openingSchedule: NALOXONE_HOURS } });
    const weekdaysOnly: Schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '15:00' }] };

    const changed = await team.staff.patch(`/api/sites/${site.id}`, { version: 1, openingSchedule: weekdaysOnly });
    expect(changed.status).toBe(200);
    expect(changed.body.properties).toMatchObject({ version: 2, openingSchedule: weekdaysOnly, name: site.properties.name });
    expect(await openingAt(site.id as string, '2026-05-09T13:00:00+02:00')).toMatchObject({ openNow: false, nextOpenAt: '2026-05-11T09:00:00.000+02:00' });

    const stale = await team.staff.patch(`/api/sites/${site.id}`, { version: 1, openingSchedule: NALOXONE_HOURS });
    expect(stale.status).toBe(409);

    // Another field alone leaves the schedule as it is; null removes it.
    const renamed = await team.staff.patch(`/api/sites/${site.id}`, { version: 2, name: unique('Nytt namn') });
    expect(renamed.body.properties).toMatchObject({ version: 3, openingSchedule: weekdaysOnly });
    const cleared = await team.staff.patch(`/api/sites/${site.id}`, { version: 3, openingSchedule: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.properties).toMatchObject({ version: 4, openingSchedule: null, openNow: null, closesAt: null, nextOpenAt: null });

    const audit = await team.police.get(`/api/audit?entity=site&entityId=${site.id}`);
    expect(audit.status).toBe(200);
    const updates = audit.body.filter((event: { action: string }) => event.action === 'update');
    expect(updates).toHaveLength(3);
    expect(updates[0].before.properties.openingSchedule).toEqual(NALOXONE_HOURS);
    expect(updates[0].after.properties.openingSchedule).toEqual(weekdaysOnly);
    expect(updates[2].after.properties.openingSchedule).toBeNull();

    const events = siteEvents.filter((event) => event.site.id === site.id);
    expect(events.map((event) => [event.change, event.site.properties.openingSchedule])).toEqual([
      ['created', NALOXONE_HOURS],
      ['updated', weekdaysOnly],
      ['updated', weekdaysOnly],
      ['updated', null],
    ]);
  });

  it('exports the schedule: as a member in GeoJSON, in words and as data in KML', async () => {
    const site = await map.site(team.staff, { type: 'naloxone', body: { openingSchedule: NALOXONE_HOURS } });

    const geojson = await team.police.get('/api/sites/export?format=geojson');
    expect(geojson.status).toBe(200);
    const exported = geojson.body.features.find((feature: { id: string }) => feature.id === site.id);
    expect(exported.properties.openingSchedule).toEqual(NALOXONE_HOURS);

    const kml = await team.police.get('/api/sites/export?format=kml');
    const placemark = parseKml(kml.body).features.find((feature) => feature.properties?.siteId === site.id);
    expect(placemark?.properties?.description).toContain('Öppettider: Mån–fre 10:00–18:00; Lör 12:00–16:00');
    expect(JSON.parse(String(placemark?.properties?.openingSchedule))).toEqual(NALOXONE_HOURS);
  });
});
