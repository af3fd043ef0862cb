import type { ZoneFeature, ZoneGeometry, ZoneProperties } from '@samverkan/contracts';
import { suspensionEnded } from '@samverkan/geo';

/**
 * What a zone means to someone on the street right now, which is what the map shows:
 * - `in-force`: agreed and in force at this moment;
 * - `outside-hours`: agreed, but outside its hours or validity now;
 * - `proposed`: a version waiting for approval (not in force);
 * - `suspended`: not in force until both sides approve again, or until the suspension's end time;
 * - `withdrawn`: ended (only listed on request).
 */
export const ZONE_DISPLAY_STATES = [
  'in-force',
  'outside-hours',
  'proposed',
  'suspended',
  'withdrawn',
] as const;
export type ZoneDisplayState = (typeof ZONE_DISPLAY_STATES)[number];

/** The states the map can filter on (withdrawn zones are not loaded). */
export const FILTERABLE_ZONE_STATES = [
  'in-force',
  'outside-hours',
  'proposed',
  'suspended',
] as const satisfies readonly ZoneDisplayState[];

/**
 * One shape to draw. A zone whose agreed version stays in force while a newer version is proposed gives two:
 * the agreed shape (what officers must respect) and the proposal.
 */
export interface ZoneShape {
  key: string;
  zoneId: string;
  name: string;
  version: number;
  geometry: ZoneGeometry;
  state: ZoneDisplayState;
  role: 'current' | 'agreed' | 'proposal';
}

/** The state of the version that decides what applies now (the agreed one while a newer one is proposed). */
export function displayStateOf(zone: ZoneProperties, now = new Date()): ZoneDisplayState {
  switch (zone.status) {
    case 'suspended':
      // Past its end time the agreed version applies again, as the api counts it, before the end is written down.
      if (suspensionEnded(zone.suspension, now)) return zone.inForce ? 'in-force' : 'outside-hours';
      return 'suspended';
    case 'withdrawn':
      return 'withdrawn';
    case 'agreed':
      return zone.inForce ? 'in-force' : 'outside-hours';
    case 'proposed':
      if (zone.agreedVersion === null) return 'proposed';
      return zone.inForce ? 'in-force' : 'outside-hours';
  }
}

/** True when an earlier version stays in force while the current one waits for approval. */
export function hasPendingProposal(zone: ZoneProperties): boolean {
  return zone.status === 'proposed' && zone.agreedVersion !== null;
}

/** The version officers must respect: the agreed one while a newer is proposed, else the current one. */
export function versionInForce(
  zone: ZoneProperties,
): Pick<ZoneProperties, 'version' | 'name' | 'schedule' | 'validFrom' | 'validUntil'> {
  const source = hasPendingProposal(zone) && zone.agreed ? zone.agreed : zone;
  const { version, name, schedule, validFrom, validUntil } = source;
  return { version, name, schedule, validFrom, validUntil };
}

export function shapesOf(zone: ZoneFeature): ZoneShape[] {
  const p = zone.properties;
  const base = { zoneId: p.id, name: p.name, version: p.version };
  if (hasPendingProposal(p) && p.agreed) {
    return [
      {
        ...base,
        key: `${p.id}:agreed`,
        name: p.agreed.name,
        version: p.agreed.version,
        geometry: p.agreed.geometry,
        state: displayStateOf(p),
        role: 'agreed',
      },
      { ...base, key: `${p.id}:proposal`, geometry: zone.geometry, state: 'proposed', role: 'proposal' },
    ];
  }
  return [
    { ...base, key: `${p.id}:current`, geometry: zone.geometry, state: displayStateOf(p), role: 'current' },
  ];
}

/** The order zones are listed in: what applies now first. */
export const STATE_ORDER: Record<ZoneDisplayState, number> = {
  'in-force': 0,
  'outside-hours': 1,
  proposed: 2,
  suspended: 3,
  withdrawn: 4,
};
