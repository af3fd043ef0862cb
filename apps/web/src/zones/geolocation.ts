// Beside the zone check: it turns the browser's position into the check's GeoPosition and LocateError, and
// the naloxone sites nearby use the same one fresh position.
import { LocateError, type GeoPosition } from './zone-check.store';

/** One fresh position from the browser, in the shape the check needs. */
export function locateWithBrowser(
  geolocation: Geolocation | undefined = navigator.geolocation,
): Promise<GeoPosition> {
  if (!geolocation) return Promise.reject(new LocateError('unsupported'));
  return new Promise((resolve, reject) => {
    geolocation.getCurrentPosition(
      ({ coords }) => resolve({ lat: coords.latitude, lng: coords.longitude, accuracy: coords.accuracy }),
      (error) => {
        const reason =
          error.code === error.PERMISSION_DENIED
            ? 'denied'
            : error.code === error.TIMEOUT
              ? 'timeout'
              : 'unavailable';
        reject(new LocateError(reason));
      },
      // A position up to 15 s old is still where the officer stands.
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 15_000 },
    );
  });
}
