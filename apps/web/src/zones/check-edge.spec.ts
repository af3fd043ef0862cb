import type { ZoneSummary } from '@samverkan/contracts';
import { checkEdgeOf } from './check-edge';

const summary = (overrides: Partial<ZoneSummary>): ZoneSummary => ({
  zoneId: 'z',
  name: 'Zone',
  siteId: 's',
  siteName: 'Site',
  inForce: true,
  until: null,
  nextInForceAt: null,
  distanceMeters: 0,
  edgeDistanceMeters: 0,
  ...overrides,
});

describe('whether the position is clear of zone edges', () => {
  it('10 m inside a zone in force at 120 m accuracy: at the edge', () => {
    const zone = summary({ zoneId: 'a', edgeDistanceMeters: 10 });
    expect(checkEdgeOf({ at: '', inside: [zone], nearby: [] }, 120)).toEqual({
      kind: 'edge',
      zone,
      edgeDistanceMeters: 10,
      accuracy: 120,
    });
  });

  it('farther inside than the accuracy: clear, whatever other edges are near', () => {
    const deep = summary({ zoneId: 'deep', edgeDistanceMeters: 80 });
    const shallow = summary({ zoneId: 'shallow', edgeDistanceMeters: 5 });
    const near = summary({ zoneId: 'near', distanceMeters: 3, edgeDistanceMeters: 3 });
    expect(checkEdgeOf({ at: '', inside: [shallow, deep], nearby: [near] }, 50)).toEqual({ kind: 'clear' });
    // The edge exactly as far as the accuracy: the circle only touches it.
    expect(checkEdgeOf({ at: '', inside: [summary({ edgeDistanceMeters: 50 })], nearby: [] }, 50)).toEqual({
      kind: 'clear',
    });
  });

  it('outside, a zone in force nearer than the accuracy: at the edge, naming the nearest edge', () => {
    const far = summary({ zoneId: 'far', distanceMeters: 90, edgeDistanceMeters: 90 });
    const close = summary({ zoneId: 'close', distanceMeters: 30, edgeDistanceMeters: 30 });
    expect(checkEdgeOf({ at: '', inside: [], nearby: [far, close] }, 100)).toMatchObject({
      kind: 'edge',
      zone: { zoneId: 'close' },
      edgeDistanceMeters: 30,
    });
    // An accurate position: the same zones are plainly outside.
    expect(checkEdgeOf({ at: '', inside: [], nearby: [far, close] }, 10)).toEqual({ kind: 'clear' });
  });

  it('zones not in force are never in doubt: they apply on neither side', () => {
    const closedInside = summary({ inForce: false, edgeDistanceMeters: 2 });
    const closedNear = summary({ inForce: false, distanceMeters: 4, edgeDistanceMeters: 4 });
    expect(checkEdgeOf({ at: '', inside: [closedInside], nearby: [closedNear] }, 150)).toEqual({
      kind: 'clear',
    });
    // But inside a zone not in force, the edge of one in force nearby still is.
    const inForceNear = summary({ zoneId: 'next door', distanceMeters: 20, edgeDistanceMeters: 20 });
    expect(checkEdgeOf({ at: '', inside: [closedInside], nearby: [inForceNear] }, 150)).toMatchObject({
      kind: 'edge',
      zone: { zoneId: 'next door' },
    });
  });

  it('without the api edge figure, inside counts as clear and outside uses the distance', () => {
    const inside = summary({ edgeDistanceMeters: undefined });
    expect(checkEdgeOf({ at: '', inside: [inside], nearby: [] }, 500)).toEqual({ kind: 'clear' });
    const near = summary({ distanceMeters: 40, edgeDistanceMeters: undefined });
    expect(checkEdgeOf({ at: '', inside: [], nearby: [near] }, 100)).toMatchObject({ kind: 'edge' });
  });
});
