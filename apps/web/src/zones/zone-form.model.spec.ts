import type { SiteFeature, ZoneGeometry } from '@samverkan/contracts';
import { areaSquareMeters, distanceToGeometry } from './geo-math';
import {
  emptyDraft,
  hoursFromSite,
  scheduleOf,
  toCreateRequest,
  toUpdateRequest,
  validateDraft,
  type ZoneDraft,
} from './zone-form.model';

const site: SiteFeature = {
  type: 'Feature',
  id: 'site-1',
  geometry: { type: 'Point', coordinates: [13.0027, 55.5852] },
  properties: {
    id: 'site-1',
    name: 'Site',
    type: 'needle_exchange',
    organisationId: 'org',
    address: null,
    openingHours: null,
    description: null,
    version: 1,
    updatedAt: '2026-11-25T12:00:00Z',
    openingSchedule: null,
    openNow: null,
    closesAt: null,
    nextOpenAt: null,
  },
};

/** A square of `side` metres around [lng, lat], counter-clockwise. */
function square([lng, lat]: [number, number], side: number): ZoneGeometry {
  const dLat = side / 2 / 111_320;
  const dLng = side / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng - dLng, lat - dLat],
        [lng + dLng, lat - dLat],
        [lng + dLng, lat + dLat],
        [lng - dLng, lat + dLat],
        [lng - dLng, lat - dLat],
      ],
    ],
  };
}

const draft = (change: Partial<ZoneDraft> = {}): ZoneDraft => ({
  ...emptyDraft('site-1'),
  name: 'A zone',
  shape: { kind: 'polygon', geometry: square([13.0027, 55.5852], 200) },
  ...change,
});
const problems = (change: Partial<ZoneDraft>) =>
  validateDraft(draft(change), site).map((problem) => problem.message);

describe('the zone form before sending', () => {
  it('accepts a well-formed draft', () => {
    expect(validateDraft(draft(), site)).toEqual([]);
  });

  it('asks for a site, a name and a shape', () => {
    expect(validateDraft(draft({ siteId: null }), undefined).map((problem) => problem.message)).toContain(
      'zoneForm.error.site',
    );
    expect(problems({ name: '' })).toEqual(['zoneForm.error.name']);
    expect(problems({ shape: { kind: 'polygon', geometry: null } })).toEqual(['zoneForm.error.noShape']);
  });

  it('runs the shared geometry validator and passes on its words', () => {
    const open: ZoneGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [13, 55.6],
          [13.001, 55.6],
          [13.001, 55.601],
        ],
      ],
    };
    const [problem] = validateDraft(draft({ shape: { kind: 'polygon', geometry: open } }), site);
    expect(problem).toEqual({ field: 'shape', message: 'zoneForm.error.geometry' });
  });

  it('refuses a zone over 5 km² or more than 2 km from its site, as the api would', () => {
    expect(problems({ shape: { kind: 'polygon', geometry: square([13.0027, 55.5852], 2400) } })).toEqual([
      'zoneForm.error.area',
    ]);
    expect(problems({ shape: { kind: 'polygon', geometry: square([13.0027, 55.62], 200) } })).toEqual([
      'zoneForm.error.farFromSite',
    ]);
  });

  it('checks a circle’s radius', () => {
    expect(problems({ shape: { kind: 'circle', radiusMeters: 5 } })).toEqual(['zoneForm.error.radius']);
    expect(problems({ shape: { kind: 'circle', radiusMeters: 150 } })).toEqual([]);
  });

  it('checks the hours: days chosen, a window that is not empty; past midnight is fine', () => {
    expect(problems({ windows: [{ days: [], from: '09:00', to: '17:00' }] })).toEqual([
      'zoneForm.error.noDays',
    ]);
    expect(problems({ windows: [{ days: [1], from: '09:00', to: '09:00' }] })).toEqual([
      'zoneForm.error.emptyWindow',
    ]);
    expect(problems({ windows: [{ days: [5, 6], from: '22:00', to: '04:00' }] })).toEqual([]);
    expect(problems({ windows: [{ days: [1], from: '9', to: '17:00' }] })).toEqual([
      'zoneForm.error.schedule',
    ]);
    expect(problems({ windows: [], always: true })).toEqual([]);
  });

  it('checks that the validity ends after it starts', () => {
    expect(problems({ validFrom: '2026-12-01T10:00', validUntil: '2026-12-01T09:00' })).toEqual([
      'zoneForm.error.validityOrder',
    ]);
  });

  it('builds the contract’s requests: no schedule for "always", Stockholm offsets for validity', () => {
    const request = toCreateRequest(draft({ always: true, validFrom: '2026-07-01T08:00', notes: '' }));
    expect(request).toMatchObject({
      siteId: 'site-1',
      name: 'A zone',
      schedule: null,
      validFrom: '2026-07-01T08:00:00+02:00',
      validUntil: null,
      notes: null,
    });
    expect(request.radiusMeters).toBeUndefined();
    const circle = toUpdateRequest(draft({ shape: { kind: 'circle', radiusMeters: 120 } }), 3);
    expect(circle).toMatchObject({
      version: 3,
      radiusMeters: 120,
      schedule: {
        timezone: 'Europe/Stockholm',
        windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
      },
    });
    expect(circle).not.toHaveProperty('siteId');
    expect(circle.geometry).toBeUndefined();
  });
});

describe('geo-math', () => {
  it('measures areas and distances close enough to warn before the api decides', () => {
    expect(areaSquareMeters(square([13, 55.6], 1000)) / 1_000_000).toBeCloseTo(1, 2);
    expect(distanceToGeometry({ lng: 13, lat: 55.6 }, square([13, 55.6], 100))).toBe(0);
    expect(distanceToGeometry({ lng: 13, lat: 55.6 + 150 / 111_320 }, square([13, 55.6], 100))).toBeCloseTo(
      100,
      0,
    );
  });
});

describe("a new zone's hours", () => {
  const opening = {
    timezone: 'Europe/Stockholm',
    windows: [
      { days: [1, 3, 5] as const, from: '10:00', to: '14:00' },
      { days: [6] as const, from: '22:00', to: '03:00' },
    ],
    exceptions: [{ date: '2026-12-24', closed: true as const }],
  };

  it("start from the site's opening hours, closed days included", () => {
    const withHours = {
      properties: {
        ...site.properties,
        openingSchedule: { ...opening, windows: opening.windows.map((w) => ({ ...w, days: [...w.days] })) },
      },
    };
    expect(scheduleOf({ ...draft(), ...hoursFromSite(withHours) })).toEqual({
      timezone: 'Europe/Stockholm',
      windows: [
        { days: [1, 3, 5], from: '10:00', to: '14:00' },
        { days: [6], from: '22:00', to: '03:00' },
      ],
      exceptions: [{ date: '2026-12-24', closed: true }],
    });
  });

  it('are weekdays 09–17 for a site without opening hours as a schedule', () => {
    expect(scheduleOf({ ...draft(), ...hoursFromSite(site) })).toEqual({
      timezone: 'Europe/Stockholm',
      windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
    });
    expect(hoursFromSite(undefined).windows).toEqual([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }]);
  });
});
