import {
  AGREEMENT_RADIUS_METERS,
  CHECK_AGREEMENT_TABLE,
  agreementSnapshotZones,
  type ExpectedSummary,
  type LngLat,
} from './check-agreement.table';
import type { ZoneSnapshot, ZoneSummary } from '@samverkan/contracts';
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
      const snapshot: ZoneSnapshot = { generatedAt: '2026-01-01T00:00:00.000Z', zones };
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

  it('answers "nothing here" from an empty snapshot', () => {
    const index = new SnapshotIndex({ generatedAt: '2026-01-01T00:00:00.000Z', zones: [] });
    expect(index.check({ lng: CENTRE[0], lat: CENTRE[1] }, 300, new Date('2026-05-04T10:00:00Z'))).toEqual({
      at: '2026-05-04T10:00:00.000Z',
      inside: [],
      nearby: [],
    });
  });
});
