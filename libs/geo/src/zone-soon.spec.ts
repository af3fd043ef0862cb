import type { Schedule, ZoneSnapshot } from '@samverkan/contracts';
import { AGREEMENT_SUSPENSION, offsetMeters, squareMeters, type LngLat } from './check-agreement.table';
import { SnapshotIndex } from './snapshot-check';
import { keysStillAhead, zonesStartingSoon, zoneStartKey } from './zone-soon';

const CENTRE: LngLat = [13.0038, 55.605];
const RADIUS = 300;
const evenings: Schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '18:00', to: '23:00' }] };

const zone = (id: string, east: number, schedule: Schedule | null) => ({
  id,
  siteId: 'site',
  name: `Zone ${id}`,
  siteName: 'Södervärn',
  status: 'agreed' as const,
  agreedVersion: 1,
  geometry: squareMeters(CENTRE, 50, east),
  schedule,
  validFrom: null,
  validUntil: null,
});

// Tuesday 5 May 2026; Stockholm is UTC+2.
const snapshot: ZoneSnapshot = {
  generatedAt: '2026-05-05T12:00:00.000Z',
  zones: [
    zone('evening-near', 170, evenings), // its edge 120 m east of the officer
    zone('always', -200, null), // in force now
    zone('evening-far', 600, evenings), // beyond the check's radius
  ],
  suspended: [
    {
      ...zone('suspended', 0, null),
      status: 'suspended',
      suspension: { ...AGREEMENT_SUSPENSION, until: '2026-05-05T15:40:00.000Z' },
    },
  ],
};
const index = new SnapshotIndex(snapshot);
const answerAt = (at: string, position: LngLat = CENTRE) =>
  index.check({ lng: position[0], lat: position[1] }, RADIUS, new Date(at));

describe('which zones near the phone come into force soon', () => {
  it('at 17:30: the evening zone 120 m away (at 18:00), and the suspended one the officer stands in (its suspension ends at 17:40)', () => {
    const soon = zonesStartingSoon(answerAt('2026-05-05T15:30:00.000Z'), new Set());
    expect(soon).toEqual([
      {
        key: 'suspended@2026-05-05T15:40:00.000Z',
        zoneId: 'suspended',
        name: 'Zone suspended',
        siteName: 'Södervärn',
        startsAt: '2026-05-05T17:40:00.000+02:00',
        distanceMeters: 0,
        inside: true,
      },
      {
        key: 'evening-near@2026-05-05T16:00:00.000Z',
        zoneId: 'evening-near',
        name: 'Zone evening-near',
        siteName: 'Södervärn',
        startsAt: '2026-05-05T18:00:00.000+02:00',
        distanceMeters: expect.closeTo(120, 0) as number,
        inside: false,
      },
    ]);
  });

  it('not a zone in force now, nor one beyond the check’s radius, nor a start more than an hour ahead', () => {
    // 16:30 local: 18:00 and 17:40 are more than an hour ahead.
    expect(zonesStartingSoon(answerAt('2026-05-05T14:30:00.000Z'), new Set())).toEqual([]);
    // 16:59: 18:00 is an hour and a minute ahead, the suspension's end 41 minutes; at 17:00, both.
    expect(zonesStartingSoon(answerAt('2026-05-05T14:59:00.000Z'), new Set()).map((zone) => zone.zoneId)).toEqual([
      'suspended',
    ]);
    expect(zonesStartingSoon(answerAt('2026-05-05T15:00:00.000Z'), new Set()).map((zone) => zone.zoneId)).toEqual([
      'suspended',
      'evening-near',
    ]);
    // 18:30, in force now (and the far evening zone, beyond the radius, never): nothing to tell.
    expect(zonesStartingSoon(answerAt('2026-05-05T16:30:00.000Z'), new Set()).map((zone) => zone.zoneId)).toEqual([]);
  });

  it('once per zone and start time: told at 17:30, not again at 17:45; the next evening’s start is told again', () => {
    const first = zonesStartingSoon(answerAt('2026-05-05T15:30:00.000Z'), new Set());
    const told = new Set(first.map((zone) => zone.key));
    expect(zonesStartingSoon(answerAt('2026-05-05T15:45:00.000Z'), told)).toEqual([]);
    // The key does not depend on how the time is written.
    expect(told.has(zoneStartKey('evening-near', '2026-05-05T16:00:00Z'))).toBe(true);
    const nextEvening = zonesStartingSoon(answerAt('2026-05-06T15:30:00.000Z'), told);
    expect(nextEvening.map((zone) => zone.key)).toEqual(['evening-near@2026-05-06T16:00:00.000Z']);
  });

  it('follows the officer: farther off than the radius, nothing; walking nearer, the zone is told', () => {
    const away = offsetMeters(CENTRE, -600, 0);
    expect(zonesStartingSoon(answerAt('2026-05-05T15:30:00.000Z', away), new Set())).toEqual([]);
    const nearer = offsetMeters(CENTRE, 150, 0);
    expect(zonesStartingSoon(answerAt('2026-05-05T15:30:00.000Z', nearer), new Set()).map((zone) => [zone.zoneId, zone.inside])).toEqual([
      ['evening-near', true],
      ['suspended', false],
    ]);
  });

  it('forgets told starts once they have passed', () => {
    const told = ['a@2026-05-05T16:00:00.000Z', 'b@2026-05-05T15:00:00.000Z'];
    expect(keysStillAhead(told, new Date('2026-05-05T15:30:00.000Z'))).toEqual(['a@2026-05-05T16:00:00.000Z']);
  });
});
