import { ZONE_LIMITS } from '@samverkan/contracts';
import { MAX_ERROR_DETAILS } from './error-list';
import { validatePoint, validateZoneGeometry } from './geometry-validation';

// A small square around Malmö central station, counter-clockwise, closed.
const square = (lng = 13.0, lat = 55.6, size = 0.001): number[][] => [
  [lng, lat],
  [lng + size, lat],
  [lng + size, lat + size],
  [lng, lat + size],
  [lng, lat],
];

const messages = (details: { message: string }[]) => details.map((detail) => detail.message);
const fields = (details: { field: string }[]) => details.map((detail) => detail.field);

describe('validateZoneGeometry', () => {
  describe('accepts', () => {
    it('a closed Polygon', () => {
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: [square()] })).toEqual([]);
    });

    it('a Polygon with a hole', () => {
      const hole = square(13.0002, 55.6002, 0.0002);
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: [square(), hole] })).toEqual([]);
    });

    it('a clockwise ring (RFC 7946 readers must not reject it)', () => {
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: [square().reverse()] })).toEqual([]);
    });

    it('a MultiPolygon', () => {
      expect(validateZoneGeometry({ type: 'MultiPolygon', coordinates: [[square()], [square(13.01)]] })).toEqual([]);
    });

    it('positions with an altitude', () => {
      const ring = square().map(([lng, lat]) => [lng, lat, 12.5]);
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual([]);
    });

    it('the range limits themselves', () => {
      const ring = [[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]];
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual([]);
    });

    it('exactly the maximum number of positions', () => {
      const ring = Array.from({ length: ZONE_LIMITS.maxPositions - 1 }, (_, i) => [13 + i * 1e-6, 55.6 + (i % 2) * 1e-6]);
      ring.push(ring[0]);
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual([]);
    });

    it('ignores foreign members such as bbox', () => {
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: [square()], bbox: [13, 55.6, 13.001, 55.601] })).toEqual([]);
    });
  });

  describe('the object and its type', () => {
    it.each([null, undefined, 'Polygon', 42, [square()]])('refuses %p as not an object', (input) => {
      expect(validateZoneGeometry(input)).toEqual([
        { field: 'geometry', message: 'geometry: must be a GeoJSON object of type Polygon or MultiPolygon' },
      ]);
    });

    it('names the type given', () => {
      expect(validateZoneGeometry({ type: 'Point', coordinates: [13, 55.6] })).toEqual([
        { field: 'geometry.type', message: 'geometry.type: "Point" is not allowed; must be "Polygon" or "MultiPolygon"' },
      ]);
      expect(messages(validateZoneGeometry({ type: 'LineString', coordinates: square() }))).toEqual([
        'geometry.type: "LineString" is not allowed; must be "Polygon" or "MultiPolygon"',
      ]);
    });

    it('explains a Feature sent instead of its geometry', () => {
      const feature = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square()] }, properties: {} };
      expect(messages(validateZoneGeometry(feature))).toEqual([
        'geometry.type: a Feature is not a geometry; send its "geometry" ("Polygon" or "MultiPolygon")',
      ]);
    });

    it('points out a wrongly cased type name', () => {
      expect(messages(validateZoneGeometry({ type: 'polygon', coordinates: [square()] }))).toEqual([
        'geometry.type: type names are case-sensitive: use "Polygon"',
      ]);
    });

    it('refuses a missing type', () => {
      expect(messages(validateZoneGeometry({ coordinates: [square()] }))).toEqual(['geometry.type: must be "Polygon" or "MultiPolygon"']);
    });

    it('shortens a very long type name', () => {
      const [detail] = validateZoneGeometry({ type: 'X'.repeat(5000), coordinates: [] });
      expect(detail.message.length).toBeLessThan(150);
    });

    it('uses the field name given', () => {
      expect(fields(validateZoneGeometry({ type: 'Point' }, 'features[3].geometry'))).toEqual(['features[3].geometry.type']);
    });
  });

  describe('nesting', () => {
    it('refuses coordinates that are not an array', () => {
      expect(messages(validateZoneGeometry({ type: 'Polygon' }))).toEqual(['geometry.coordinates: must be an array of rings']);
      expect(messages(validateZoneGeometry({ type: 'MultiPolygon', coordinates: 'x' }))).toEqual([
        'geometry.coordinates: must be an array of polygons',
      ]);
    });

    it('refuses a Polygon without rings and a MultiPolygon without polygons', () => {
      expect(messages(validateZoneGeometry({ type: 'Polygon', coordinates: [] }))).toEqual([
        'geometry.coordinates: a polygon must have at least one ring (its outer boundary)',
      ]);
      expect(messages(validateZoneGeometry({ type: 'MultiPolygon', coordinates: [] }))).toEqual([
        'geometry.coordinates: must hold at least one polygon',
      ]);
      expect(messages(validateZoneGeometry({ type: 'MultiPolygon', coordinates: [[]] }))).toEqual([
        'geometry.coordinates[0]: a polygon must have at least one ring (its outer boundary)',
      ]);
    });

    it('reports a Polygon written one level too shallow once, not per position', () => {
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: square() })).toEqual([
        {
          field: 'geometry.coordinates[0]',
          message: 'geometry.coordinates[0]: expected a ring (an array of positions) but found a number: the coordinates are nested one level too shallow',
        },
        expect.objectContaining({ field: 'geometry.coordinates[1]' }),
        expect.objectContaining({ field: 'geometry.coordinates[2]' }),
        expect.objectContaining({ field: 'geometry.coordinates[3]' }),
        expect.objectContaining({ field: 'geometry.coordinates[4]' }),
      ]);
    });

    it('reports a MultiPolygon given Polygon coordinates', () => {
      const details = validateZoneGeometry({ type: 'MultiPolygon', coordinates: [square()] });
      expect(details[0].message).toMatch(/^geometry\.coordinates\[0\]\[0\]: expected a ring .* too shallow$/);
    });

    it('reports a Polygon given MultiPolygon coordinates', () => {
      expect(messages(validateZoneGeometry({ type: 'Polygon', coordinates: [[square()]] }))).toEqual([
        'geometry.coordinates[0]: expected a ring of positions but found arrays of arrays: the coordinates are nested too deep',
      ]);
    });

    it('refuses a ring or a polygon that is not an array', () => {
      expect(messages(validateZoneGeometry({ type: 'Polygon', coordinates: [square(), 'hole'] }))).toEqual([
        'geometry.coordinates[1]: a ring must be an array of [longitude, latitude] positions',
      ]);
      expect(messages(validateZoneGeometry({ type: 'MultiPolygon', coordinates: [[square()], null] }))).toEqual([
        'geometry.coordinates[1]: a polygon must be an array of rings',
      ]);
    });
  });

  describe('rings', () => {
    it('refuses a ring that is not closed', () => {
      const ring = square().slice(0, 4).concat([[13.0, 55.6005]]);
      expect(validateZoneGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual([
        { field: 'geometry.coordinates[0]', message: 'geometry.coordinates[0]: the ring is not closed: its last position must equal its first' },
      ]);
    });

    it('does not close a ring for the caller', () => {
      const open = square().slice(0, 4);
      const input = { type: 'Polygon', coordinates: [open] };
      expect(messages(validateZoneGeometry(input))).toContain('geometry.coordinates[0]: the ring is not closed: its last position must equal its first');
      expect(input.coordinates[0]).toHaveLength(4);
    });

    it('refuses a closed ring of fewer than four positions', () => {
      const ring = [[13, 55.6], [13.001, 55.6], [13, 55.6]];
      expect(messages(validateZoneGeometry({ type: 'Polygon', coordinates: [ring] }))).toEqual([
        'geometry.coordinates[0]: a ring needs at least 4 positions (got 3)',
      ]);
    });

    it('reports an open ring that is also too short', () => {
      const ring = [[13, 55.6], [13.001, 55.6], [13.001, 55.601]];
      expect(messages(validateZoneGeometry({ type: 'Polygon', coordinates: [ring] }))).toEqual([
        'geometry.coordinates[0]: a ring needs at least 4 positions (got 3)',
        'geometry.coordinates[0]: the ring is not closed: its last position must equal its first',
      ]);
    });

    it('refuses an empty ring', () => {
      expect(messages(validateZoneGeometry({ type: 'Polygon', coordinates: [[]] }))).toEqual([
        'geometry.coordinates[0]: a ring needs at least 4 positions (got 0)',
      ]);
    });

    it('gives the full path inside a MultiPolygon', () => {
      const badHole = square(13.0102, 55.6002, 0.0002).slice(0, 4);
      const details = validateZoneGeometry({ type: 'MultiPolygon', coordinates: [[square()], [square(13.01), badHole]] });
      expect(fields(details)).toEqual(['geometry.coordinates[1][1]']);
    });

    it('does not compare the ends of a ring when one of them is invalid', () => {
      const ring = square();
      ring[4] = [13, Number.NaN];
      expect(messages(validateZoneGeometry({ type: 'Polygon', coordinates: [ring] }))).toEqual([
        'geometry.coordinates[0][4]: latitude must be a finite number (got NaN)',
      ]);
    });
  });

  describe('positions', () => {
    const withPosition = (position: unknown, index = 2) => {
      const ring: unknown[] = square();
      ring[index] = position;
      return validateZoneGeometry({ type: 'Polygon', coordinates: [ring] });
    };

    it('refuses a latitude out of range', () => {
      expect(withPosition([120, 95], 3)).toEqual([
        { field: 'geometry.coordinates[0][3]', message: 'geometry.coordinates[0][3]: latitude 95 is outside [-90, 90]' },
      ]);
    });

    it('refuses a longitude out of range (a geography cast would wrap it)', () => {
      expect(messages(withPosition([200, 55.6]))).toEqual(['geometry.coordinates[0][2]: longitude 200 is outside [-180, 180]']);
      expect(messages(withPosition([-180.0001, 55.6]))).toEqual(['geometry.coordinates[0][2]: longitude -180.0001 is outside [-180, 180]']);
    });

    it('reports both axes when both are out of range', () => {
      expect(messages(withPosition([181, -91]))).toEqual([
        'geometry.coordinates[0][2]: longitude 181 is outside [-180, 180]',
        'geometry.coordinates[0][2]: latitude -91 is outside [-90, 90]',
      ]);
    });

    it('hints at swapped axes when swapping them would give a valid position', () => {
      expect(messages(withPosition([55.6, 113.0]))).toEqual([
        'geometry.coordinates[0][2]: latitude 113 is outside [-90, 90]; positions are [longitude, latitude]: are they swapped?',
      ]);
      expect(messages(withPosition([13, 95]))).toEqual([
        'geometry.coordinates[0][2]: latitude 95 is outside [-90, 90]; positions are [longitude, latitude]: are they swapped?',
      ]);
    });

    it.each([
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [Number.NEGATIVE_INFINITY, '-Infinity'],
      ['55.6', 'a string'],
      [null, 'null'],
      [true, 'a boolean'],
      [[55.6], 'an array'],
      [{}, 'a object'],
    ])('refuses a latitude of %p', (latitude, described) => {
      expect(messages(withPosition([13, latitude]))).toEqual([`geometry.coordinates[0][2]: latitude must be a finite number (got ${described})`]);
    });

    it('refuses a non-finite longitude and altitude', () => {
      expect(messages(withPosition(['13', 55.6]))).toEqual(['geometry.coordinates[0][2]: longitude must be a finite number (got a string)']);
      expect(messages(withPosition([13, 55.6, Number.NaN]))).toEqual(['geometry.coordinates[0][2]: altitude must be a finite number (got NaN)']);
    });

    it('refuses a sparse position', () => {
      // eslint-disable-next-line no-sparse-arrays
      expect(messages(withPosition([13, , ]))).toEqual(['geometry.coordinates[0][2]: latitude must be a finite number (got nothing)']);
    });

    it.each([
      [[13], 1],
      [[], 0],
      [[13, 55.6, 10, 1], 4],
    ])('refuses a position of the wrong length: %p', (position, length) => {
      expect(messages(withPosition(position))).toEqual([
        `geometry.coordinates[0][2]: a position must hold 2 or 3 numbers [longitude, latitude] (got ${length})`,
      ]);
    });

    it('refuses a position that is not an array', () => {
      expect(messages(withPosition({ lng: 13, lat: 55.6 }))).toEqual(['geometry.coordinates[0][2]: a position must be an array [longitude, latitude]']);
      expect(messages(withPosition('13,55.6'))).toEqual(['geometry.coordinates[0][2]: a position must be an array [longitude, latitude]']);
    });

    it('gives the full path inside a MultiPolygon', () => {
      const ring = square();
      ring[1] = [13, 95];
      expect(fields(validateZoneGeometry({ type: 'MultiPolygon', coordinates: [[square()], [square(), ring]] }))).toEqual([
        'geometry.coordinates[1][1][1]',
      ]);
    });
  });

  describe('size and the number of problems', () => {
    it('refuses more than the maximum number of positions, counting across rings and polygons', () => {
      const big = Array.from({ length: 700 }, () => [13, 55.6]);
      const input = { type: 'MultiPolygon', coordinates: [[big, big], [big]] };
      expect(validateZoneGeometry(input)).toEqual([
        { field: 'geometry.coordinates', message: `geometry.coordinates: has 2100 positions; at most ${ZONE_LIMITS.maxPositions} are allowed` },
      ]);
    });

    it('refuses one position over the limit', () => {
      const ring = Array.from({ length: ZONE_LIMITS.maxPositions + 1 }, () => [13, 55.6]);
      expect(messages(validateZoneGeometry({ type: 'Polygon', coordinates: [ring] }))).toEqual([
        'geometry.coordinates: has 2001 positions; at most 2000 are allowed',
      ]);
    });

    it(`stops after ${MAX_ERROR_DETAILS} problems and says more were left out`, () => {
      const ring = Array.from({ length: 1999 }, (_, i) => [13, 100 + i]);
      const details = validateZoneGeometry({ type: 'Polygon', coordinates: [ring] });
      expect(details).toHaveLength(MAX_ERROR_DETAILS + 1);
      expect(details[MAX_ERROR_DETAILS - 1].field).toBe(`geometry.coordinates[0][${MAX_ERROR_DETAILS - 1}]`);
      expect(details[MAX_ERROR_DETAILS]).toEqual({ field: 'geometry', message: 'geometry: more problems not listed' });
    });

    it('lists every problem below the cap', () => {
      const ring = square();
      ring[1] = [13, 91];
      ring[2] = [190, 55];
      const details = validateZoneGeometry({ type: 'MultiPolygon', coordinates: [[ring], [square().slice(0, 3)]] });
      expect(fields(details)).toEqual(['geometry.coordinates[0][0][1]', 'geometry.coordinates[0][0][2]', 'geometry.coordinates[1][0]', 'geometry.coordinates[1][0]']);
    });
  });
});

