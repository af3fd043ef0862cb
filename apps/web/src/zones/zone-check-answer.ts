import type { ZoneCheckResponse, ZoneSummary } from '@samverkan/contracts';
import { suspensionEnded } from '@samverkan/geo';

/**
 * The answer to "am I in a zone?", in the order an officer needs it: inside a zone in force beats inside a
 * suspended one (said apart, with who suspended it and why), which beats inside one that is not in force now
 * (outside its hours), which beats being near zones.
 */
export type CheckAnswer =
  | { kind: 'inside-in-force'; zones: ZoneSummary[]; alsoInside: ZoneSummary[] }
  | { kind: 'inside-suspended'; zones: ZoneSummary[]; alsoInside: ZoneSummary[] }
  | { kind: 'inside-not-in-force'; zones: ZoneSummary[] }
  | { kind: 'near'; zones: ZoneSummary[] }
  | { kind: 'none' };

export type CheckAnswerKind = CheckAnswer['kind'];

const byEnd = (a: ZoneSummary, b: ZoneSummary) =>
  // The one in force longest first; "no end" counts as the longest.
  (b.until ? Date.parse(b.until) : Infinity) - (a.until ? Date.parse(a.until) : Infinity);

const byNextStart = (a: ZoneSummary, b: ZoneSummary) =>
  (a.nextInForceAt ? Date.parse(a.nextInForceAt) : Infinity) -
  (b.nextInForceAt ? Date.parse(b.nextInForceAt) : Infinity);

export function checkAnswerOf(response: ZoneCheckResponse): CheckAnswer {
  const inForce = response.inside.filter((zone) => zone.inForce).sort(byEnd);
  const notInForce = response.inside.filter((zone) => !zone.inForce).sort(byNextStart);
  if (inForce.length > 0) return { kind: 'inside-in-force', zones: inForce, alsoInside: notInForce };
  const at = new Date(response.at);
  const suspended = notInForce.filter((zone) => isSuspendedAt(zone, at));
  if (suspended.length > 0) {
    return {
      kind: 'inside-suspended',
      zones: suspended,
      alsoInside: notInForce.filter((zone) => !isSuspendedAt(zone, at)),
    };
  }
  if (notInForce.length > 0) return { kind: 'inside-not-in-force', zones: notInForce };
  if (response.nearby.length > 0) {
    return { kind: 'near', zones: [...response.nearby].sort((a, b) => a.distanceMeters - b.distanceMeters) };
  }
  return { kind: 'none' };
}

/** Suspended at the time of the check: its suspension has not reached its end time. */
export function isSuspendedAt(zone: ZoneSummary, at: Date): boolean {
  return zone.suspension != null && !suspensionEnded(zone.suspension, at);
}
