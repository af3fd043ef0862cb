import { DateTime, IANAZone } from 'luxon';

// Wall-clock times are handled as "naive" epoch milliseconds: the UTC instant whose UTC fields
// equal the local date and time. Date arithmetic on them is plain arithmetic (every day is 24 h);
// only the conversion to a real instant needs the zone's offsets.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const SECOND_MS = 1000;

/** The zone for an IANA name; throws for an unknown name (schedules are validated before they are stored). */
export function zoneNamed(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${name}`);
  return zone;
}

// Luxon computes an offset through Intl (some microseconds each), and evaluating thousands of zones
// asks for many. A UTC day whose two ends have the same offset has no change in between (no zone
// changes twice in a day), so most lookups come from a per-zone cache of offsets at UTC midnights.
const offsetsAtUtcMidnight = new Map<string, Map<number, number>>();

/** The zone's offset from UTC in minutes at `instant`. */
export function offsetAt(instant: number, zone: IANAZone): number {
  const day = Math.floor(instant / DAY_MS);
  const atStart = offsetAtUtcMidnight(day, zone);
  return atStart === offsetAtUtcMidnight(day + 1, zone) ? atStart : zone.offset(instant);
}

function offsetAtUtcMidnight(day: number, zone: IANAZone): number {
  let offsets = offsetsAtUtcMidnight.get(zone.name);
  if (!offsets) offsetsAtUtcMidnight.set(zone.name, (offsets = new Map()));
  let offset = offsets.get(day);
  if (offset === undefined) offsets.set(day, (offset = zone.offset(day * DAY_MS)));
  return offset;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');
/** The instants whose local year has four digits, the only ones `isoInZone` writes itself. */
const FOUR_DIGIT_YEARS = { from: Date.UTC(1000, 0, 2), to: Date.UTC(9999, 11, 30) };

/**
 * `instant` written as Luxon's `toISO()` writes it in `zone` ("2026-03-29T03:00:00.000+02:00"), with the offset
 * from the cache above: Luxon asks Intl for it each time, which was most of the cost of a zone check's times.
 */
export function isoInZone(instant: number, zone: IANAZone): string {
  const offset = offsetAt(instant, zone);
  if (!Number.isInteger(offset) || instant < FOUR_DIGIT_YEARS.from || instant > FOUR_DIGIT_YEARS.to) {
    return DateTime.fromMillis(instant, { zone }).toISO()!;
  }
  const local = new Date(instant + offset * MINUTE_MS).toISOString().slice(0, 23);
  const minutes = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`;
}

/** The wall-clock midnight (naive milliseconds) of the local date on which `instant` falls in `zone`. */
export function localMidnightOf(instant: number, zone: IANAZone): number {
  const wallClock = instant + offsetAt(instant, zone) * MINUTE_MS;
  return Math.floor(wallClock / DAY_MS) * DAY_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall-clock midnight. */
export function isoWeekdayOf(localMidnight: number): number {
  const daysSinceThursday = Math.floor(localMidnight / DAY_MS); // 1 January 1970 was a Thursday (4)
  return ((((daysSinceThursday + 3) % 7) + 7) % 7) + 1;
}

/**
 * The instant at which the clock in `zone` shows `wallClock`.
 * A time skipped by a DST change (02:30 on the last Sunday of March in Europe/Stockholm) moves
 * forward to the first instant after the change (03:00); a time that happens twice (02:30 on the
 * last Sunday of October) takes the first occurrence.
 */
export function wallClockToInstant(wallClock: number, zone: IANAZone): number {
  // The offsets a day either side are every offset this wall-clock time can have (zones change at most once in two days).
  const before = offsetAt(wallClock - DAY_MS, zone);
  const after = offsetAt(wallClock + DAY_MS, zone);
  if (before === after) return wallClock - before * MINUTE_MS;

  const candidates = [before, after].map((offset) => wallClock - offset * MINUTE_MS);
  const matching = candidates.filter((instant) => instant + offsetAt(instant, zone) * MINUTE_MS === wallClock);
  if (matching.length > 0) return Math.min(...matching);
  // In the skipped hour: the change itself lies between the instants the two offsets give.
  return firstInstantWithNewOffset(Math.min(...candidates), Math.max(...candidates), zone);
}

/** Binary search, to the second, for the first instant in (lo, hi] whose offset differs from lo's. */
function firstInstantWithNewOffset(lo: number, hi: number, zone: IANAZone): number {
  const oldOffset = zone.offset(lo);
  while (hi - lo > SECOND_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND_MS) * SECOND_MS;
    if (zone.offset(mid) === oldOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}
