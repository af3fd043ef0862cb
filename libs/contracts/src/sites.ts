import type { Feature, FeatureCollection, Point } from './geojson';
import type { Schedule } from './zones';

export const SITE_TYPES = [
  'needle_exchange',
  'ost_clinic',
  'naloxone',
  'drug_checking',
  'low_threshold',
  'outreach',
  'other',
] as const;
export type SiteType = (typeof SITE_TYPES)[number];

/** Lengths (in code points) of a site's texts; its name follows the contract's names (1–200). */
export const SITE_TEXT_LIMITS = {
  address: { min: 0, max: 500 },
  openingHours: { min: 0, max: 1000 },
  description: { min: 0, max: 4000 },
} as const;

export interface SiteProperties {
  id: string;
  name: string;
  type: SiteType;
  organisationId: string;
  address: string | null;
  openingHours: string | null;
  description: string | null;
  version: number;
  updatedAt: string;
  /**
   * Extension: the opening hours as a schedule (the zones' format), beside the free-text `openingHours`.
   * Null when none is given: unlike a zone's, a null schedule here claims nothing (not "always open").
   */
  openingSchedule: Schedule | null;
  /** Extension: whether the site is open at the time asked (`at`, default now) by its schedule; null without a schedule. */
  openNow: boolean | null;
  /** Extension: when open, when it closes (null if the schedule never closes it); otherwise null. */
  closesAt: string | null;
  /** Extension: when closed, when it next opens (within about 400 days); otherwise null. */
  nextOpenAt: string | null;
  /**
   * Extension: the site's public phone number (the organisation's), or null. The api always sends it; it is
   * optional here because a list of sites saved on a phone before the field existed has none.
   */
  phone?: string | null;
}

export type SiteFeature = Feature<Point, SiteProperties>;
export type SiteFeatureCollection = FeatureCollection<Point, SiteProperties>;

export interface CreateSiteRequest {
  name: string;
  type: SiteType;
  location: Point;
  address?: string | null;
  openingHours?: string | null;
  description?: string | null;
  /** Extension: the opening hours as a schedule; null removes it. */
  openingSchedule?: Schedule | null;
  /** Extension: the site's public phone number (digits in groups, optionally "+" first); null removes it. */
  phone?: string | null;
  /**
   * Extension: the service organisation that runs the site. Coordinators and administrators must name it;
   * service staff may leave it out (their own organisation) or name their own.
   */
  organisationId?: string;
}

export interface UpdateSiteRequest extends Partial<CreateSiteRequest> {
  version: number;
}

/** Extension: `GET /api/sites/export?format=` and `GET /api/zones/export?format=`. */
export const EXPORT_FORMATS = ['geojson', 'kml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Extension: one site of `GET /api/sites/compact`, as an array in this order: what a site is, without the
 * opening state at a moment (`openNow`, `closesAt`, `nextOpenAt`), which the reader works out from the schedule
 * when it needs it. Coordinates to 7 decimals (about 1 cm).
 */
export type CompactSite = [
  id: string,
  lng: number,
  lat: number,
  type: SiteType,
  name: string,
  organisationId: string,
  version: number,
  updatedAt: string,
  address: string | null,
  openingHours: string | null,
  openingSchedule: Schedule | null,
  description: string | null,
  phone: string | null,
];

/** Extension: `GET /api/sites/compact`, every site the caller sees in one compact answer (ETag, 304 while unchanged). */
export interface CompactSiteList {
  sites: CompactSite[];
}

/** A site as a list holds it: everything but the opening state at a moment. */
export type ListedSiteProperties = Omit<SiteProperties, 'openNow' | 'closesAt' | 'nextOpenAt'>;
export type ListedSite = Feature<Point, ListedSiteProperties>;

export function fromCompactSite([id, lng, lat, type, name, organisationId, version, updatedAt, address, openingHours, openingSchedule, description, phone]: CompactSite): ListedSite {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { id, name, type, organisationId, address, openingHours, description, version, updatedAt, openingSchedule, phone },
  };
}

/**
 * Extension: `GET /api/sites/markers`, what the map needs to draw every site (its id, place, type and name), in
 * columns: site i is the i-th id in `ids`, `lng[i]`, `lat[i]`, `types[i]`, `names[i]`. Coordinates are whole
 * numbers, degrees × `scale` (10^7: the compact list's 7 decimals, so both give a site the same place). `ids` is
 * one string: each id's 32 hex digits without its dashes, one after another (random ids do not compress, and the
 * quotes, commas and dashes of an array of ids cost a tenth of the compressed answer). For the map's first view on
 * a slow network; the details follow in the compact list.
 */
export interface SiteMarkerList {
  scale: number;
  ids: string;
  lng: number[];
  lat: number[];
  types: SiteType[];
  names: string[];
}

/** What a marker on the map shows of a site; every `ListedSite` is one. */
export type SiteMarkerProperties = Pick<ListedSiteProperties, 'id' | 'name' | 'type'>;
export type SiteMarker = Feature<Point, SiteMarkerProperties>;

/** The length of one id in `SiteMarkerList.ids`. */
const MARKER_ID_DIGITS = 32;

export function fromSiteMarkerList({ scale, ids, lng, lat, types, names }: SiteMarkerList): SiteMarker[] {
  return lng.map((_, i) => {
    const hex = ids.slice(i * MARKER_ID_DIGITS, (i + 1) * MARKER_ID_DIGITS);
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [lng[i] / scale, lat[i] / scale] },
      properties: { id, name: names[i], type: types[i] },
    };
  });
}
