import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE, type ZoneStatus } from '@samverkan/contracts';
import { evaluateZoneTime, type ZoneTimeState, type ZoneTiming } from './schedule';
import { suspensionEnded } from './suspension';

const NOT_IN_FORCE: ZoneTimeState = { inForce: false, until: null, nextInForceAt: null };

/** What the in-force rule needs of a suspension: its end, and whether an agreed version comes back then. */
export interface SuspensionTiming {
  until: Date | string | null;
  version: number | null;
}

// The in-force rule of a zone as a whole (its status, the agreed version, a running suspension), written once:
// the api answers with it, and the phone's check (snapshot-check.ts) answers with it from the snapshot.

/**
 * Whether a zone is in force at `at`: only by an agreed version (the zone is `agreed`, or `proposed` with
 * an earlier agreed version still in force), and only when that version's schedule and validity say so.
 * A suspended zone is not in force until its suspension's end time; from then on the version the suspension
 * held back applies again by its schedule, even before anything is written. `agreed` is the timing of that
 * agreed (or held back) version. A withdrawn zone, or one never agreed, is not in force and has no next time.
 */
export function zoneTimeState(
  zone: { status: ZoneStatus; agreedVersion: number | null; suspension?: SuspensionTiming | null },
  agreed: ZoneTiming | null,
  at: Date,
): ZoneTimeState {
  if (!agreed) return NOT_IN_FORCE;
  if (zone.status === 'suspended') {
    const suspension = zone.suspension;
    if (!suspension?.until || suspension.version === null) return NOT_IN_FORCE;
    if (suspensionEnded(suspension, at)) return evaluateZoneTime(agreed, at);
    // Not in force now; in force again from the end of the suspension, if its schedule says so then.
    const until = new Date(suspension.until);
    const then = evaluateZoneTime(agreed, until);
    // Written in the schedule's time zone, as evaluateZoneTime writes its times.
    const untilIso = DateTime.fromJSDate(until, { zone: agreed.schedule?.timezone ?? DEFAULT_TIMEZONE }).toISO();
    return { inForce: false, until: null, nextInForceAt: then.inForce ? untilIso : then.nextInForceAt };
  }
  const byAgreement = (zone.status === 'agreed' || zone.status === 'proposed') && zone.agreedVersion !== null;
  if (!byAgreement) return NOT_IN_FORCE;
  return evaluateZoneTime(agreed, at);
}
