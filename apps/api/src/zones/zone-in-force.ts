import type { ZoneStatus } from '@samverkan/contracts';
import { evaluateZoneTime, type ZoneTimeState, type ZoneTiming } from '@samverkan/geo';

const NOT_IN_FORCE: ZoneTimeState = { inForce: false, until: null, nextInForceAt: null };

/**
 * Whether a zone is in force at `at`: only by an agreed version (the zone is `agreed`, or `proposed` with
 * an earlier agreed version still in force), and only when that version's schedule and validity say so.
 * A suspended or withdrawn zone, or one never agreed, is not in force and has no next time in force.
 */
export function zoneTimeState(zone: { status: ZoneStatus; agreedVersion: number | null }, agreed: ZoneTiming | null, at: Date): ZoneTimeState {
  const byAgreement = (zone.status === 'agreed' || zone.status === 'proposed') && zone.agreedVersion !== null;
  if (!byAgreement || !agreed) return NOT_IN_FORCE;
  return evaluateZoneTime(agreed, at);
}
