import { ZONE_LIMITS, type ErrorDetail } from '@samverkan/contracts';
import { ErrorList } from './error-list';

// Structural checks of GeoJSON geometry, run before any SQL: a `geography` cast silently wraps an
// out-of-range longitude, so ranges and finiteness must be refused here. Nothing is repaired, and
// self-intersection is left to PostGIS (ST_IsValidReason).

const ZONE_TYPES = ['Polygon', 'MultiPolygon'];
const MIN_RING_POSITIONS = 4;
const AXES = ['longitude', 'latitude', 'altitude'] as const;

/** Structural problems of a zone geometry (Polygon or MultiPolygon); empty when it is well formed. */
export function validateZoneGeometry(input: unknown, field = 'geometry'): ErrorDetail[] {
  const errors = new ErrorList(field);
  if (!isObject(input)) {
    errors.add(field, 'must be a GeoJSON object of type Polygon or MultiPolygon');
    return errors.details;
  }
  if (!ZONE_TYPES.includes(input.type as string)) {
    errors.add(`${field}.type`, wrongTypeReason(input.type, ZONE_TYPES));
    return errors.details;
  }
  const path = `${field}.coordinates`;
  const { coordinates } = input;
  if (!Array.isArray(coordinates)) {
    errors.add(path, `must be an array of ${input.type === 'Polygon' ? 'rings' : 'polygons'}`);
    return errors.details;
  }
  // Counted before anything else, so an oversized geometry is refused without checking every position.
  const positions = input.type === 'Polygon' ? countPolygonPositions(coordinates) : countMultiPolygonPositions(coordinates);
  if (positions > ZONE_LIMITS.maxPositions) {
    errors.add(path, `has ${positions} positions; at most ${ZONE_LIMITS.maxPositions} are allowed`);
    return errors.details;
  }

  if (input.type === 'Polygon') {
    checkPolygon(coordinates, path, errors);
  } else if (coordinates.length === 0) {
    errors.add(path, 'must hold at least one polygon');
  } else {
    coordinates.forEach((polygon, i) => checkPolygon(polygon, `${path}[${i}]`, errors));
  }
  return errors.details;
}

/** Structural problems of a GeoJSON Point (a site's location); empty when it is well formed. */
export function validatePoint(input: unknown, field = 'location'): ErrorDetail[] {
  const errors = new ErrorList(field);
  if (!isObject(input)) {
    errors.add(field, 'must be a GeoJSON object of type Point');
  } else if (input.type !== 'Point') {
    errors.add(`${field}.type`, wrongTypeReason(input.type, ['Point']));
  } else {
    checkPosition(input.coordinates, `${field}.coordinates`, errors);
  }
  return errors.details;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongTypeReason(type: unknown, allowed: string[]): string {
  const expected = allowed.map((name) => `"${name}"`).join(' or ');
  if (typeof type !== 'string') return `must be ${expected}`;
  if (type === 'Feature') return `a Feature is not a geometry; send its "geometry" (${expected})`;
  const sameButCase = allowed.find((name) => name.toLowerCase() === type.toLowerCase());
  if (sameButCase) return `type names are case-sensitive: use "${sameButCase}"`;
  return `${JSON.stringify(type.slice(0, 40))} is not allowed; must be ${expected}`;
}

function countPolygonPositions(rings: unknown[]): number {
  return rings.reduce<number>((sum, ring) => sum + (Array.isArray(ring) ? ring.length : 0), 0);
}

function countMultiPolygonPositions(polygons: unknown[]): number {
  return polygons.reduce<number>((sum, polygon) => sum + (Array.isArray(polygon) ? countPolygonPositions(polygon) : 0), 0);
}

function checkPolygon(polygon: unknown, path: string, errors: ErrorList): void {
  if (!Array.isArray(polygon)) {
    errors.add(path, 'a polygon must be an array of rings');
  } else if (polygon.length === 0) {
    errors.add(path, 'a polygon must have at least one ring (its outer boundary)');
  } else {
    for (let i = 0; i < polygon.length && !errors.isFull; i++) checkRing(polygon[i], `${path}[${i}]`, errors);
  }
}

function checkRing(ring: unknown, path: string, errors: ErrorList): void {
  if (!Array.isArray(ring)) {
    errors.add(path, 'a ring must be an array of [longitude, latitude] positions');
    return;
  }
  // A wrong nesting depth would otherwise give one complaint per position.
  if (typeof ring[0] === 'number') {
    errors.add(path, 'expected a ring (an array of positions) but found a number: the coordinates are nested one level too shallow');
    return;
  }
  if (Array.isArray(ring[0]) && Array.isArray(ring[0][0])) {
    errors.add(path, 'expected a ring of positions but found arrays of arrays: the coordinates are nested too deep');
    return;
  }

  if (ring.length < MIN_RING_POSITIONS) {
    errors.add(path, `a ring needs at least ${MIN_RING_POSITIONS} positions (got ${ring.length})`);
  }
  let endsValid = true;
  for (let i = 0; i < ring.length && !errors.isFull; i++) {
    const valid = checkPosition(ring[i], `${path}[${i}]`, errors);
    if (!valid && (i === 0 || i === ring.length - 1)) endsValid = false;
  }
  if (endsValid && ring.length > 1 && !samePosition(ring[0], ring[ring.length - 1])) {
    errors.add(path, 'the ring is not closed: its last position must equal its first');
  }
}

/** Checks one position; true when it is valid. */
function checkPosition(position: unknown, path: string, errors: ErrorList): boolean {
  if (!Array.isArray(position)) {
    errors.add(path, 'a position must be an array [longitude, latitude]');
    return false;
  }
  if (position.length !== 2 && position.length !== 3) {
    errors.add(path, `a position must hold 2 or 3 numbers [longitude, latitude] (got ${position.length})`);
    return false;
  }
  const nonFinite = position.findIndex((value) => typeof value !== 'number' || !Number.isFinite(value));
  if (nonFinite >= 0) {
    errors.add(path, `${AXES[nonFinite]} must be a finite number (got ${describeValue(position[nonFinite])})`);
    return false;
  }

  const [longitude, latitude] = position as number[];
  const swapHint = Math.abs(longitude) <= 90 && Math.abs(latitude) <= 180 ? '; positions are [longitude, latitude]: are they swapped?' : '';
  let valid = true;
  if (Math.abs(longitude) > 180) {
    errors.add(path, `longitude ${longitude} is outside [-180, 180]`);
    valid = false;
  }
  if (Math.abs(latitude) > 90) {
    errors.add(path, `latitude ${latitude} is outside [-90, 90]${swapHint}`);
    valid = false;
  }
  return valid;
}

function samePosition(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value); // NaN, Infinity, -Infinity
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
