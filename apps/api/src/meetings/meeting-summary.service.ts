import { Injectable } from '@nestjs/common';
import { MEETING_LIMITS } from '@samverkan/contracts';
import type { MeetingSummary } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { countsByCategory, countsByWeek } from '../reports/report-weeks';
import { ReportsService } from '../reports/reports.service';
import { canSeeMeeting } from '@samverkan/contracts';
import { AlertStatistics, Period } from './alert-statistics';
import { ZonesService } from '../zones/zones.service';
import { ActionsRepository } from './actions.repository';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

const DAY_MS = 86_400_000;

/**
 * "Since last meeting": counts for the meeting's organisations from the previous meeting of the same series (or
 * the 30 days before) up to this meeting's start, or up to now while it lies ahead.
 */
@Injectable()
export class MeetingSummaryService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly repository: MeetingsRepository,
    private readonly alerts: AlertStatistics,
    private readonly reports: ReportsService,
    private readonly clock: Clock,
    private readonly zones: ZonesService,
    private readonly actions: ActionsRepository,
  ) {}

  async summary(meetingId: string, user: AuthUser): Promise<MeetingSummary> {
    const meeting = await this.meetings.requireVisible(user, meetingId);
    const now = this.clock.now();
    const until = new Date(Math.min(now.getTime(), meeting.startsAt.getTime()));
    const previous = await this.repository.previousInSeries(meeting.seriesKey, meeting.startsAt, meeting.id);
    // A previous meeting still ahead (both lie in the future) leaves nothing to count yet.
    const since = previous
      ? new Date(Math.min(previous.startsAt.getTime(), until.getTime()))
      : new Date(until.getTime() - MEETING_LIMITS.summaryFallbackDays * DAY_MS);
    const period: Period = { since, until };
    const organisationIds = meeting.organisationIds;

    const zones = await this.zones.statusChangeCounts(organisationIds, period);
    const zonesDueForReview = await this.zones.reviewDueCount(organisationIds);
    const alerts = await this.alerts.alertCounts(organisationIds, period);
    const actions = await this.actions.actionCounts(
      meeting.seriesKey,
      meeting.startsAt,
      this.meetings.today(),
      period,
    );
    const reportRows = await this.reports.countByWeekAndCategory(organisationIds, period);
    const byCategory = countsByCategory(reportRows);

    let previousMeetingId: string | null = null;
    if (previous) {
      const previousOrganisations = (
        await this.repository.organisationIdsOf(this.repository.manager, [previous.id])
      ).get(previous.id)!;
      if (canSeeMeeting(user, previousOrganisations)) previousMeetingId = previous.id;
    }
    return {
      meetingId,
      since: since.toISOString(),
      until: until.toISOString(),
      basis: previous ? 'previous_meeting' : 'fallback',
      previousMeetingId,
      zones,
      zonesDueForReview,
      alerts,
      actions,
      reports: {
        total: Object.values(byCategory).reduce((sum, count) => sum + count, 0),
        byCategory,
        byWeek: countsByWeek(period, reportRows),
      },
    };
  }
}
