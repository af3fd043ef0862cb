import type { Schedule, ZoneFeature, ZoneProperties } from '@samverkan/contracts';
import { displayStateOf, shapesOf, versionInForce } from './zone-display';
import { ZONE_STATE_STYLES } from './zone-style';

const square = (size: number): ZoneFeature['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [13, 55.6],
      [13 + size, 55.6],
      [13 + size, 55.6 + size],
      [13, 55.6 + size],
      [13, 55.6],
    ],
  ],
});

function zone(properties: Partial<ZoneProperties>): ZoneFeature {
  return {
    type: 'Feature',
    id: 'z1',
    geometry: square(0.001),
    properties: {
      id: 'z1',
      siteId: 's1',
      name: 'Zone',
      status: 'agreed',
      version: 1,
      schedule: null,
      validFrom: null,
      validUntil: null,
      inForce: true,
      agreedVersion: 1,
      approvals: [],
      notes: null,
      updatedAt: '2026-11-25T12:00:00Z',
      ...properties,
    },
  };
}

describe('a zone on the map', () => {
  it.each<[Partial<ZoneProperties>, string]>([
    [{ status: 'agreed', inForce: true }, 'in-force'],
    [{ status: 'agreed', inForce: false }, 'outside-hours'],
    [{ status: 'proposed', agreedVersion: null, inForce: false }, 'proposed'],
    [{ status: 'suspended', agreedVersion: null, inForce: false }, 'suspended'],
    [{ status: 'withdrawn', agreedVersion: null, inForce: false }, 'withdrawn'],
    // An earlier agreed version stays in force while a newer one is proposed.
    [{ status: 'proposed', version: 2, agreedVersion: 1, inForce: true }, 'in-force'],
  ])('%j is %s', (properties, state) => {
    expect(displayStateOf(zone(properties).properties)).toBe(state);
  });

  it('draws a pending proposal beside the agreed shape that applies now', () => {
    const agreed = square(0.0005);
    const feature = zone({
      status: 'proposed',
      version: 2,
      agreedVersion: 1,
      inForce: false,
      agreed: {
        version: 1,
        name: 'Zone v1',
        geometry: agreed,
        schedule: null,
        validFrom: null,
        validUntil: null,
        approvals: [],
      },
    });
    expect(
      shapesOf(feature).map(({ role, state, version, geometry }) => ({ role, state, version, geometry })),
    ).toEqual([
      { role: 'agreed', state: 'outside-hours', version: 1, geometry: agreed },
      { role: 'proposal', state: 'proposed', version: 2, geometry: feature.geometry },
    ]);
    expect(versionInForce(feature.properties)).toEqual({
      version: 1,
      name: 'Zone v1',
      schedule: null,
      validFrom: null,
      validUntil: null,
    });
  });

  it('takes the hours and validity in force from the agreed version while a proposal waits', () => {
    const agreedSchedule: Schedule = {
      timezone: 'Europe/Stockholm',
      windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }],
    };
    const proposedSchedule: Schedule = {
      timezone: 'Europe/Stockholm',
      windows: [{ days: [6], from: '10:00', to: '14:00' }],
    };
    const pending = zone({
      status: 'proposed',
      name: 'Zone v2',
      version: 2,
      agreedVersion: 1,
      schedule: proposedSchedule,
      validFrom: '2027-01-01T00:00:00.000Z',
      validUntil: '2027-06-30T22:00:00.000Z',
      agreed: {
        version: 1,
        name: 'Zone v1',
        geometry: square(0.0005),
        schedule: agreedSchedule,
        validFrom: '2026-06-01T00:00:00.000Z',
        validUntil: null,
        approvals: [],
      },
    }).properties;
    expect(versionInForce(pending)).toEqual({
      version: 1,
      name: 'Zone v1',
      schedule: agreedSchedule,
      validFrom: '2026-06-01T00:00:00.000Z',
      validUntil: null,
    });

    // Without a pending proposal the current version is the one in force.
    const agreed = zone({ schedule: agreedSchedule, validUntil: '2026-12-31T23:00:00.000Z' }).properties;
    expect(versionInForce(agreed)).toEqual({
      version: 1,
      name: 'Zone',
      schedule: agreedSchedule,
      validFrom: null,
      validUntil: '2026-12-31T23:00:00.000Z',
    });
  });

  it('never tells the states apart by colour alone: each has its own outline or fill pattern', () => {
    const looks = Object.values(ZONE_STATE_STYLES).map((style) => `${style.dashArray}|${style.pattern}`);
    expect(new Set(looks).size).toBe(looks.length);
  });
});
