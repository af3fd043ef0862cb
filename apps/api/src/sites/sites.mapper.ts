import type { Schedule, SiteFeature, SiteProperties } from '@samverkan/contracts';
import { evaluateZoneTime } from '@samverkan/geo';
import type { SiteRow } from './sites.repository';

type OpeningState = Pick<SiteProperties, 'openNow' | 'closesAt' | 'nextOpenAt'>;

/** Whether a site is open at `at` by its schedule. Without a schedule nothing is claimed: all null. */
export function openingState(schedule: Schedule | null, at: Date): OpeningState {
  if (schedule === null) return { openNow: null, closesAt: null, nextOpenAt: null };
  // The zones' evaluation with no validity bounds: open is "in force".
  const state = evaluateZoneTime({ schedule, validFrom: null, validUntil: null }, at);
  return { openNow: state.inForce, closesAt: state.until, nextOpenAt: state.nextInForceAt };
}

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
