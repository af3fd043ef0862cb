import type { ZoneCheckResponse, ZoneSummary } from '@samverkan/contracts';

// "The zone you are near comes into force at 18:00": decided on the phone, from the check's answer worked out
// there (SnapshotIndex.check, the same radius as the check), so nothing about the position leaves the phone.

/** How far ahead a start is told: enough to act on, near enough that the officer is likely still around. */
export const ZONE_SOON_LEAD_MS = 60 * 60_000;

/** A zone near the phone that is not in force now and comes into force within the lead time. */
export interface ZoneStartingSoon {
  /** Once per zone and start time: the same start is not told twice. */
  key: string;
  zoneId: string;
  name: string;
  siteName: string;
  /** As `nextInForceAt` writes it (ISO 8601 in the schedule's time zone). */
  startsAt: string;
  /** 0 when the phone stands inside the zone. */
  distanceMeters: number;
  inside: boolean;
}

/** The key of one zone's one start, whatever offset the time is written with. */
export function zoneStartKey(zoneId: string, startsAt: string): string {
  return `${zoneId}@${new Date(startsAt).toISOString()}`;
}

/**
 * The zones of a check's answer (inside and nearby) that are not in force at its time and come into force after
 * it within `leadMs`, and have not been told for that start yet (`told`: keys of `zoneStartKey`), nearest first.
 */
export function zonesStartingSoon(
  answer: ZoneCheckResponse,
  told: ReadonlySet<string>,
  leadMs: number = ZONE_SOON_LEAD_MS,
): ZoneStartingSoon[] {
  const at = Date.parse(answer.at);
  const soon = (summary: ZoneSummary, inside: boolean): ZoneStartingSoon[] => {
    if (summary.inForce || !summary.nextInForceAt) return [];
    const startsAt = Date.parse(summary.nextInForceAt);
    if (!(startsAt > at && startsAt - at <= leadMs)) return [];
    const key = zoneStartKey(summary.zoneId, summary.nextInForceAt);
    if (told.has(key)) return [];
    return [
      {
        key,
        zoneId: summary.zoneId,
        name: summary.name,
        siteName: summary.siteName,
        startsAt: summary.nextInForceAt,
        distanceMeters: inside ? 0 : summary.distanceMeters,
        inside,
      },
    ];
  };
  return [
    ...answer.inside.flatMap((summary) => soon(summary, true)),
    ...answer.nearby.flatMap((summary) => soon(summary, false)),
  ];
}

/** The told keys still worth keeping at `at`: a start that has passed cannot come again. */
export function keysStillAhead(told: Iterable<string>, at: Date): string[] {
  return [...told].filter((key) => Date.parse(key.slice(key.lastIndexOf('@') + 1)) > at.getTime());
}
