import type { ZoneCheckResponse, ZoneSummary } from '@samverkan/contracts';

/**
 * The answer to "am I in a zone?", in the order an officer needs it: inside a zone in force beats inside one
 * that is not in force now, which beats being near zones.
 */
export type CheckAnswer =
  | { kind: 'inside-in-force'; zones: ZoneSummary[]; alsoInside: ZoneSummary[] }
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
  if (notInForce.length > 0) return { kind: 'inside-not-in-force', zones: notInForce };
  if (response.nearby.length > 0) {
    return { kind: 'near', zones: [...response.nearby].sort((a, b) => a.distanceMeters - b.distanceMeters) };
  }
  return { kind: 'none' };
}
