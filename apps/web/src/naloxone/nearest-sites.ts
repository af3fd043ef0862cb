import type { SiteFeature, SiteProperties } from '@samverkan/contracts';
import { evaluateZoneTime } from '@samverkan/geo';
import type { OpenState } from '../sites/site-opening-text';
import { distanceMeters, type LngLat } from '../zones/geo-math';

// "Where do I get naloxone?": the naloxone sites nearest to the officer, worked out on the phone from the
// list of sites, so the position is never sent anywhere.

/**
 * The site's fields this needs. `openingSchedule` may be missing in a list saved before sites had one.
 * The api's own `openNow` is not used: it was true when the list was fetched, and the list is kept offline.
 */
export type NaloxoneSiteProperties = Pick<SiteProperties, 'openingHours'> &
  Partial<Pick<SiteProperties, 'openingSchedule'>>;

export type Opening =
  | OpenState
  /** No schedule: only the site's own words (maybe none), and no claim about now. */
  | { kind: 'unknown'; text: string | null };

/** Whether the site is open at `at`, from its schedule; without one, nothing is claimed. */
export function openingAt(properties: NaloxoneSiteProperties, at: Date): Opening {
  const schedule = properties.openingSchedule;
  if (!schedule) return { kind: 'unknown', text: properties.openingHours };
  try {
    const state = evaluateZoneTime({ schedule, validFrom: null, validUntil: null }, at);
    return state.inForce
      ? { kind: 'open', until: state.until }
      : { kind: 'closed', opensAt: state.nextInForceAt };
  } catch {
    // A schedule the phone cannot read (an unknown time zone): fall back to the words.
    return { kind: 'unknown', text: properties.openingHours };
  }
}

/**
 * Directions to a site in the phone's map app. A Google Maps directions URL rather than `geo:` (Android only,
 * and it shows a pin rather than a route) or an Apple Maps link (a web page on Android): Android opens it in
 * Google Maps, an iPhone in the Google Maps app when installed and otherwise in Safari, and a desktop in the
 * browser. Only the site's public position goes in it: the map app takes the officer's own position itself.
 */
export function directionsUrl(site: Pick<SiteFeature, 'geometry'>): string {
  const [lng, lat] = site.geometry.coordinates;
  return `https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`;
}

export interface NearbySite {
  site: SiteFeature;
  distanceMeters: number;
  opening: Opening;
}

/** The `limit` nearest sites, nearest first; open ones win a tie. */
export function nearestSites(
  sites: readonly SiteFeature[],
  position: LngLat,
  at: Date,
  limit = 5,
): NearbySite[] {
  return sites
    .map((site) => {
      const [lng, lat] = site.geometry.coordinates;
      return {
        site,
        distanceMeters: distanceMeters(position, { lat, lng }),
        opening: openingAt(site.properties, at),
      };
    })
    .sort(
      (a, b) =>
        a.distanceMeters - b.distanceMeters ||
        Number(b.opening.kind === 'open') - Number(a.opening.kind === 'open'),
    )
    .slice(0, limit);
}
