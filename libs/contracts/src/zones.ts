import type { Feature, FeatureCollection, ZoneGeometry } from './geojson';
import type { OrganisationKind } from './people';

export const ZONE_STATUSES = ['proposed', 'agreed', 'suspended', 'withdrawn'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A weekly window: starts on each of `days` at `from` (local time); `to` earlier than `from` runs past midnight. */
export interface WeeklyWindow {
  days: IsoWeekday[];
  from: string;
  to: string;
}

/** A window on an exception date: starts on that date. */
export interface DatedWindow {
  from: string;
  to: string;
}

export type ScheduleException = { date: string; closed: true } | { date: string; windows: DatedWindow[] };

/** `null` means always. Times are local to `timezone` (an IANA name). */
export interface Schedule {
  timezone: string;
  windows: WeeklyWindow[];
  exceptions?: ScheduleException[];
}

export const DEFAULT_TIMEZONE = 'Europe/Stockholm';

export interface ZoneApproval {
  version: number;
  side: Exclude<OrganisationKind, 'coordination'>;
  userId: string;
  organisationId: string;
  at: string;
}

export interface ZoneProperties {
  id: string;
  siteId: string;
  name: string;
  status: ZoneStatus;
  version: number;
  schedule: Schedule | null;
  validFrom: string | null;
  validUntil: string | null;
  inForce: boolean;
  agreedVersion: number | null;
  approvals: ZoneApproval[];
  notes: string | null;
  updatedAt: string;
  /** Extension: when the zone's in-force state next changes, if known. */
  until?: string | null;
  nextInForceAt?: string | null;
}

export type ZoneFeature = Feature<ZoneGeometry, ZoneProperties>;
export type ZoneFeatureCollection = FeatureCollection<ZoneGeometry, ZoneProperties>;

export interface CreateZoneRequest {
  siteId: string;
  name: string;
  geometry?: ZoneGeometry;
  radiusMeters?: number;
  schedule?: Schedule | null;
  validFrom?: string | null;
  validUntil?: string | null;
  notes?: string | null;
}

export interface UpdateZoneRequest {
  version: number;
  name?: string;
  geometry?: ZoneGeometry;
  radiusMeters?: number;
  schedule?: Schedule | null;
  validFrom?: string | null;
  validUntil?: string | null;
  notes?: string | null;
}

export interface ZoneSummary {
  zoneId: string;
  name: string;
  siteId: string;
  siteName: string;
  inForce: boolean;
  until?: string | null;
  nextInForceAt?: string | null;
  distanceMeters: number;
}

export interface ZoneCheckResponse {
  at: string;
  inside: ZoneSummary[];
  nearby: ZoneSummary[];
}

export interface ZoneImportResponse {
  created: ZoneFeature[];
  errors: { index: number; message: string }[];
}

/** Geometry limits from the contract. */
export const ZONE_LIMITS = {
  maxPositions: 2000,
  maxAreaSquareMeters: 5_000_000,
  maxDistanceFromSiteMeters: 2000,
  minRadiusMeters: 10,
  maxRadiusMeters: 1000,
  maxCheckRadiusMeters: 2000,
  defaultCheckRadiusMeters: 200,
} as const;
