import type {
  MultiPolygon,
  Polygon,
  Schedule,
  SuspendedZoneSnapshotEntry,
  ZoneSnapshotEntry,
} from '@samverkan/contracts';

// One table of zones, positions and times that the phone's check (snapshot-check.ts) and the api's check
// (GET /api/zones/check, PostGIS) must answer alike. The unit spec runs it against the phone's check with the
// answers written here; tests/e2e/check-agreement.e2e-spec.ts makes the same zones through the real api and
// compares both checks on them. Every scenario stands on its own spot: `centre` is its site.

export type LngLat = [lng: number, lat: number];

/**
 * How the zone comes to be: `agreed` (both sides approve v1), `proposal-on-agreed` (v1 agreed, then a v2 with
 * `proposedGeometry` proposed on top), `suspended` (agreed, then suspended by the police signatory, with no end
 * time), `proposed` (never agreed).
 */
export type AgreementLifecycle = 'agreed' | 'proposal-on-agreed' | 'suspended' | 'proposed';

export interface AgreementZone {
  key: string;
  lifecycle: AgreementLifecycle;
  geometry: (centre: LngLat) => Polygon | MultiPolygon;
  proposedGeometry?: (centre: LngLat) => Polygon;
  schedule: Schedule | null;
  validFrom?: string;
  validUntil?: string;
}

export interface ExpectedSummary {
  zone: string;
  inForce: boolean;
  until?: string | null;
  nextInForceAt?: string | null;
  /** Approximate, for nearby zones (metres). */
  distanceMeters?: number;
}

export interface AgreementProbe {
  name: string;
  /** Where the officer stands, from the scenario's centre and its zones' geometry. */
  position: (centre: LngLat, zones: Record<string, Polygon | MultiPolygon>) => LngLat;
  at: string;
  /** The phone's answer (and the api's, for the zones the snapshot holds). */
  inside: ExpectedSummary[];
  nearby: ExpectedSummary[];
  /** Zones the api lists (not in force) that the snapshot leaves out: never agreed. */
  apiAlsoLists?: string[];
}

export interface AgreementScenario {
  name: string;
  zones: AgreementZone[];
  probes: AgreementProbe[];
}

/** The check radius both sides are asked with (the app's). */
export const AGREEMENT_RADIUS_METERS = 300;

const METERS_PER_DEGREE_LAT = 111_320;
/** Seven decimals (about a centimetre): stored, sent and read back as the same numbers on both sides. */
const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

export function offsetMeters([lng, lat]: LngLat, east: number, north: number): LngLat {
  const perDegreeLng = METERS_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
  return [round7(lng + east / perDegreeLng), round7(lat + north / METERS_PER_DEGREE_LAT)];
}

/** A square of side 2 × `half` metres around `centre` (offset by `east`, `north`), counter-clockwise. */
export function squareMeters(centre: LngLat, half: number, east = 0, north = 0): Polygon {
  const [west, south] = offsetMeters(centre, east - half, north - half);
  const [eastLng, northLat] = offsetMeters(centre, east + half, north + half);
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [eastLng, south],
        [eastLng, northLat],
        [west, northLat],
        [west, south],
      ],
    ],
  };
}

/** The middle of a polygon's east edge: on the boundary. */
export function eastEdgeOf(geometry: Polygon | MultiPolygon): LngLat {
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
  const east = Math.max(...ring.map(([lng]) => lng));
  const lats = ring.map(([, lat]) => lat);
  return [east, round7((Math.min(...lats) + Math.max(...lats)) / 2)];
}

const STOCKHOLM = 'Europe/Stockholm';

