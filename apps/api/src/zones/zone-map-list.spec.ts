import type { Schedule, ZoneFeature, ZoneSuspension } from '@samverkan/contracts';
import { zoneTimeState } from '@samverkan/geo';
import { zoneStatesHoldUntil } from './zone-map-list';

// The kept map list is only as true as its in-force fields: they must not change before zoneStatesHoldUntil.

const weekdays: Schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] };
const HOUR = 3_600_000;

type Timing = { schedule: Schedule | null; validFrom: string | null; validUntil: string | null };
type Timed = { status: 'agreed' | 'suspended'; agreedVersion: number | null; suspension?: { until: string | null; version: number | null } };

function feature(zone: Timed, at: Date, timing: Timing = { schedule: weekdays, validFrom: null, validUntil: null }): ZoneFeature {
  const state = zoneTimeState(zone, timing, at);
  const suspension: ZoneSuspension | null = zone.suspension
    ? { byOrganisationId: 'o', byOrganisationName: 'O', since: '2026-05-01T00:00:00Z', reason: 'r', until: zone.suspension.until }
    : null;
  return { type: 'Feature', id: 'z', geometry: null, properties: { ...state, suspension } } as unknown as ZoneFeature;
}

describe('zoneStatesHoldUntil', () => {
  const zones: [Timed, Timing][] = [
    [{ status: 'agreed', agreedVersion: 1 }, { schedule: weekdays, validFrom: null, validUntil: null }],
    [{ status: 'agreed', agreedVersion: 1 }, { schedule: null, validFrom: '2026-05-04T11:30:00+02:00', validUntil: '2026-05-06T00:00:00+02:00' }],
    [{ status: 'suspended', agreedVersion: null, suspension: { until: '2026-05-04T12:20:00+02:00', version: 1 } }, { schedule: weekdays, validFrom: null, validUntil: null }],
  ];

  it('ends no later than the next full hour, and never in the past', () => {
    const at = new Date('2026-05-02T10:15:00Z'); // a Saturday: nothing changes that day
    const holds = zoneStatesHoldUntil([feature({ status: 'agreed', agreedVersion: 1 }, at)], at);
    expect(holds).toBe(Date.parse('2026-05-02T11:00:00Z'));
  });

  it('takes the first change of any zone: a window starting or ending, a validity, a suspension ending', () => {
    const at = new Date('2026-05-04T08:40:00+02:00');
    const build = (when: Date) => zones.map(([zone, timing]) => feature(zone, when, timing));
    let now = at;
    const seen: number[] = [];
    // Walk a day, from one moment the list must be built again to the next; between them nothing changes.
    while (now.getTime() < at.getTime() + 24 * HOUR) {
      const built = build(now);
      const holds = zoneStatesHoldUntil(built, now);
      expect(holds).toBeGreaterThan(now.getTime());
      for (const probe of [now.getTime() + 1, (now.getTime() + holds) / 2, holds - 1]) {
        expect(build(new Date(probe)).map((f) => f.properties)).toEqual(built.map((f) => f.properties));
      }
      seen.push(holds);
      now = new Date(holds);
    }
    // 09:00 the weekday window opens, 11:30 the validity begins, 12:20 the suspension ends, 17:00 the window closes.
    for (const change of ['09:00', '11:30', '12:20', '17:00']) expect(seen).toContain(Date.parse(`2026-05-04T${change}:00+02:00`));
  });
});