describe('validatePoint', () => {
  it('accepts a point', () => {
    expect(validatePoint({ type: 'Point', coordinates: [13.0007, 55.6096] })).toEqual([]);
    expect(validatePoint({ type: 'Point', coordinates: [13.0007, 55.6096, 4] }, 'location')).toEqual([]);
  });

  it('names its field, "location" by default', () => {
    expect(validatePoint(null)).toEqual([{ field: 'location', message: 'location: must be a GeoJSON object of type Point' }]);
    expect(fields(validatePoint('x', 'site.location'))).toEqual(['site.location']);
  });

  it('refuses other types', () => {
    expect(validatePoint({ type: 'Polygon', coordinates: [square()] })).toEqual([
      { field: 'location.type', message: 'location.type: "Polygon" is not allowed; must be "Point"' },
    ]);
    expect(messages(validatePoint({ type: 'point', coordinates: [13, 55.6] }))).toEqual(['location.type: type names are case-sensitive: use "Point"']);
  });

  it('applies the range and finiteness rules', () => {
    expect(messages(validatePoint({ type: 'Point', coordinates: [-100, 95] }))).toEqual(['location.coordinates: latitude 95 is outside [-90, 90]']);
    expect(messages(validatePoint({ type: 'Point', coordinates: [-181, 55] }))).toEqual(['location.coordinates: longitude -181 is outside [-180, 180]']);
    expect(messages(validatePoint({ type: 'Point', coordinates: [13, Infinity] }))).toEqual([
      'location.coordinates: latitude must be a finite number (got Infinity)',
    ]);
    expect(messages(validatePoint({ type: 'Point', coordinates: [55.6, 130] }))).toEqual([
      'location.coordinates: latitude 130 is outside [-90, 90]; positions are [longitude, latitude]: are they swapped?',
    ]);
  });

  it('refuses missing or malformed coordinates', () => {
    expect(messages(validatePoint({ type: 'Point' }))).toEqual(['location.coordinates: a position must be an array [longitude, latitude]']);
    expect(messages(validatePoint({ type: 'Point', coordinates: [[13, 55.6]] }))).toEqual([
      'location.coordinates: a position must hold 2 or 3 numbers [longitude, latitude] (got 1)',
    ]);
  });
});
