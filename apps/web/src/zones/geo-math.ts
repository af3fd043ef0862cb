import type { Position, ZoneGeometry } from '@samverkan/contracts';

// Small-area approximations (a local equirectangular projection), good to a fraction of a percent over the
// few kilometres a zone spans. They only warn before sending: the api's PostGIS checks decide.

const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export interface LngLat {
  lng: number;
  lat: number;
}

/** Great-circle distance in metres. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres east and north of `origin`. */
function project(origin: LngLat, [lng, lat]: Position): [number, number] {
  const x = toRadians(lng - origin.lng) * Math.cos(toRadians(origin.lat)) * EARTH_RADIUS_M;
  const y = toRadians(lat - origin.lat) * EARTH_RADIUS_M;
  return [x, y];
}

function polygonsOf(geometry: ZoneGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function ringArea(origin: LngLat, ring: Position[]): number {
  let twiceArea = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = project(origin, ring[i]);
    const [x2, y2] = project(origin, ring[i + 1]);
    twiceArea += x1 * y2 - x2 * y1;
  }
  return Math.abs(twiceArea) / 2;
}

/** Area in square metres (outer rings minus holes). */
export function areaSquareMeters(geometry: ZoneGeometry): number {
  const first = polygonsOf(geometry)[0]?.[0]?.[0];
  if (!first) return 0;
  const origin = { lng: first[0], lat: first[1] };
  return polygonsOf(geometry).reduce(
    (total, [outer, ...holes]) =>
      total + ringArea(origin, outer ?? []) - holes.reduce((sum, hole) => sum + ringArea(origin, hole), 0),
    0,
  );
}

function insideRing(point: [number, number], ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

function segmentDistance(
  [px, py]: [number, number],
  [ax, ay]: [number, number],
  [bx, by]: [number, number],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Metres from `point` to the nearest part of the geometry; 0 inside it. */
export function distanceToGeometry(point: LngLat, geometry: ZoneGeometry): number {
  let nearest = Infinity;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    const rings = [outer, ...holes].map((ring) => ring.map((position) => project(point, position)));
    const inHole = rings.slice(1).some((ring) => insideRing([0, 0], ring));
    if (rings[0] && insideRing([0, 0], rings[0]) && !inHole) return 0;
    for (const ring of rings) {
      for (let i = 0; i < ring.length - 1; i++)
        nearest = Math.min(nearest, segmentDistance([0, 0], ring[i], ring[i + 1]));
    }
  }
  return nearest;
}
