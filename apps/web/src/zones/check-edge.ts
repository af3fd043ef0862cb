import type { ZoneCheckResponse, ZoneSummary } from '@samverkan/contracts';

/**
 * Whether the position is good enough for the answer's headline. A browser's accuracy is the radius within
 * which the phone most likely is: when that circle crosses the edge of a zone in force, the officer may stand
 * on either side of it, and the headline must say so rather than leave the doubt to a footnote.
 */
export type CheckEdge =
  | { kind: 'clear' }
  /** `zone`: the zone in force whose edge is nearest, `edgeDistanceMeters` away; `accuracy` in metres. */
  | { kind: 'edge'; zone: ZoneSummary; edgeDistanceMeters: number; accuracy: number };

/** How far the zone's edge is; without the api's figure (an older api), outside zones their own distance. */
const edgeOf = (zone: ZoneSummary, inside: boolean): number | null =>
  zone.edgeDistanceMeters ?? (inside ? null : zone.distanceMeters);

export function checkEdgeOf(response: ZoneCheckResponse, accuracyMeters: number): CheckEdge {
  // Zones not in force do not apply on either side of their edge: only zones in force can be in doubt.
  const insideInForce = response.inside.filter((zone) => zone.inForce);
  // Farther inside one zone in force than the position can be wrong: that zone applies, whatever the others.
  const surelyInside = insideInForce.some((zone) => {
    const edge = edgeOf(zone, true);
    return edge === null || edge >= accuracyMeters;
  });
  if (surelyInside) return { kind: 'clear' };

  const doubtful = [
    ...insideInForce.map((zone) => ({ zone, edge: edgeOf(zone, true)! })),
    ...response.nearby.filter((zone) => zone.inForce).map((zone) => ({ zone, edge: edgeOf(zone, false)! })),
  ]
    .filter(({ edge }) => edge < accuracyMeters)
    .sort((a, b) => a.edge - b.edge);
  const nearest = doubtful[0];
  return nearest
    ? { kind: 'edge', zone: nearest.zone, edgeDistanceMeters: nearest.edge, accuracy: accuracyMeters }
    : { kind: 'clear' };
}
