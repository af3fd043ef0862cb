import type { ZoneFeature } from '@samverkan/contracts';

const HOUR_MS = 3_600_000;

/**
 * Until when the listing's time-dependent fields (inForce, until, nextInForceAt), as computed at `at`, stay
 * true: the first instant after `at` at which any zone comes into force, goes out of force or leaves its
 * suspension, and at the latest the next full hour (UTC). The hour bounds what a moving search horizon can
 * change (a start found only once the horizon reaches it) and, being the same for every instance that builds
 * the listing in the same interval, keeps the ETag the same across instances.
 */
export function zoneStatesHoldUntil(features: readonly ZoneFeature[], at: Date): number {
  const now = at.getTime();
  let holds = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS;
  const consider = (instant: string | null | undefined) => {
    if (!instant) return;
    const time = Date.parse(instant);
    if (time > now && time < holds) holds = time;
  };
  for (const { properties } of features) {
    consider(properties.until);
    consider(properties.nextInForceAt);
    consider(properties.suspension?.until);
  }
  return holds;
}
