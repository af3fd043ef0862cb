import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { MEETING_LIMITS, REPORTING_TIME_ZONE } from '@samverkan/contracts';
import type { MeetingSummary, ReportCategory } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { zeroCategoryCounts } from '../reports/reports.repository';
import { canSeeMeeting } from '@samverkan/contracts';
import { MeetingSummaryRepository, Period } from './meeting-summary.repository';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

const DAY_MS = 86_400_000;

type WeekCounts = MeetingSummary['reports']['byWeek'][number];

/** Every ISO week (Europe/Stockholm) the period touches, with zero counts: a chart's axis has no holes. */
export function emptyWeeks(period: Period): Map<string, WeekCounts> {
  const weeks = new Map<string, WeekCounts>();
  let week = DateTime.fromJSDate(period.since, { zone: REPORTING_TIME_ZONE }).startOf('week');
  while (week.toMillis() < period.until.getTime()) {
    const key = `${week.weekYear}-W${String(week.weekNumber).padStart(2, '0')}`;
    weeks.set(key, { week: key, count: 0, categories: zeroCategoryCounts() });
    week = week.plus({ weeks: 1 });
  }
  return weeks;
}

/**
 * "Since last meeting": counts for the meeting's organisations from the previous meeting of the same series (or
 * the 30 days before) up to this meeting's start, or up to now while it lies ahead.
 */
@Injectable()
export class MeetingSummaryService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly repository: MeetingsRepository,
    private readonly counts: MeetingSummaryRepository,
    private readonly clock: Clock,
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

    const zones = await this.counts.zoneCounts(organisationIds, period);
    const alerts = await this.counts.alertCounts(organisationIds, period);
    const actions = await this.counts.actionCounts(
      meeting.seriesKey,
      meeting.startsAt,
      this.meetings.today(),
      period,
    );
    const reportRows = await this.counts.reportCounts(organisationIds, period);

    const byCategory: Record<ReportCategory, number> = zeroCategoryCounts();
    const weeks = emptyWeeks(period);
    for (const row of reportRows) {
      byCategory[row.category] += row.count;
      const week = weeks.get(row.week);
      if (!week) continue;
      week.count += row.count;
      week.categories[row.category] += row.count;
    }

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
      alerts,
      actions,
      reports: {
        total: Object.values(byCategory).reduce((sum, count) => sum + count, 0),
        byCategory,
        byWeek: [...weeks.values()],
      },
    };
  }
}
