import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type {
  Position,
  ZoneCheckResponse,
  ZoneGeometry,
  ZoneSnapshot,
  ZoneSnapshotEntry,
  ZoneSummary,
} from '@samverkan/contracts';
import { evaluateZoneTime, type ZoneTimeState } from './schedule';

// "Am I in a zone?" answered on the phone from the zone snapshot (GET /api/zones/snapshot), offline too, so
// that the position never leaves the phone. It answers as the api's check does (apps/api/src/zones/ zones.service
// check()): the boundary counts as inside (ST_Covers there, booleanPointInPolygon's default here), `nearby` lists
// the zones within the radius that do not contain the point, nearest first, and the times come from the same
// schedule code (evaluateZoneTime). The snapshot holds only zones that are or may come in force, so zones the
// api would list as never agreed, suspended or withdrawn are simply absent here: none of them is in force.

/**
 * When a snapshot zone is in force: every zone of the snapshot is there by an agreed version (the one the entry
 * describes), so its schedule and validity decide, as on the api.
 */
export function snapshotZoneTimeState(zone: ZoneSnapshotEntry, at: Date): ZoneTimeState {
  return evaluateZoneTime(zone, at);
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

  constructor(readonly snapshot: ZoneSnapshot) {
    const zones = snapshot.zones;
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
      const zone = this.snapshot.zones[i];
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
          suspension: null,
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
