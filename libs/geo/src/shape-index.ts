import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Position, ZoneGeometry } from '@samverkan/contracts';

// "Which of these shapes hold the point, and which come within r metres of it?", answered in memory: the shapes'
// bounding boxes in a Flatbush index, so a search among many measures only the few whose box comes within the
// radius. It answers as PostGIS does in the api's check SQL: the boundary counts as inside (ST_Covers there,
// booleanPointInPolygon's default here) and distances are metres on WGS 84 (ST_Distance on geography).

// WGS 84, as PostGIS's geography measures: a local projection with the ellipsoid's radii of curvature at the
// point agrees with ST_Distance to well under a metre over the 2 km a check can reach.
const WGS84_A = 6_378_137;
const WGS84_E2 = 0.006_694_379_990_14;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

interface LocalFrame {
  metersPerDegreeLng: number;
  metersPerDegreeLat: number;
}

function frameAt(lat: number): LocalFrame {
  const sin = Math.sin(toRadians(lat));
  const w = 1 - WGS84_E2 * sin * sin;
  const primeVertical = WGS84_A / Math.sqrt(w);
  const meridional = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w));
  return {
    metersPerDegreeLng: toRadians(1) * primeVertical * Math.cos(toRadians(lat)),
    metersPerDegreeLat: toRadians(1) * meridional,
  };
}

/** Metres from the origin to the segment a–b, both given in metres of a local frame around the origin. */
function segmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  const x = ax + t * dx;
  const y = ay + t * dy;
  // Not Math.hypot: V8 calls it as a builtin that boxes its answer, a heap allocation for every edge measured.
  return Math.sqrt(x * x + y * y);
}

const polygonsOf = (geometry: ZoneGeometry): Position[][][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

/**
 * Metres from the point to the geometry's nearest edge (outer rings and holes alike). Each vertex is projected
 * into plain numbers, not a pair per vertex: a check measures a dozen zones of dozens of vertices, and those
 * pairs were most of what a check allocated (and what the api's garbage collector then had to sweep).
 */
export function edgeDistanceMeters(lng: number, lat: number, geometry: ZoneGeometry): number {
  const { metersPerDegreeLng: kx, metersPerDegreeLat: ky } = frameAt(lat);
  let nearest = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      if (ring.length === 0) continue;
      let ax = (ring[0][0] - lng) * kx;
      let ay = (ring[0][1] - lat) * ky;
      for (let i = 1; i < ring.length; i++) {
        const bx = (ring[i][0] - lng) * kx;
        const by = (ring[i][1] - lat) * ky;
        nearest = Math.min(nearest, segmentDistance(ax, ay, bx, by));
        ax = bx;
        ay = by;
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

/** A shape the point lies in or within the radius of, with the unrounded measures. */
export interface ShapeHit<T> {
  item: T;
  inside: boolean;
  /** 0 inside; else metres to the shape. */
  distanceMeters: number;
  /** Metres to the shape's nearest edge, inside or out. */
  edgeDistanceMeters: number;
}

/** Items with a shape, indexed once for many searches. */
export class ShapeIndex<T> {
  private readonly index: Flatbush | null;

  constructor(
    private readonly items: readonly T[],
    private readonly shapeOf: (item: T) => ZoneGeometry,
  ) {
    if (items.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(items.length);
    for (const item of items) this.index.add(...boundsOf(shapeOf(item)));
    this.index.finish();
  }

  get size(): number {
    return this.items.length;
  }

  /** The items whose shape holds the point or comes within `radiusMeters` of it, in no particular order. */
  near(position: { lat: number; lng: number }, radiusMeters: number): ShapeHit<T>[] {
    if (!this.index) return [];
    const { lat, lng } = position;
    const frame = frameAt(lat);
    // A box widened by the radius in degrees, with a margin for the box's own approximation.
    const dLng = (radiusMeters / frame.metersPerDegreeLng) * 1.01 + 1e-9;
    const dLat = (radiusMeters / frame.metersPerDegreeLat) * 1.01 + 1e-9;
    const hits: ShapeHit<T>[] = [];
    for (const i of this.index.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat)) {
      const item = this.items[i];
      const shape = this.shapeOf(item);
      // Boundary counts as inside (ignoreBoundary defaults to false), as ST_Covers on the api.
      const inside = booleanPointInPolygon([lng, lat], shape);
      const edge = edgeDistanceMeters(lng, lat, shape);
      const distance = inside ? 0 : edge;
      if (distance > radiusMeters) continue;
      hits.push({ item, inside, distanceMeters: distance, edgeDistanceMeters: edge });
    }
    return hits;
  }
}
