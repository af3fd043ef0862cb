import { MEETING_LIMITS } from '@samverkan/contracts';
import { meetingAt } from './fake-meetings';
import { agendaItemTitle, agendaWithReport, upcomingMeetings } from './report-agenda';

const NOW = new Date('2026-12-02T12:00:00Z');

describe('the meetings a report can be put on', () => {
  it('are those not begun or begun less than a day ago, soonest first', () => {
    const meetings = [
      meetingAt('next-week', '2026-12-09T08:00:00Z'),
      meetingAt('last-month', '2026-11-04T08:00:00Z'),
      meetingAt('yesterday-afternoon', '2026-12-01T13:00:00Z'),
      meetingAt('yesterday-morning', '2026-12-01T08:00:00Z'),
      meetingAt('tomorrow', '2026-12-03T08:00:00Z'),
    ];
    expect(upcomingMeetings(meetings, NOW).map((meeting) => meeting.id)).toEqual([
      'yesterday-afternoon',
      'tomorrow',
      'next-week',
    ]);
    expect(upcomingMeetings([meetingAt('a-day-ago', '2026-12-01T12:00:00Z')], NOW)).toHaveLength(1);
    expect(upcomingMeetings([], NOW)).toEqual([]);
  });

  it('tell which meeting has the report on its agenda already, the soonest first', () => {
    const meetings = [
      meetingAt('one', '2026-12-03T08:00:00Z', [{ reportId: 'other' }]),
      meetingAt('two', '2026-12-09T08:00:00Z', [{}, { reportId: 'r1' }]),
      meetingAt('three', '2026-12-16T08:00:00Z', [{ reportId: 'r1' }]),
    ];
    expect(agendaWithReport(meetings, 'r1')).toMatchObject({
      meeting: { id: 'two' },
      item: { id: 'two-item-2' },
    });
    expect(agendaWithReport(meetings, 'r2')).toBeNull();
  });
});

describe('the agenda item title', () => {
  it('is kept as it is within the limit', () => {
    const title = 'Fältrapport: Ingripande nära verksamhet – Demo – Sprututbytet Södervärn (fiktivt)';
    expect(agendaItemTitle(title)).toBe(title);
  });

  it('is cut to the limit in code points, with an ellipsis', () => {
    const title = `Fältrapport: Annat – ${'🏥'.repeat(300)}`;
    const cut = agendaItemTitle(title);
    expect([...cut]).toHaveLength(MEETING_LIMITS.maxTitle);
    expect(cut.endsWith('🏥…')).toBe(true);
  });
});
