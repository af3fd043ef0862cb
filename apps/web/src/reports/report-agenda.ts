import { MEETING_LIMITS, type AgendaItem, type Meeting } from '@samverkan/contracts';

// Putting a field report on a meeting's agenda from its card: which meetings to offer, whether the report is on
// one already, and the agenda item's title. No DOM, so the unit tests run it as it is.

/** A meeting that began up to a day ago is still offered: its minutes are often written the day after. */
export const UPCOMING_GRACE_MS = 86_400_000;

/** The earliest start a meeting may have and still be offered. */
export function upcomingSince(now: Date): Date {
  return new Date(now.getTime() - UPCOMING_GRACE_MS);
}

/** The meetings to offer, soonest first: those that have not begun, or began less than a day ago. */
export function upcomingMeetings(meetings: readonly Meeting[], now: Date): Meeting[] {
  const since = upcomingSince(now).getTime();
  return meetings
    .filter((meeting) => Date.parse(meeting.startsAt) >= since)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** The first of the meetings (soonest first) with the report on its agenda, and that agenda item. */
export function agendaWithReport(
  meetings: readonly Meeting[],
  reportId: string,
): { meeting: Meeting; item: AgendaItem } | null {
  for (const meeting of meetings) {
    const item = meeting.agenda.find((candidate) => candidate.reportId === reportId);
    if (item) return { meeting, item };
  }
  return null;
}

/** A title within the api's limit (counted in code points): a long place name is cut, with an ellipsis. */
export function agendaItemTitle(title: string): string {
  const points = [...title];
  return points.length <= MEETING_LIMITS.maxTitle
    ? title
    : `${points.slice(0, MEETING_LIMITS.maxTitle - 1).join('')}…`;
}
