import type { CompactSite, SiteFeature } from '@samverkan/contracts';
import { openingState } from '@samverkan/geo';
import type { SiteRow } from './sites.repository';

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
