import type { Meeting } from '@samverkan/contracts';
import { meetingRanges, splitMeetings } from './meeting-lists';

const meeting = (id: string, startsAt: string) => ({ id, startsAt }) as Meeting;

describe('splitMeetings', () => {
  it('puts the meetings ahead soonest first, and keeps one that began an hour ago among them', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const { upcoming, earlier } = splitMeetings(
      [
        meeting('next-month', '2026-12-20T08:00:00Z'),
        meeting('running', '2026-11-26T09:00:00Z'),
        meeting('last-week', '2026-11-19T08:00:00Z'),
        meeting('last-month', '2026-10-22T08:00:00Z'),
        meeting('next-week', '2026-12-03T08:00:00Z'),
      ],
      now,
    );
    expect(upcoming.map((entry) => entry.id)).toEqual(['running', 'next-week', 'next-month']);
    expect(earlier.map((entry) => entry.id)).toEqual(['last-week', 'last-month']);
  });
});

describe('meetingRanges', () => {
  it('asks for the meetings ahead (a running one included) and those of the past year, without overlap', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const { ahead, earlier } = meetingRanges(now);
    expect(ahead.from.toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(earlier.to).toEqual(ahead.from);
    expect(earlier.from.toISOString()).toBe('2025-11-26T10:00:00.000Z');
  });
});
