import type { Schedule, SiteFeature, SiteProperties } from '@samverkan/contracts';
import { distanceMeters } from '../zones/geo-math';
import { directionsUrl, nearestSites, openingAt } from './nearest-sites';

const WEEKDAYS_9_TO_17: Schedule = {
  timezone: 'Europe/Stockholm',
  windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
};

function site(id: string, lng: number, lat: number, change: Partial<SiteProperties> = {}): SiteFeature {
  const properties: SiteProperties = {
    id,
    name: `Site ${id}`,
    type: 'naloxone',
    organisationId: 'org-1',
    address: null,
    openingHours: null,
    description: null,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    openingSchedule: null,
    openNow: null,
    closesAt: null,
    nextOpenAt: null,
    ...change,
  };
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties };
}

// Malmö Centralstation and Möllevångstorget are about 1.9 km apart.
const CENTRAL = { lat: 55.6093, lng: 13.0006 };
const MOLLAN = { lat: 55.5917, lng: 13.0103 };

describe('the nearest naloxone sites', () => {
  it('gives directions to the site as latitude,longitude, with nothing of the officer’s position', () => {
    expect(directionsUrl(site('a', 13.0106, 55.5907))).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=55.5907,13.0106',
    );
  });

  it('measures great-circle distances', () => {
    expect(distanceMeters(CENTRAL, MOLLAN)).toBeGreaterThan(1990);
    expect(distanceMeters(CENTRAL, MOLLAN)).toBeLessThan(2060);
    expect(distanceMeters(CENTRAL, CENTRAL)).toBe(0);
  });

  it('tells open and closed from the opening schedule, in Stockholm time', () => {
    const properties = site('a', 13, 55.6, { openingSchedule: WEEKDAYS_9_TO_17 }).properties;
    // Tuesday 10 March 2026, 10:00 in Stockholm (UTC+1).
    expect(openingAt(properties, new Date('2026-03-10T09:00:00Z'))).toEqual({
      kind: 'open',
      until: '2026-03-10T17:00:00.000+01:00',
    });
    // Saturday 14 March 2026, 12:00.
    expect(openingAt(properties, new Date('2026-03-14T11:00:00Z'))).toEqual({
      kind: 'closed',
      opensAt: '2026-03-16T09:00:00.000+01:00',
    });
  });

  it('claims nothing without a schedule, and gives the words the site wrote', () => {
    const properties = site('a', 13, 55.6, { openingHours: 'Mån–fre 09–17' }).properties;
    expect(openingAt(properties, new Date('2026-03-14T11:00:00Z'))).toEqual({
      kind: 'unknown',
      text: 'Mån–fre 09–17',
    });
  });

  it('falls back to the words when the schedule cannot be read', () => {
    const properties = site('a', 13, 55.6, {
      openingHours: 'Dagtid',
      openingSchedule: { ...WEEKDAYS_9_TO_17, timezone: 'Mars/Olympus' },
    }).properties;
    expect(openingAt(properties, new Date('2026-03-10T09:00:00Z'))).toEqual({
      kind: 'unknown',
      text: 'Dagtid',
    });
  });

  it('lists the nearest first, at most `limit`', () => {
    const sites = [site('far', 13.0103, 55.5917), site('near', 13.001, 55.6095), site('farther', 13.1, 55.7)];
    const nearest = nearestSites(sites, CENTRAL, new Date('2026-03-10T09:00:00Z'), 2);
    expect(nearest.map((entry) => entry.site.properties.id)).toEqual(['near', 'far']);
    expect(nearest[0].distanceMeters).toBeLessThan(50);
  });
});
