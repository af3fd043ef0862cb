import type { Meeting } from '@samverkan/contracts';

/** A meeting counts as ahead until a few hours after its start (it is still running). */
const STILL_RUNNING_MS = 4 * 3_600_000;

/** The earlier meetings listed: those of the past year. */
const EARLIER_LISTED_MS = 365 * 86_400_000;

/** The two ranges the meetings page asks for: the meetings ahead, and those of the past year. */
export function meetingRanges(now: Date): { ahead: { from: Date }; earlier: { from: Date; to: Date } } {
  const cutoff = new Date(now.getTime() - STILL_RUNNING_MS);
  return {
    ahead: { from: cutoff },
    earlier: { from: new Date(now.getTime() - EARLIER_LISTED_MS), to: cutoff },
  };
}

/** Meetings ahead, soonest first; earlier ones, latest first. */
export function splitMeetings(
  meetings: readonly Meeting[],
  now: Date,
): { upcoming: Meeting[]; earlier: Meeting[] } {
  const cutoff = now.getTime() - STILL_RUNNING_MS;
  const upcoming = meetings.filter((meeting) => Date.parse(meeting.startsAt) >= cutoff);
  const earlier = meetings.filter((meeting) => Date.parse(meeting.startsAt) < cutoff);
  upcoming.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  earlier.sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return { upcoming, earlier };
}
