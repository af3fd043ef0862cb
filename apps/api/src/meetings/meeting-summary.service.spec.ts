import type { MeetingSummary } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import { strictFake } from '../common/spec-helpers';
import type { ReportsService } from '../reports/reports.service';
import type { ZonesService } from '../zones/zones.service';
import type { ActionsRepository } from './actions.repository';
import type { MeetingEntity } from './entities/meeting.entity';
import type { AlertStatistics, Period } from './alert-statistics';
import { MeetingSummaryService } from './meeting-summary.service';
import type { MeetingsRepository } from './meetings.repository';
import type { KnownMeeting, MeetingsService } from './meetings.service';

// "Since last meeting" asks the zones service for the zone counts and its own actions repository for the action
// counts, over one period; the SQL of each is covered end to end.

const ORGS = ['org-police', 'org-service'];
const STARTS = new Date('2026-12-10T13:00:00Z');
const PREVIOUS = new Date('2026-11-12T13:00:00Z');
const ZONES: MeetingSummary['zones'] = { proposed: 2, agreed: 1, suspended: 0, withdrawn: 1 };
const ACTIONS: MeetingSummary['actions'] = { open: 3, overdue: 1, doneInPeriod: 2 };

function world(previous: boolean) {
  const asked: { what: string; organisationIds?: string[]; period: Period }[] = [];
  const meetings = strictFake<MeetingsService>('MeetingsService', {
    requireVisible: async () =>
      ({ id: 'meeting-2', seriesKey: 'series:a', startsAt: STARTS, organisationIds: ORGS }) as unknown as KnownMeeting,
    today: () => '2026-12-15',
  });
  const repository = strictFake<MeetingsRepository>('MeetingsRepository', {
    manager: {},
    previousInSeries: async () => (previous ? ({ id: 'meeting-1', startsAt: PREVIOUS } as MeetingEntity) : null),
    organisationIdsOf: async () => new Map([['meeting-1', ORGS]]),
  });
  const counts = strictFake<AlertStatistics>('AlertStatistics', {
    alertCounts: async () => ({ total: 0, acknowledged: 0, unacknowledged: 0, medianAckSeconds: null, maxAckSeconds: null }),
  });
  const zones = strictFake<ZonesService>('ZonesService', {
    statusChangeCounts: async (organisationIds: string[], period: Period) => {
      asked.push({ what: 'zones', organisationIds, period });
      return ZONES;
    },
    reviewDueCount: async () => 3,
  });
  const actions = strictFake<ActionsRepository>('ActionsRepository', {
    actionCounts: async (_seriesKey: string, _upTo: Date, _today: string, period: Period) => {
      asked.push({ what: 'actions', period });
      return ACTIONS;
    },
  });
  const reports = strictFake<ReportsService>('ReportsService', { countByWeekAndCategory: async () => [] });
  const clock = strictFake<Clock>('Clock', { now: () => new Date('2026-12-15T10:00:00Z') });
  const summaries = new MeetingSummaryService(meetings, repository, counts, reports, clock, zones, actions);
  return { summaries, asked };
}

describe('MeetingSummaryService', () => {
  const user = { id: 'coordinator', role: 'coordinator', organisationId: 'org-coordination' } as AuthUser;

  it('counts zones through the zones service and actions through the actions repository, from the previous meeting', async () => {
    const { summaries, asked } = world(true);
    const summary = await summaries.summary('meeting-2', user);
    const period = { since: PREVIOUS, until: STARTS };
    expect(asked).toEqual([
      { what: 'zones', organisationIds: ORGS, period },
      { what: 'actions', period },
    ]);
    expect(summary).toMatchObject({ zones: ZONES, zonesDueForReview: 3, actions: ACTIONS, basis: 'previous_meeting', previousMeetingId: 'meeting-1' });
  });

  it('without a previous meeting, asks for the fallback period before the meeting', async () => {
    const { summaries, asked } = world(false);
    const summary = await summaries.summary('meeting-2', user);
    expect(summary.basis).toBe('fallback');
    expect(asked[0].period.until).toEqual(STARTS);
    expect(asked[0].period.since.getTime()).toBeLessThan(STARTS.getTime());
  });
});
