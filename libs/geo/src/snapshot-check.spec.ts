import {
  AGREEMENT_RADIUS_METERS,
  CHECK_AGREEMENT_TABLE,
  AGREEMENT_SUSPENSION,
  agreementSnapshotZones,
  agreementSuspendedZones,
  squareMeters,
  type ExpectedSummary,
  type LngLat,
} from './check-agreement.table';
import type { SuspendedZoneSnapshotEntry, ZoneSnapshot, ZoneSummary } from '@samverkan/contracts';
import { SnapshotIndex } from './snapshot-check';

const CENTRE: LngLat = [18.0686, 59.3293];

const shape = (summary: ZoneSummary, withDistance: boolean) => ({
  zone: summary.zoneId,
  inForce: summary.inForce,
  until: summary.until ? new Date(summary.until).toISOString() : null,
  nextInForceAt: summary.nextInForceAt ? new Date(summary.nextInForceAt).toISOString() : null,
  ...(withDistance ? { distanceMeters: summary.distanceMeters } : {}),
});

const expected = (summary: ExpectedSummary, withDistance: boolean) => ({
  zone: summary.zone,
  inForce: summary.inForce,
  until: summary.until ?? null,
  nextInForceAt: summary.nextInForceAt ?? null,
  ...(withDistance ? { distanceMeters: expect.closeTo(summary.distanceMeters ?? NaN, 0) } : {}),
});

describe('the phone check on the agreement table', () => {
  for (const scenario of CHECK_AGREEMENT_TABLE) {
    describe(scenario.name, () => {
      const zones = agreementSnapshotZones(scenario, CENTRE);
      const suspended = agreementSuspendedZones(scenario, CENTRE);
      const snapshot: ZoneSnapshot = { generatedAt: '2026-01-01T00:00:00.000Z', zones, suspended };
      const geometries = Object.fromEntries(scenario.zones.map((zone) => [zone.key, zone.geometry(CENTRE)]));
      const index = new SnapshotIndex(snapshot);
      for (const probe of scenario.probes) {
        it(probe.name, () => {
          const [lng, lat] = probe.position(CENTRE, geometries);
          const answer = index.check({ lng, lat }, AGREEMENT_RADIUS_METERS, new Date(probe.at));
          expect(answer.at).toBe(probe.at);
          expect(answer.inside.map((summary) => shape(summary, false))).toEqual(
            probe.inside.map((summary) => expected(summary, false)),
          );
          expect(answer.nearby.map((summary) => shape(summary, true))).toEqual(
            probe.nearby.map((summary) => expected(summary, true)),
          );
          for (const summary of answer.inside) expect(summary.distanceMeters).toBe(0);
        });
      }
    });
  }

  it('finds the one zone among many through the bounding-box index', () => {
    const zones = Array.from({ length: 2000 }, (_, i) => ({
      ...agreementSnapshotZones(CHECK_AGREEMENT_TABLE[0], [CENTRE[0] + (i % 50) * 0.05, CENTRE[1] + Math.floor(i / 50) * 0.05])[0],
      id: `zone-${i}`,
    }));
    const index = new SnapshotIndex({ generatedAt: '2026-01-01T00:00:00.000Z', zones });
    const answer = index.check({ lng: CENTRE[0] + 7 * 0.05, lat: CENTRE[1] + 3 * 0.05 }, 300, new Date());
    expect(answer.inside.map((zone) => zone.zoneId)).toEqual(['zone-157']);
    expect(answer.nearby).toEqual([]);
  });

  describe('a suspended zone, answered as the api answers it', () => {
    const { version: _held, ...summarySuspension } = AGREEMENT_SUSPENSION;
    const weekdays = {
      timezone: 'Europe/Stockholm',
      windows: [{ days: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[], from: '09:00', to: '17:00' }],
    };
    const suspendedZone = (suspension: SuspendedZoneSnapshotEntry['suspension']): ZoneSnapshot => ({
      generatedAt: '2026-05-01T00:00:00.000Z',
      zones: [],
      suspended: [
        {
          id: 'closed',
          siteId: 'site',
          name: 'Closed for cleaning',
          siteName: 'Clinic',
          status: 'suspended',
          geometry: squareMeters(CENTRE, 100),
          schedule: weekdays,
          validFrom: null,
          validUntil: null,
          suspension,
        },
      ],
    });
    const check = (snapshot: ZoneSnapshot, at: string) =>
      new SnapshotIndex(snapshot).check({ lng: CENTRE[0], lat: CENTRE[1] }, AGREEMENT_RADIUS_METERS, new Date(at));

    it('names who suspended it, since when, why and until when, without the version it holds back', () => {
      const until = '2026-05-04T10:00:00.000Z';
      const answer = check(suspendedZone({ ...AGREEMENT_SUSPENSION, until }), '2026-05-04T08:00:00.000Z');
      expect(answer.inside).toEqual([
        {
          zoneId: 'closed',
          name: 'Closed for cleaning',
          siteId: 'site',
          siteName: 'Clinic',
          inForce: false,
          until: null,
          // In the schedule's hours when the suspension ends: in force again at its end.
          nextInForceAt: '2026-05-04T12:00:00.000+02:00',
          distanceMeters: 0,
          suspension: { ...summarySuspension, until },
          // The square is drawn with a sphere's metres; WGS 84 measures it a little wider.
          edgeDistanceMeters: expect.closeTo(100, 0) as number,
        },
      ]);
    });

    it('after a timed suspension ends, follows the version it held back, before the api has written the end', () => {
      const suspension = { ...AGREEMENT_SUSPENSION, until: '2026-05-04T10:00:00.000Z' };
      const [zone] = check(suspendedZone(suspension), '2026-05-04T11:00:00.000Z').inside;
      expect(zone).toMatchObject({ inForce: true, until: '2026-05-04T17:00:00.000+02:00', nextInForceAt: null });
      expect(zone.suspension).toEqual({ ...summarySuspension, until: suspension.until });
    });

    it('without an end time, or with nothing held back, nothing comes back by itself', () => {
      for (const suspension of [AGREEMENT_SUSPENSION, { ...AGREEMENT_SUSPENSION, until: '2026-05-04T10:00:00.000Z', version: null }]) {
        const [zone] = check(suspendedZone(suspension), '2026-05-05T11:00:00.000Z').inside;
        expect(zone).toMatchObject({ inForce: false, until: null, nextInForceAt: null });
      }
    });

    it('a suspension stored without who and when: not in force, no suspension named (as the api)', () => {
      const [zone] = check(suspendedZone(null), '2026-05-04T11:00:00.000Z').inside;
      expect(zone).toMatchObject({ inForce: false, until: null, nextInForceAt: null, suspension: null });
    });

    it('a copy kept before the snapshot carried suspended zones answers from its zones alone', () => {
      const { suspended: _none, ...older } = suspendedZone(AGREEMENT_SUSPENSION);
      expect(check(older, '2026-05-04T11:00:00.000Z').inside).toEqual([]);
    });
  });

  it('answers "nothing here" from an empty snapshot', () => {
    const index = new SnapshotIndex({ generatedAt: '2026-01-01T00:00:00.000Z', zones: [] });
    expect(index.check({ lng: CENTRE[0], lat: CENTRE[1] }, 300, new Date('2026-05-04T10:00:00Z'))).toEqual({
      at: '2026-05-04T10:00:00.000Z',
      inside: [],
      nearby: [],
    });
  });
});