export const CHECK_AGREEMENT_TABLE: AgreementScenario[] = [
  {
    name: 'an always-in-force square',
    zones: [{ key: 'square', lifecycle: 'agreed', geometry: (c) => squareMeters(c, 100), schedule: null }],
    probes: [
      {
        name: 'inside, at the centre',
        position: (c) => c,
        at: '2026-05-04T10:00:00.000Z',
        inside: [{ zone: 'square', inForce: true, until: null, nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'on the boundary (the middle of the east edge)',
        position: (_c, zones) => eastEdgeOf(zones.square),
        at: '2026-05-04T10:00:00.000Z',
        inside: [{ zone: 'square', inForce: true, until: null, nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'near: 150 m east of the east edge',
        position: (c) => offsetMeters(c, 250, 0),
        at: '2026-05-04T10:00:00.000Z',
        inside: [],
        nearby: [{ zone: 'square', inForce: true, until: null, nextInForceAt: null, distanceMeters: 150 }],
      },
      {
        name: 'beyond the radius: 400 m east of the east edge',
        position: (c) => offsetMeters(c, 500, 0),
        at: '2026-05-04T10:00:00.000Z',
        inside: [],
        nearby: [],
      },
    ],
  },
  {
    name: 'a MultiPolygon: two squares',
    zones: [
      {
        key: 'pair',
        lifecycle: 'agreed',
        geometry: (c) => ({
          type: 'MultiPolygon',
          coordinates: [squareMeters(c, 50, -150).coordinates, squareMeters(c, 50, 150).coordinates],
        }),
        schedule: null,
      },
    ],
    probes: [
      {
        name: 'inside the second part',
        position: (c) => offsetMeters(c, 150, 0),
        at: '2026-05-04T10:00:00.000Z',
        inside: [{ zone: 'pair', inForce: true, until: null, nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'between the parts: 100 m from each',
        position: (c) => c,
        at: '2026-05-04T10:00:00.000Z',
        inside: [],
        nearby: [{ zone: 'pair', inForce: true, until: null, nextInForceAt: null, distanceMeters: 100 }],
      },
    ],
  },
  {
    name: 'Friday and Saturday nights, past midnight',
    zones: [
      {
        key: 'nights',
        lifecycle: 'agreed',
        geometry: (c) => squareMeters(c, 100),
        schedule: { timezone: STOCKHOLM, windows: [{ days: [5, 6], from: '22:00', to: '06:00' }] },
      },
    ],
    probes: [
      {
        name: 'Sunday 03:00, after midnight of the Saturday window',
        position: (c) => c,
        at: '2026-12-06T02:00:00.000Z',
        inside: [{ zone: 'nights', inForce: true, until: '2026-12-06T05:00:00.000Z', nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'Sunday noon: next on Friday 22:00',
        position: (c) => c,
        at: '2026-12-06T11:00:00.000Z',
        inside: [{ zone: 'nights', inForce: false, until: null, nextInForceAt: '2026-12-11T21:00:00.000Z' }],
        nearby: [],
      },
    ],
  },
  {
    name: 'nightly 01:00–04:00 across both clock changes',
    zones: [
      {
        key: 'early',
        lifecycle: 'agreed',
        geometry: (c) => squareMeters(c, 100),
        schedule: { timezone: STOCKHOLM, windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '01:00', to: '04:00' }] },
      },
    ],
    probes: [
      {
        name: 'spring forward: 01:30 winter time, the window ends at 04:00 summer time',
        position: (c) => c,
        at: '2026-03-29T00:30:00.000Z',
        inside: [{ zone: 'early', inForce: true, until: '2026-03-29T02:00:00.000Z', nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'spring forward: 03:30 summer time',
        position: (c) => c,
        at: '2026-03-29T01:30:00.000Z',
        inside: [{ zone: 'early', inForce: true, until: '2026-03-29T02:00:00.000Z', nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'fall back: the first 02:30 (summer time)',
        position: (c) => c,
        at: '2026-10-25T00:30:00.000Z',
        inside: [{ zone: 'early', inForce: true, until: '2026-10-25T03:00:00.000Z', nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'fall back: the second 02:30 (winter time)',
        position: (c) => c,
        at: '2026-10-25T01:30:00.000Z',
        inside: [{ zone: 'early', inForce: true, until: '2026-10-25T03:00:00.000Z', nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'fall back: 04:30 winter time, next the following night',
        position: (c) => c,
        at: '2026-10-25T03:30:00.000Z',
        inside: [{ zone: 'early', inForce: false, until: null, nextInForceAt: '2026-10-26T00:00:00.000Z' }],
        nearby: [],
      },
    ],
  },
  {
    name: 'office hours with exceptions',
    zones: [
      {
        key: 'office',
        lifecycle: 'agreed',
        geometry: (c) => squareMeters(c, 100),
        schedule: {
          timezone: STOCKHOLM,
          windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' }],
          exceptions: [
            { date: '2026-12-24', closed: true },
            { date: '2026-12-31', windows: [{ from: '10:00', to: '12:00' }] },
          ],
        },
      },
    ],
    probes: [
      {
        name: 'an ordinary Wednesday at 10:00',
        position: (c) => c,
        at: '2026-12-23T09:00:00.000Z',
        inside: [{ zone: 'office', inForce: true, until: '2026-12-23T15:00:00.000Z', nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'Christmas Eve, closed: next on Friday 08:00',
        position: (c) => c,
        at: '2026-12-24T09:00:00.000Z',
        inside: [{ zone: 'office', inForce: false, until: null, nextInForceAt: '2026-12-25T07:00:00.000Z' }],
        nearby: [],
      },
      {
        name: "New Year's Eve 09:30: special hours from 10:00",
        position: (c) => c,
        at: '2026-12-31T08:30:00.000Z',
        inside: [{ zone: 'office', inForce: false, until: null, nextInForceAt: '2026-12-31T09:00:00.000Z' }],
        nearby: [],
      },
    ],
  },
  {
    name: 'a suspended zone and a never agreed one',
    zones: [
      { key: 'suspended', lifecycle: 'suspended', geometry: (c) => squareMeters(c, 100), schedule: null },
      { key: 'proposed', lifecycle: 'proposed', geometry: (c) => squareMeters(c, 50, 200), schedule: null },
    ],
    probes: [
      {
        name: 'inside the suspended one, 60 m from the proposed one: the snapshot names the suspended one, not in force',
        position: (c) => offsetMeters(c, 90, 0),
        at: '2030-01-01T12:00:00.000Z',
        inside: [{ zone: 'suspended', inForce: false, until: null, nextInForceAt: null }],
        nearby: [],
        apiAlsoLists: ['proposed'],
      },
      {
        name: 'near the suspended one (60 m west), 310 m from the proposed one: listed nearby, not in force',
        position: (c) => offsetMeters(c, -160, 0),
        at: '2030-01-01T12:00:00.000Z',
        inside: [],
        nearby: [{ zone: 'suspended', inForce: false, until: null, nextInForceAt: null, distanceMeters: 60 }],
      },
    ],
  },
  {
    name: 'a proposal on top of an agreed version',
    zones: [
      {
        key: 'grown',
        lifecycle: 'proposal-on-agreed',
        geometry: (c) => squareMeters(c, 100),
        proposedGeometry: (c) => squareMeters(c, 200),
        schedule: null,
      },
    ],
    probes: [
      {
        name: 'inside the agreed version',
        position: (c) => offsetMeters(c, 50, 0),
        at: '2026-05-04T10:00:00.000Z',
        inside: [{ zone: 'grown', inForce: true, until: null, nextInForceAt: null }],
        nearby: [],
      },
      {
        name: 'inside only the proposal: near the agreed version',
        position: (c) => offsetMeters(c, 150, 0),
        at: '2026-05-04T10:00:00.000Z',
        inside: [],
        nearby: [{ zone: 'grown', inForce: true, until: null, nextInForceAt: null, distanceMeters: 50 }],
      },
    ],
  },
];

/** The suspension the table's suspended zones carry in its unit spec (the e2e test has the api's own). */
export const AGREEMENT_SUSPENSION = {
  byOrganisationId: 'police-organisation',
  byOrganisationName: 'Polisen',
  since: '2026-01-01T08:00:00.000Z',
  reason: 'Agreement test',
  until: null,
  version: 1,
};

/** The snapshot the api would send for a scenario's zones: the version in force of those that may be in force. */
export function agreementSnapshotZones(scenario: AgreementScenario, centre: LngLat): ZoneSnapshotEntry[] {
  return scenario.zones
    .filter((zone) => zone.lifecycle === 'agreed' || zone.lifecycle === 'proposal-on-agreed')
    .map((zone) => ({
      id: zone.key,
      siteId: 'site',
      name: zone.key,
      siteName: scenario.name,
      status: zone.lifecycle === 'agreed' ? ('agreed' as const) : ('proposed' as const),
      agreedVersion: 1,
      geometry: zone.geometry(centre),
      schedule: zone.schedule,
      validFrom: zone.validFrom ?? null,
      validUntil: zone.validUntil ?? null,
    }));
}

/** The snapshot's suspended zones for a scenario, with the version the suspension holds back. */
export function agreementSuspendedZones(scenario: AgreementScenario, centre: LngLat): SuspendedZoneSnapshotEntry[] {
  return scenario.zones
    .filter((zone) => zone.lifecycle === 'suspended')
    .map((zone) => ({
      id: zone.key,
      siteId: 'site',
      name: zone.key,
      siteName: scenario.name,
      status: 'suspended' as const,
      geometry: zone.geometry(centre),
      schedule: zone.schedule,
      validFrom: zone.validFrom ?? null,
      validUntil: zone.validUntil ?? null,
      suspension: AGREEMENT_SUSPENSION,
    }));
}
