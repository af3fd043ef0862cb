import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type {
  Position,
  SuspendedZoneSnapshotEntry,
  ZoneCheckResponse,
  ZoneGeometry,
  ZoneSnapshot,
  ZoneSnapshotEntry,
  ZoneSummary,
  ZoneSuspension,
} from '@samverkan/contracts';
import type { ZoneTimeState } from './schedule';
import { zoneTimeState } from './zone-time-state';

// "Am I in a zone?" answered on the phone from the zone snapshot (GET /api/zones/snapshot), offline too, so
// that the position never leaves the phone. It answers as the api's check does (apps/api/src/zones/ zones.service
// check()): the boundary counts as inside (ST_Covers there, booleanPointInPolygon's default here), `nearby` lists
// the zones within the radius that do not contain the point, nearest first, and the times come from the same
// in-force rule (zoneTimeState). The snapshot holds the zones that are or may come in force and, apart, the
// suspended ones with their suspension, so a suspended zone is named as the api names it ("suspended, by whom,
// why, until when"). Zones never agreed and withdrawn zones are absent: neither is in force nor comes back.

/** Any zone of the snapshot, in force by agreement or suspended. */
export type AnySnapshotEntry = ZoneSnapshotEntry | SuspendedZoneSnapshotEntry;

/** Every zone of a snapshot; a copy kept before suspended zones were in it has none of them. */
export function snapshotEntries(snapshot: ZoneSnapshot): AnySnapshotEntry[] {
  return [...snapshot.zones, ...(snapshot.suspended ?? [])];
}

/**
 * When a snapshot zone is in force, by the rule the api runs: a zone of `zones` by its agreed version (the one
 * the entry describes); a suspended one not before its suspension's end, then by the version it held back.
 */
export function snapshotZoneTimeState(zone: AnySnapshotEntry, at: Date): ZoneTimeState {
  if (zone.status === 'suspended') {
    const suspension = zone.suspension;
    const held = suspension?.version != null;
    return zoneTimeState({ status: 'suspended', agreedVersion: null, suspension }, held ? zone : null, at);
  }
  return zoneTimeState(zone, zone, at);
}

/** The suspension as the check's `zoneSummary` carries it (without the version it holds back). */
function summarySuspension(zone: AnySnapshotEntry): ZoneSuspension | null {
  if (zone.status !== 'suspended' || !zone.suspension) return null;
  const { byOrganisationId, byOrganisationName, since, reason, until } = zone.suspension;
  return { byOrganisationId, byOrganisationName, since, reason, until };
}

// WGS 84, as PostGIS's geography measures: a local projection with the ellipsoid's radii of curvature at the
// point agrees with ST_Distance to well under a metre over the 2 km a check can reach.
const WGS84_A = 6_378_137;
const WGS84_E2 = 0.006_694_379_990_14;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

interface LocalFrame {
  lng: number;
  lat: number;
  metersPerDegreeLng: number;
  metersPerDegreeLat: number;
}

function frameAt(lng: number, lat: number): LocalFrame {
  const sin = Math.sin(toRadians(lat));
  const w = 1 - WGS84_E2 * sin * sin;
  const primeVertical = WGS84_A / Math.sqrt(w);
  const meridional = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w));
  return {
    lng,
    lat,
    metersPerDegreeLng: toRadians(1) * primeVertical * Math.cos(toRadians(lat)),
    metersPerDegreeLat: toRadians(1) * meridional,
  };
}

function project(frame: LocalFrame, [lng, lat]: Position): [number, number] {
  return [(lng - frame.lng) * frame.metersPerDegreeLng, (lat - frame.lat) * frame.metersPerDegreeLat];
}

function segmentDistance([ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

const polygonsOf = (geometry: ZoneGeometry): Position[][][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

/** Metres from the point to the geometry's nearest edge (outer rings and holes alike). */
export function edgeDistanceMeters(lng: number, lat: number, geometry: ZoneGeometry): number {
  const frame = frameAt(lng, lat);
  let nearest = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        nearest = Math.min(nearest, segmentDistance(project(frame, ring[i]), project(frame, ring[i + 1])));
      }
    }
  }
  return nearest;
}

function boundsOf(geometry: ZoneGeometry): [number, number, number, number] {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0] ?? []) {
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Tenths of a metre, as the api rounds: enough to tell a point just outside from one on the boundary. */
const tenths = (meters: number) => Math.round(meters * 10) / 10;

/**
 * A snapshot made ready for checks: the zones' bounding boxes in a Flatbush index, so a check with many zones
 * measures only the few whose box comes within the radius.
 */
export class SnapshotIndex {
  private readonly index: Flatbush | null;
  private readonly zones: AnySnapshotEntry[];

  constructor(readonly snapshot: ZoneSnapshot) {
    const zones = snapshotEntries(snapshot);
    this.zones = zones;
    if (zones.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(zones.length);
    for (const zone of zones) this.index.add(...boundsOf(zone.geometry));
    this.index.finish();
  }

  /** The same answer as `GET /api/zones/check?lat&lng&at&radius`, worked out here. */
  check(position: { lat: number; lng: number }, radiusMeters: number, at: Date): ZoneCheckResponse {
    const { lat, lng } = position;
    const frame = frameAt(lng, lat);
    // A box widened by the radius in degrees, with a margin for the box's own approximation.
    const dLng = (radiusMeters / frame.metersPerDegreeLng) * 1.01 + 1e-9;
    const dLat = (radiusMeters / frame.metersPerDegreeLat) * 1.01 + 1e-9;
    const candidates = this.index ? this.index.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat) : [];

    const found: { summary: ZoneSummary; inside: boolean }[] = [];
    for (const i of candidates) {
      const zone = this.zones[i];
      // Boundary counts as inside (ignoreBoundary defaults to false), as ST_Covers on the api.
      const inside = booleanPointInPolygon([lng, lat], zone.geometry);
      const edge = edgeDistanceMeters(lng, lat, zone.geometry);
      const distance = inside ? 0 : edge;
      if (distance > radiusMeters) continue;
      const state = snapshotZoneTimeState(zone, at);
      found.push({
        inside,
        summary: {
          zoneId: zone.id,
          name: zone.name,
          siteId: zone.siteId,
          siteName: zone.siteName,
          inForce: state.inForce,
          until: state.until,
          nextInForceAt: state.nextInForceAt,
          distanceMeters: tenths(distance),
          suspension: summarySuspension(zone),
          edgeDistanceMeters: tenths(edge),
        },
      });
    }
    found.sort(
      (a, b) =>
        a.summary.distanceMeters - b.summary.distanceMeters || a.summary.zoneId.localeCompare(b.summary.zoneId),
    );
    return {
      at: at.toISOString(),
      inside: found.filter((entry) => entry.inside).map((entry) => entry.summary),
      nearby: found.filter((entry) => !entry.inside).map((entry) => entry.summary),
    };
  }
}
