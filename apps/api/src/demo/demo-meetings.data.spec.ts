import { DEMO_ACCOUNTS } from './demo-data';
import { DEMO_SITES } from './demo-map.data';
import {
  DEMO_MEETING_ORGANISATIONS,
  DEMO_MEETING_ORGANISER,
  DEMO_MEETINGS,
  demoMeetingTitle,
  nextMeetingStart,
} from './demo-meetings.data';

// The seed goes through the services; a name that matches no demo site would only show as a missing link.
describe('the demo meetings data', () => {
  const siteNames = new Set(DEMO_SITES.map((site) => site.name));
  const zoneNames = new Set(DEMO_SITES.flatMap((site) => (site.zone ? [site.zone.name] : [])));

  it.each(DEMO_MEETINGS.map((meeting, index) => [index, meeting] as const))(
    'meeting %i links existing demo sites and zones and its own agenda items',
    (_index, meeting) => {
      for (const item of meeting.agenda) {
        if ('site' in item.about) expect(siteNames).toContain(item.about.site);
        else expect(zoneNames).toContain(item.about.zone);
      }
      for (const decision of meeting.decisions) {
        expect(zoneNames).toContain(decision.zone);
        expect(meeting.agenda[decision.agendaItem]).toBeDefined();
      }
      for (const action of meeting.actions) expect(meeting.agenda[action.agendaItem]).toBeDefined();
    },
  );

  it('gives every action to someone who sees the meeting, and is called by the coordinator', () => {
    const accounts = new Map(DEMO_ACCOUNTS.map((account) => [account.email, account]));
    expect(accounts.get(DEMO_MEETING_ORGANISER)?.role).toBe('coordinator');
    for (const action of DEMO_MEETINGS.flatMap((meeting) => meeting.actions)) {
      const owner = accounts.get(action.owner);
      expect(owner).toBeDefined();
      expect(owner!.role === 'coordinator' || DEMO_MEETING_ORGANISATIONS.includes(owner!.organisation)).toBe(
        true,
      );
    }
  });

  it('orders the meetings earliest first, the next one last with open actions, the one before with a done one', () => {
    const weeks = DEMO_MEETINGS.map((meeting) => meeting.weeksBeforeNext);
    expect(weeks).toEqual([...weeks].sort((a, b) => b - a));
    expect(weeks.at(-1)).toBe(0);
    expect(DEMO_MEETINGS[0].actions.map((action) => action.status)).toContain('done');
    expect(DEMO_MEETINGS.at(-1)!.actions.map((action) => action.dueInDays)).toContain(7);
  });

  describe('nextMeetingStart', () => {
    const start = (now: string) => nextMeetingStart(new Date(now)).toISO();

    it('is the same Thursday at 09:00 in Malmö when the morning has not begun', () => {
      expect(start('2026-11-26T00:46:00Z')).toBe('2026-11-26T09:00:00.000+01:00');
    });

    it('is the Thursday after once 09:00 has passed, or from any other day', () => {
      expect(start('2026-11-26T08:00:00Z')).toBe('2026-12-03T09:00:00.000+01:00');
      expect(start('2026-11-27T12:00:00Z')).toBe('2026-12-03T09:00:00.000+01:00');
      expect(start('2026-11-23T07:00:00Z')).toBe('2026-11-26T09:00:00.000+01:00');
    });

    it('keeps 09:00 Malmö time across daylight saving time, four weeks back as well', () => {
      const next = nextMeetingStart(new Date('2026-03-30T10:00:00Z'));
      expect(next.toISO()).toBe('2026-04-02T09:00:00.000+02:00');
      expect(next.minus({ weeks: 4 }).toISO()).toBe('2026-03-05T09:00:00.000+01:00');
    });
  });

  it('names a meeting by its day in Swedish', () => {
    expect(demoMeetingTitle(nextMeetingStart(new Date('2026-11-27T12:00:00Z')))).toBe(
      'Demo – Samverkansmöte Malmö, 3 december',
    );
  });
});
