import type { ZoneCheckResponse, ZoneFeature, ZoneSummary } from '@samverkan/contracts';
import { evaluateZoneTime, suspensionEnded, type ZoneTiming } from '@samverkan/geo';
import { edgeDistanceMeters } from '@samverkan/geo/snapshot-check';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

// The zone snapshot holds only zones that are or may come in force; a suspended zone is not there. The api's
// check still names one the officer stands in ("suspended, by whom, why"), so the phone adds the suspended
// zones the map already holds (GET /api/zones, which carries no position), answered as the api does:
// not in force until the suspension's end, then by the agreed version's schedule.

const tenths = (meters: number) => Math.round(meters * 10) / 10;

function timingOf(zone: ZoneFeature): ZoneTiming {
  const agreed = zone.properties.agreed;
  return agreed ?? zone.properties;
}

function summaryOf(zone: ZoneFeature, siteName: string, inside: boolean, edge: number, at: Date): ZoneSummary {
  const { suspension } = zone.properties;
  const timing = timingOf(zone);
  let state = { inForce: false, until: null as string | null, nextInForceAt: null as string | null };
  if (suspension && suspensionEnded(suspension, at)) state = evaluateZoneTime(timing, at);
  else if (suspension?.until) {
    const then = evaluateZoneTime(timing, new Date(suspension.until));
    state = { inForce: false, until: null, nextInForceAt: then.inForce ? suspension.until : then.nextInForceAt };
  }
  return {
    zoneId: zone.properties.id,
    name: zone.properties.agreed?.name ?? zone.properties.name,
    siteId: zone.properties.siteId,
    siteName,
    ...state,
    distanceMeters: inside ? 0 : tenths(edge),
    suspension: suspension ?? null,
    edgeDistanceMeters: tenths(edge),
  };
}

/** The snapshot's answer with the suspended zones within `radiusMeters` added, nearest first as the api sorts. */
export function withSuspendedZones(
  answer: ZoneCheckResponse,
  zones: ZoneFeature[],
  siteName: (siteId: string) => string,
  position: { lat: number; lng: number },
  radiusMeters: number,
): ZoneCheckResponse {
  const at = new Date(answer.at);
  const inside = [...answer.inside];
  const nearby = [...answer.nearby];
  for (const zone of zones) {
    if (zone.properties.status !== 'suspended' || !zone.geometry) continue;
    const geometry = zone.properties.agreed?.geometry ?? zone.geometry;
    const isInside = booleanPointInPolygon([position.lng, position.lat], geometry);
    const edge = edgeDistanceMeters(position.lng, position.lat, geometry);
    if (!isInside && edge > radiusMeters) continue;
    (isInside ? inside : nearby).push(summaryOf(zone, siteName(zone.properties.siteId), isInside, edge, at));
  }
  const byDistance = (a: ZoneSummary, b: ZoneSummary) =>
    a.distanceMeters - b.distanceMeters || a.zoneId.localeCompare(b.zoneId);
  return { at: answer.at, inside: inside.sort(byDistance), nearby: nearby.sort(byDistance) };
}
