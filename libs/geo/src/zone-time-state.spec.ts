import type { ZoneStatus } from '@samverkan/contracts';
import { zoneTimeState } from './zone-time-state';

const always = { schedule: null, validFrom: null, validUntil: null };
const at = new Date('2026-05-04T10:00:00+02:00');

describe('zoneTimeState', () => {
  it.each<[ZoneStatus, number | null, boolean]>([
    ['agreed', 1, true],
    ['proposed', 1, true], // a newer version is proposed; the agreed one stays in force
    ['proposed', null, false], // never agreed
    ['suspended', null, false],
    ['withdrawn', null, false],
  ])('%s with agreed version %p: in force = %p', (status, agreedVersion, inForce) => {
    expect(zoneTimeState({ status, agreedVersion }, agreedVersion === null ? null : always, at).inForce).toBe(inForce);
  });

  it('gives no next time in force to a zone that is not agreed', () => {
    expect(zoneTimeState({ status: 'suspended', agreedVersion: null }, always, at)).toEqual({ inForce: false, until: null, nextInForceAt: null });
  });

  it('follows the agreed version’s schedule and validity', () => {
    const weekdays = { schedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[], from: '09:00', to: '17:00' }] }, validFrom: null, validUntil: null };
    expect(zoneTimeState({ status: 'agreed', agreedVersion: 2 }, weekdays, at)).toEqual({ inForce: true, until: '2026-05-04T17:00:00.000+02:00', nextInForceAt: null });
    const later = { ...always, validFrom: '2026-06-01T00:00:00+02:00' };
    expect(zoneTimeState({ status: 'agreed', agreedVersion: 1 }, later, at)).toEqual({ inForce: false, until: null, nextInForceAt: '2026-06-01T00:00:00.000+02:00' });
  });

  it('keeps a suspended zone out of force until its end time, then follows the version it held back', () => {
    const weekdays = { schedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[], from: '09:00', to: '17:00' }] }, validFrom: null, validUntil: null };
    const timed = { status: 'suspended' as const, agreedVersion: null, suspension: { until: '2026-05-04T12:00:00+02:00', version: 1 } };
    expect(zoneTimeState(timed, weekdays, at)).toEqual({ inForce: false, until: null, nextInForceAt: '2026-05-04T12:00:00.000+02:00' });
    expect(zoneTimeState(timed, weekdays, new Date('2026-05-04T13:00:00+02:00'))).toEqual({ inForce: true, until: '2026-05-04T17:00:00.000+02:00', nextInForceAt: null });
    // Ending after the day's hours: in force again the next morning.
    const evening = { ...timed, suspension: { until: '2026-05-04T20:00:00+02:00', version: 1 } };
    expect(zoneTimeState(evening, weekdays, at).nextInForceAt).toBe('2026-05-05T09:00:00.000+02:00');
    // Without an end time, or with nothing held back, nothing comes back by itself.
    expect(zoneTimeState({ ...timed, suspension: { until: null, version: 1 } }, weekdays, new Date('2026-06-01T10:00:00+02:00')).inForce).toBe(false);
    expect(zoneTimeState({ ...timed, suspension: { until: timed.suspension.until, version: null } }, weekdays, new Date('2026-05-04T13:00:00+02:00')).inForce).toBe(false);
  });
});
