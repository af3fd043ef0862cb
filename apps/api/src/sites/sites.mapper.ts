import type { SiteFeature } from '@samverkan/contracts';
import type { SiteRow } from './sites.repository';

export function toSiteFeature(row: SiteRow): SiteFeature {
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
    },
  };
}
