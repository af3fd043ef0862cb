import type { Point, Polygon, Schedule, SiteType } from '@samverkan/contracts';
import type { DemoOrganisationKey } from './demo-data';

// Fictitious sites at plausible Malmö places, and zones around them in every state the map can show.
// No real service is named: every name says "Demo" and "fiktiv".

const METRES_PER_DEGREE = 111_320;

/** The position `east` and `north` metres from [lng, lat]. */
function offset([lng, lat]: [number, number], east: number, north: number): [number, number] {
  return [lng + east / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180)), lat + north / METRES_PER_DEGREE];
}

/** A counter-clockwise polygon through points given in metres east and north of a centre. */
function shape(centre: [number, number], corners: [east: number, north: number][]): Polygon {
  const ring = corners.map(([east, north]) => offset(centre, east, north).map((value) => Math.round(value * 1e6) / 1e6) as [number, number]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

const at = (lng: number, lat: number): Point => ({ type: 'Point', coordinates: [lng, lat] });

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** How a demo zone is brought to its state, step by step, through the zones service (so it is audited). */
export type DemoZoneState =
  | { state: 'agreed' }
  /** Awaiting approval: the service side has approved, the police side has not. */
  | { state: 'proposed' }
  | { state: 'suspended'; reason: string }
  /** Version 1 agreed, version 2 proposed with this shape. */
  | { state: 'agreed-with-proposal'; proposal: Polygon; notes: string };

export interface DemoZone {
  name: string;
  shape: { geometry: Polygon } | { radiusMeters: number };
  schedule: Schedule | null;
  notes: string;
  state: DemoZoneState;
}

export interface DemoSite {
  name: string;
  type: SiteType;
  organisation: DemoOrganisationKey;
  location: Point;
  address: string;
  openingHours: string;
  /** The same hours as a schedule, so the map can say whether the site is open now. */
  openingSchedule: Schedule | null;
  description: string;
  /** A public phone number, from the range Swedish regulator PTS keeps for fiction (040-628 04 00–99), so no real line rings. */
  phone?: string;
  zone: DemoZone | null;
}

const STOCKHOLM = 'Europe/Stockholm';
const mollevangen: [number, number] = [13.0106, 55.5907];
const triangeln: [number, number] = [13.0009, 55.5939];

/** Weekdays, closed on Christmas Eve and Christmas Day, shorter on New Year's Eve. */
const DAVIDSHALL_HOURS: Schedule = {
  timezone: STOCKHOLM,
  windows: [{ days: [...WEEKDAYS], from: '08:00', to: '14:00' }],
  exceptions: [
    { date: '2026-12-24', closed: true },
    { date: '2026-12-25', closed: true },
    { date: '2026-12-31', windows: [{ from: '08:00', to: '12:00' }] },
  ],
};

export const DEMO_SITES: DemoSite[] = [
  {
    name: 'Demo – Sprututbytet Södervärn (fiktivt)',
    type: 'needle_exchange',
    organisation: 'needleExchange',
    location: at(13.0027, 55.5852),
    address: 'Demo: nära Södervärn',
    openingHours: 'Mån–fre 09–16 (fiktivt)',
    openingSchedule: { timezone: STOCKHOLM, windows: [{ days: [...WEEKDAYS], from: '09:00', to: '16:00' }] },
    description: 'Fiktiv demoplats. Zonen gäller alltid, även när sprututbytet är stängt.',
    zone: {
      name: 'Demo – Zon Södervärn, alltid',
      shape: { radiusMeters: 150 },
      schedule: null,
      notes: 'Demo: överenskommen zon som alltid gäller.',
      state: { state: 'agreed' },
    },
  },
  {
    name: 'Demo – Naloxonpunkten Möllevångstorget (fiktiv)',
    type: 'naloxone',
    organisation: 'naloxonePoint',
    location: at(...mollevangen),
    address: 'Demo: vid Möllevångstorget',
    phone: '040-628 04 42',
    openingHours: 'Mån–fre 10–18, lör 12–16 (fiktivt)',
    openingSchedule: {
      timezone: STOCKHOLM,
      windows: [
        { days: [...WEEKDAYS], from: '10:00', to: '18:00' },
        { days: [6], from: '12:00', to: '16:00' },
      ],
    },
    description: 'Fiktiv demoplats. Zonen gäller vardagar dagtid.',
    zone: {
      name: 'Demo – Zon Möllevångstorget, vardagar',
      shape: { geometry: shape(mollevangen, [[-110, -70], [110, -70], [120, 75], [-100, 80]]) },
      schedule: { timezone: STOCKHOLM, windows: [{ days: [...WEEKDAYS], from: '09:00', to: '17:00' }] },
      notes: 'Demo: överenskommen zon vardagar dagtid.',
      state: { state: 'agreed' },
    },
  },
  {
    name: 'Demo – Lågtröskelmottagningen Värnhem (fiktiv)',
    type: 'low_threshold',
    organisation: 'needleExchange',
    location: at(13.0213, 55.6049),
    address: 'Demo: nära Värnhemstorget',
    openingHours: 'Fre–lör 22–04 (fiktivt)',
    openingSchedule: { timezone: STOCKHOLM, windows: [{ days: [5, 6], from: '22:00', to: '04:00' }] },
    description: 'Fiktiv demoplats med nattöppet.',
    zone: {
      name: 'Demo – Zon Värnhem, fredag och lördag natt',
      shape: { radiusMeters: 200 },
      schedule: { timezone: STOCKHOLM, windows: [{ days: [5, 6], from: '22:00', to: '04:00' }] },
      notes: 'Demo: fönstret går över midnatt och hör till dagen det börjar.',
      state: { state: 'agreed' },
    },
  },
  {
    name: 'Demo – Uppsökarna Centralstationen (fiktiva)',
    type: 'outreach',
    organisation: 'needleExchange',
    location: at(13.0006, 55.6092),
    address: 'Demo: vid Centralstationen',
    openingHours: 'Kvällar 19–01, tor–lör till 03 (fiktivt)',
    openingSchedule: {
      timezone: STOCKHOLM,
      windows: [
        { days: [1, 2, 3, 7], from: '19:00', to: '01:00' },
        { days: [4, 5, 6], from: '19:00', to: '03:00' },
      ],
    },
    description: 'Fiktiv demoplats. Zonen väntar på polisens godkännande.',
    zone: {
      name: 'Demo – Zon Centralstationen, föreslagen',
      shape: { radiusMeters: 120 },
      schedule: { timezone: STOCKHOLM, windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '18:00', to: '23:00' }] },
      notes: 'Demo: föreslagen zon, godkänd av tjänstesidan.',
      state: { state: 'proposed' },
    },
  },
  {
    name: 'Demo – Substitutionsmottagningen Rosengård (fiktiv)',
    type: 'ost_clinic',
    organisation: 'ostClinic',
    location: at(13.0439, 55.5829),
    address: 'Demo: nära Rosengård centrum',
    openingHours: 'Mån–fre 08–15 (fiktivt)',
    openingSchedule: { timezone: STOCKHOLM, windows: [{ days: [...WEEKDAYS], from: '08:00', to: '15:00' }] },
    description: 'Fiktiv demoplats. Zonen är tillfälligt upphävd.',
    zone: {
      name: 'Demo – Zon Rosengård, upphävd',
      shape: { radiusMeters: 100 },
      schedule: { timezone: STOCKHOLM, windows: [{ days: [...WEEKDAYS], from: '08:00', to: '15:00' }] },
      notes: 'Demo: överenskommen och sedan upphävd.',
      state: { state: 'suspended', reason: 'Demo: tillfälligt upphävd under en pågående insats' },
    },
  },
  {
    name: 'Demo – Substanstestningen Triangeln (fiktiv)',
    type: 'drug_checking',
    organisation: 'needleExchange',
    location: at(...triangeln),
    address: 'Demo: nära Triangeln',
    openingHours: 'Tis och tor 12–18 (fiktivt)',
    openingSchedule: { timezone: STOCKHOLM, windows: [{ days: [2, 4], from: '12:00', to: '18:00' }] },
    description: 'Fiktiv demoplats. En större zon är föreslagen.',
    zone: {
      name: 'Demo – Zon Triangeln',
      shape: { geometry: shape(triangeln, [[-80, -60], [80, -60], [80, 60], [-80, 60]]) },
      schedule: { timezone: STOCKHOLM, windows: [{ days: [2, 4], from: '12:00', to: '18:00' }] },
      notes: 'Demo: version 1 är överenskommen.',
      state: {
        state: 'agreed-with-proposal',
        proposal: shape(triangeln, [[-140, -100], [140, -100], [140, 100], [-140, 100]]),
        notes: 'Demo: version 2 föreslår en större zon; version 1 gäller tills båda sidor godkänt.',
      },
    },
  },
  {
    name: 'Demo – Substitutionsmottagningen Davidshall (fiktiv)',
    type: 'ost_clinic',
    organisation: 'ostClinic',
    location: at(12.9957, 55.5968),
    address: 'Demo: nära Davidshallstorg',
    openingHours: 'Mån–fre 08–14, stängt vissa helgdagar (fiktivt)',
    openingSchedule: DAVIDSHALL_HOURS,
    description: 'Fiktiv demoplats med undantagsdagar.',
    zone: {
      name: 'Demo – Zon Davidshall, vardagar med undantag',
      shape: { radiusMeters: 120 },
      // The zone follows the clinic's opening hours, exceptions included.
      schedule: DAVIDSHALL_HOURS,
      notes: 'Demo: stängt på julafton och juldagen, kortare nyårsafton.',
      state: { state: 'agreed' },
    },
  },
];

/** The demo accounts that act for each side when the demo zones are approved. */
export const DEMO_SIGNATORIES = {
  police: 'police.signatory@demo.samverkan.test',
  needleExchange: 'service.signatory@demo.samverkan.test',
  ostClinic: 'ost@demo.samverkan.test',
  naloxonePoint: 'naloxone@demo.samverkan.test',
} as const;
