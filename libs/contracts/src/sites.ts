import type { Feature, FeatureCollection, Point } from './geojson';

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
