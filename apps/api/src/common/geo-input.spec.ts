import { validatePoint, validateZoneGeometry } from '@samverkan/geo';
import { DetailedHttpException } from './api-exception.filter';
import { degreeMargins, geoShapeProblems, GeoShapesPipe } from './geo-input';

/** Metres along a parallel per degree of longitude, on the WGS 84 ellipsoid. */
function metresPerDegreeLongitude(latitude: number): number {
  const a = 6_378_137;
  const e2 = 0.00669437999014;
  const phi = (latitude * Math.PI) / 180;
  return ((Math.PI / 180) * a * Math.cos(phi)) / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
}

describe('degreeMargins', () => {
  it.each([0, 30, 55.6, 65, 80, -55.6])('at latitude %p covers the distance in both directions, with room to spare', (latitude) => {
    for (const metres of [0, 1, 200, 2000]) {
      const { dLng, dLat } = degreeMargins(latitude, metres);
      // The longitude margin must hold at the latitude of the box nearest the pole, where degrees are shortest.
      const farthest = Math.abs(latitude) + dLat;
      expect(dLng * metresPerDegreeLongitude(farthest)).toBeGreaterThanOrEqual(metres);
      expect(dLat * 110_574).toBeGreaterThanOrEqual(metres);
      expect(dLat * 110_574).toBeLessThanOrEqual(metres * 1.11);
    }
  });

  it('never reaches round the globe near the poles', () => {
    expect(degreeMargins(89.99, 2000).dLng).toBeLessThanOrEqual(170);
    expect(degreeMargins(90, 2000).dLng).toBe(170);
  });
});

describe('geoShapeProblems and GeoShapesPipe', () => {
  const checks = { geometry: validateZoneGeometry, location: validatePoint };

  it('checks only the members given, naming the exact position without repeating the field in the message', () => {
    expect(geoShapeProblems({ name: 'x' }, checks)).toEqual([]);
    expect(geoShapeProblems({ location: { type: 'Point', coordinates: [120, 95] } }, checks)).toEqual([
      { field: 'location.coordinates', message: 'latitude 95 is outside [-90, 90]' },
    ]);
    expect(geoShapeProblems({ geometry: { type: 'Point' } }, checks, 'features[2].')).toEqual([
      { field: 'features[2].geometry.type', message: '"Point" is not allowed; must be "Polygon" or "MultiPolygon"' },
    ]);
  });

  it('throws a 400 whose message names the first problem', () => {
    const pipe = new GeoShapesPipe(checks);
    expect(pipe.transform({ location: { type: 'Point', coordinates: [13, 55] } })).toEqual({ location: { type: 'Point', coordinates: [13, 55] } });
    try {
      pipe.transform({ location: null });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DetailedHttpException);
      expect((error as DetailedHttpException).getStatus()).toBe(400);
      expect((error as DetailedHttpException).getResponse()).toEqual({
        message: 'location: must be a GeoJSON object of type Point',
        details: [{ field: 'location', message: 'must be a GeoJSON object of type Point' }],
      });
    }
  });
});
