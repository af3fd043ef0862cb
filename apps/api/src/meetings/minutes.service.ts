import { Injectable } from '@nestjs/common';
import type { Meeting, MinutesFormat, MinutesLanguage } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { localToday } from '../common/calendar-dates';
import { Clock } from '../common/clock';
import { PeopleService } from '../people/people.service';
import { ReportsService } from '../reports/reports.service';
import { SitesService } from '../sites/sites.service';
import { ZonesService } from '../zones/zones.service';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { MinutesDocument, renderMinutesHtml, renderMinutesMarkdown } from './minutes-render';

export interface MinutesFile {
  contentType: string;
  filename: string;
  /** `inline` for the printable page (opened in a tab), `attachment` for Markdown. */
  disposition: 'inline' | 'attachment';
  body: string;
}

/**
 * The minutes export. Exporting is when a meeting's linked field reports count as discussed: they are marked in the
 * same transaction as the audit event of the export.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly repository: MeetingsRepository,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly sites: SitesService,
    private readonly zones: ZonesService,
  ) {}

  async export(
    meetingId: string,
    format: MinutesFormat,
    language: MinutesLanguage,
    user: AuthUser,
  ): Promise<MinutesFile> {
    const meeting = await this.meetings.toDto(await this.meetings.requireVisible(user, meetingId));
    const reportIds = [...new Set(meeting.agenda.flatMap((item) => (item.reportId ? [item.reportId] : [])))];
    // No `meeting:updated` after it: a report's status is not part of the meeting, and its revision stays.
    await this.repository.transaction(async (manager) => {
      const changed = await this.reports.markDiscussed(reportIds, user.id, manager);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'minutes-export',
        entity: 'meeting',
        entityId: meetingId,
        after: { format, discussedReportIds: changed.map((report) => report.id) },
      });
    });

    const document = await this.document(meeting);
    const day = localToday(new Date(meeting.startsAt));
    const stem = `${language === 'sv' ? 'protokoll' : 'minutes'}-${day}`;
    return format === 'html'
      ? {
          contentType: 'text/html; charset=utf-8',
          filename: `${stem}.html`,
          disposition: 'inline',
          body: renderMinutesHtml(document, language),
        }
      : {
          contentType: 'text/markdown; charset=utf-8',
          filename: `${stem}.md`,
          disposition: 'attachment',
          body: renderMinutesMarkdown(document, language),
        };
  }

  private async document(meeting: Meeting): Promise<MinutesDocument> {
    const ids = (pick: (item: (typeof meeting.agenda)[number]) => string | null) => [
      ...new Set(meeting.agenda.map(pick).filter((id): id is string => id !== null)),
    ];
    const zoneIds = [
      ...new Set([
        ...ids((item) => item.zoneId),
        ...meeting.decisions.flatMap((decision) => (decision.zoneId ? [decision.zoneId] : [])),
      ]),
    ];
    return {
      meeting,
      organisations: (await this.people.organisationsByIds(meeting.organisationIds)).map(({ id, name, kind }) => ({
        id,
        name,
        kind,
      })),
      people: new Map(
        (await this.people.usersByIds([...new Set(meeting.actions.map((action) => action.ownerId))])).map((person) => [
          person.id,
          person.displayName,
        ]),
      ),
      sites: await this.sites.siteNames(ids((item) => item.siteId)),
      zones: await this.zones.zoneNames(zoneIds),
      reports: await this.reports.reportFacts(ids((item) => item.reportId)),
      exportedAt: this.clock.now(),
    };
  }
}
