import type { CompactSite, SiteFeature, SiteMarkerList } from '@samverkan/contracts';
import { openingState } from '@samverkan/geo';
import type { SiteMarkerRow, SiteRow } from './sites.repository';

export function toSiteFeature(row: SiteRow, at: Date): SiteFeature {
  return {
    type: 'Feature',
    id: row.id,
    geometry: row.location,
    properties: {
      id: row.id,
      name: row.name,
      type: row.type,
      organisationId: row.organisationId,
      address: row.address,
      openingHours: row.openingHours,
      description: row.description,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      openingSchedule: row.openingSchedule,
      phone: row.phone,
      ...openingState(row.openingSchedule, at),
    },
  };
}

/** A row of the compact list (its columns already in CompactSite's order, coordinates rounded by the query). */
export function toCompactSite(row: SiteRow): CompactSite {
  const [lng, lat] = row.location.coordinates;
  return [row.id, lng, lat, row.type, row.name, row.organisationId, row.version, row.updatedAt.toISOString(), row.address, row.openingHours, row.openingSchedule, row.description, row.phone];
}

/** The query's 7 decimals as whole numbers: exact, since a 7-decimal coordinate times 10^7 rounds to its digits. */
const MARKER_SCALE = 1e7;

/** The markers' list in columns (SiteMarkerList): a column of one kind of value compresses better than rows. */
export function toSiteMarkerList(rows: SiteMarkerRow[]): SiteMarkerList {
  const ids: string[] = [];
  const list: Omit<SiteMarkerList, 'ids'> = { scale: MARKER_SCALE, lng: [], lat: [], types: [], names: [] };
  for (const row of rows) {
    const [lng, lat] = row.location.coordinates;
    // A uuid column's text is always the canonical 8-4-4-4-12 lower-case form: without its dashes, 32 digits.
    ids.push(row.id.replaceAll('-', ''));
    list.lng.push(Math.round(lng * MARKER_SCALE));
    list.lat.push(Math.round(lat * MARKER_SCALE));
    list.types.push(row.type);
    list.names.push(row.name);
  }
  return { ...list, ids: ids.join('') };
}
