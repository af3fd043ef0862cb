import type { Schedule, SiteFeature, ZoneFeature } from '@samverkan/contracts';
import { startTestApp, TestApp } from '../support/test-app';
import { MapFactory, MapTeam } from '../support/zone-factories';

const stockholm = (windows: Schedule['windows'], exceptions?: Schedule['exceptions']): Schedule => ({
  timezone: 'Europe/Stockholm',
  windows,
  ...(exceptions ? { exceptions } : {}),
});

// 2026: summer time starts Sunday 29 March at 02:00 (clocks jump to 03:00) and ends Sunday
// 25 October at 03:00 (clocks go back to 02:00), in Europe/Stockholm.

describe('zone schedules through the API (in-force now or at `at`)', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
  });
  afterAll(() => test.close());

  async function agreed(body: Record<string, unknown>): Promise<{ site: SiteFeature; zone: ZoneFeature }> {
    return map.agreedZone(team, body);
  }

  /** The zone's state at `at`, from GET /api/zones/:id and from the position check at the site, which must agree. */
  async function stateAt(site: SiteFeature, zone: ZoneFeature, at: string) {
    const byId = await team.police.get(`/api/zones/${zone.id}?at=${encodeURIComponent(at)}`);
    expect(byId.status).toBe(200);
    const [lng, lat] = site.geometry.coordinates;
    const check = await team.police.get(`/api/zones/check?lat=${lat}&lng=${lng}&at=${encodeURIComponent(at)}`);
    expect(check.status).toBe(200);
    const summary = check.body.inside.find((entry: { zoneId: string }) => entry.zoneId === zone.id);
    const { inForce, until, nextInForceAt } = byId.body.properties;
    expect({ inForce: summary.inForce, until: summary.until, nextInForceAt: summary.nextInForceAt }).toEqual({ inForce, until, nextInForceAt });
    return { inForce, until, nextInForceAt };
  }

  it('weekday daytime hours, across the spring change', async () => {
    const { site, zone } = await agreed({ schedule: stockholm([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }]) });
    expect(await stateAt(site, zone, '2026-03-27T16:30:00+01:00')).toEqual({ inForce: true, until: '2026-03-27T17:00:00.000+01:00', nextInForceAt: null });
    // Saturday before the change: next opening is Monday, in summer time.
    expect(await stateAt(site, zone, '2026-03-28T10:00:00+01:00')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-03-30T09:00:00.000+02:00' });
    expect(await stateAt(site, zone, '2026-03-30T07:00:00Z')).toEqual({ inForce: true, until: '2026-03-30T17:00:00.000+02:00', nextInForceAt: null });
    // 17:00 is the end: not included.
    expect(await stateAt(site, zone, '2026-03-30T17:00:00+02:00')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-03-31T09:00:00.000+02:00' });
  });

  it('a window past midnight belongs to the day it starts, and runs through both clock changes', async () => {
    const { site, zone } = await agreed({ schedule: stockholm([{ days: [5, 6], from: '22:00', to: '04:00' }]) });
    // Saturday night 28–29 March: 22:00 CET to 04:00 CEST, five real hours.
    expect(await stateAt(site, zone, '2026-03-28T23:30:00+01:00')).toEqual({ inForce: true, until: '2026-03-29T04:00:00.000+02:00', nextInForceAt: null });
    expect(await stateAt(site, zone, '2026-03-29T03:30:00+02:00')).toEqual({ inForce: true, until: '2026-03-29T04:00:00.000+02:00', nextInForceAt: null });
    expect(await stateAt(site, zone, '2026-03-29T04:00:00+02:00')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-04-03T22:00:00.000+02:00' });
    // Sunday evening starts no window.
    expect((await stateAt(site, zone, '2026-03-29T23:00:00+02:00')).inForce).toBe(false);
    // Saturday night 24–25 October: 22:00 CEST to 04:00 CET, seven real hours; both 02:30s are inside.
    expect(await stateAt(site, zone, '2026-10-24T23:00:00+02:00')).toEqual({ inForce: true, until: '2026-10-25T04:00:00.000+01:00', nextInForceAt: null });
    expect((await stateAt(site, zone, '2026-10-25T02:30:00+02:00')).inForce).toBe(true);
    expect(await stateAt(site, zone, '2026-10-25T02:30:00+01:00')).toEqual({ inForce: true, until: '2026-10-25T04:00:00.000+01:00', nextInForceAt: null });
    expect((await stateAt(site, zone, '2026-10-25T04:00:00+01:00')).inForce).toBe(false);
  });

  it('a window in the skipped hour of 29 March starts when the clock jumps; in October the repeated hour is taken once from its first 02:30', async () => {
    const { site, zone } = await agreed({ schedule: stockholm([{ days: [7], from: '02:30', to: '03:30' }]) });
    // 02:30 does not exist on 29 March: the window starts at 03:00 CEST, when the clock jumps.
    expect(await stateAt(site, zone, '2026-03-29T01:30:00+01:00')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-03-29T03:00:00.000+02:00' });
    expect(await stateAt(site, zone, '2026-03-29T03:10:00+02:00')).toEqual({ inForce: true, until: '2026-03-29T03:30:00.000+02:00', nextInForceAt: null });
    // On 25 October 02:30 happens twice: the window starts at the first and ends at 03:30 CET, two real hours.
    expect(await stateAt(site, zone, '2026-10-25T02:00:00+02:00')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-10-25T02:30:00.000+02:00' });
    expect(await stateAt(site, zone, '2026-10-25T02:45:00+01:00')).toEqual({ inForce: true, until: '2026-10-25T03:30:00.000+01:00', nextInForceAt: null });
  });

  it('a window wholly inside the skipped hour does not happen that day', async () => {
    const { site, zone } = await agreed({ schedule: stockholm([{ days: [7], from: '02:00', to: '03:00' }]) });
    expect(await stateAt(site, zone, '2026-03-29T00:30:00Z')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-04-05T02:00:00.000+02:00' });
  });

  it('closed days and special hours by date', async () => {
    const schedule = stockholm([{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' }], [
      { date: '2026-12-24', closed: true },
      { date: '2026-12-31', windows: [{ from: '10:00', to: '14:00' }] },
    ]);
    const { site, zone } = await agreed({ schedule });
    expect(await stateAt(site, zone, '2026-12-23T19:00:00+01:00')).toEqual({ inForce: true, until: '2026-12-23T20:00:00.000+01:00', nextInForceAt: null });
    expect(await stateAt(site, zone, '2026-12-24T12:00:00+01:00')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-12-25T08:00:00.000+01:00' });
    expect(await stateAt(site, zone, '2026-12-31T09:00:00+01:00')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-12-31T10:00:00.000+01:00' });
    expect(await stateAt(site, zone, '2026-12-31T13:00:00+01:00')).toEqual({ inForce: true, until: '2026-12-31T14:00:00.000+01:00', nextInForceAt: null });
    expect(zone.properties.schedule).toEqual(schedule);
  });

  it('validity bounds: in force from validFrom, up to but not including validUntil', async () => {
    const { site, zone } = await agreed({ validFrom: '2026-06-01T00:00:00+02:00', validUntil: '2026-09-01T00:00:00+02:00' });
    expect(zone.properties).toMatchObject({ validFrom: '2026-05-31T22:00:00.000Z', validUntil: '2026-08-31T22:00:00.000Z' });
    expect(await stateAt(site, zone, '2026-05-31T12:00:00+02:00')).toEqual({ inForce: false, until: null, nextInForceAt: '2026-06-01T00:00:00.000+02:00' });
    expect(await stateAt(site, zone, '2026-08-31T23:00:00+02:00')).toEqual({ inForce: true, until: '2026-09-01T00:00:00.000+02:00', nextInForceAt: null });
    expect(await stateAt(site, zone, '2026-09-01T00:00:00+02:00')).toEqual({ inForce: false, until: null, nextInForceAt: null });
  });

  it('while a new version is proposed, the agreed version’s schedule decides', async () => {
    const { site, zone } = await agreed({ schedule: stockholm([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }]) });
    const proposed = await team.staff.patch(`/api/zones/${zone.id}`, { version: 1, schedule: null });
    expect(proposed.body.properties).toMatchObject({ status: 'proposed', schedule: null, agreedVersion: 1 });
    expect(proposed.body.properties.agreed.schedule).toEqual(zone.properties.schedule);
    expect((await stateAt(site, zone, '2026-03-28T10:00:00+01:00')).inForce).toBe(false);
    expect((await stateAt(site, zone, '2026-03-30T10:00:00+02:00')).inForce).toBe(true);
  });

  it('lists zones in force at `at`, and reads an unencoded + in the offset', async () => {
    const { zone } = await agreed({ schedule: stockholm([{ days: [1], from: '09:00', to: '10:00' }]) });
    // `+02:00` typed straight into a URL arrives as " 02:00".
    const unencoded = await team.police.get(`/api/zones/${zone.id}?at=2026-03-30T09:30:00+02:00`);
    expect(unencoded.body.properties.inForce).toBe(true);
    const list = await team.police.get(`/api/zones?siteId=${zone.properties.siteId}&at=2026-03-30T10:30:00%2B02:00`);
    expect(list.body.features[0].properties).toMatchObject({ inForce: false, nextInForceAt: '2026-04-06T09:00:00.000+02:00' });
    for (const at of ['2026-03-30', '2026-03-30T09:30:00', 'tomorrow', '2026-13-01T00:00:00Z']) {
      const response = await team.police.get(`/api/zones?at=${encodeURIComponent(at)}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^at: must be an ISO 8601 time with an offset/);
    }
  });
});
