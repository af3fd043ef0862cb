import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MEETING_LIMITS } from '@samverkan/contracts';
import type { AgendaItem, FieldReport } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { ReportsService } from '../reports/reports.service';
import { SitesService } from '../sites/sites.service';
import { ZonesService } from '../zones/zones.service';
import { AgendaItemConflictException } from './agenda-item-conflict.filter';
import { CreateAgendaItemDto, UpdateAgendaItemDto } from './dto/meetings.dto';
import { AgendaItemEntity } from './entities/agenda-item.entity';
import { organiseProblem } from '@samverkan/contracts';
import { toAgendaItemDto } from './meetings.mapper';
import { AgendaItemValues, AgendaRepository } from './agenda.repository';
import { DecisionsRepository } from './decisions.repository';
import { KnownMeeting, MeetingsService, requireOrganiser } from './meetings.service';

type Links = Pick<AgendaItemValues, 'siteId' | 'zoneId' | 'reportId'>;
type LinkInput = Partial<Record<keyof Links, string | null>>;

const LINK_FIELDS = ['siteId', 'zoneId', 'reportId'] as const;
const ORGANISER_FIELDS = ['title', ...LINK_FIELDS, 'position'] as const;

/** The changed fields of an item, for the audit log. */
function changedFields(
  before: AgendaItemEntity,
  after: AgendaItemEntity,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const fields = ['title', 'siteId', 'zoneId', 'reportId', 'minutes', 'position', 'version'] as const;
  const changed = fields.filter((field) => before[field] !== after[field]);
  return {
    before: Object.fromEntries([['itemId', before.id], ...changed.map((field) => [field, before[field]])]),
    after: Object.fromEntries([['itemId', after.id], ...changed.map((field) => [field, after[field]])]),
  };
}

/**
 * The agenda: items in order (1, 2, 3 … without gaps), each optionally about a site, zone or field report, with
 * minutes. Anyone who sees the meeting adds items and writes minutes; organisers order, retitle, relink and delete.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly repository: AgendaRepository,
    private readonly decisions: DecisionsRepository,
    private readonly reports: ReportsService,
    private readonly sites: SitesService,
    private readonly zones: ZonesService,
    private readonly audit: AuditService,
  ) {}

  async add(meetingId: string, input: CreateAgendaItemDto, user: AuthUser): Promise<AgendaItem> {
    // Before the transaction: the reports service reads on its own connection (one connection in embedded mode).
    const report = await this.visibleReport(input.reportId ?? null, user);
    return this.meetings.change(user, meetingId, async (manager, meeting) => {
      if (report) await this.checkAllMaySee(manager, report.id, meeting.organisationIds);
      const count = await this.repository.countAgenda(manager, meetingId);
      if (count >= MEETING_LIMITS.maxAgendaItems) {
        throw new ConflictException(
          `The agenda is full: a meeting has at most ${MEETING_LIMITS.maxAgendaItems} items`,
        );
      }
      const position = input.position ?? count + 1;
      if (position > count + 1) throw badRequest('position', `must be between 1 and ${count + 1}`, 'out_of_range');
      const links = await this.resolveLinks(
        manager,
        { siteId: null, zoneId: null, reportId: null },
        input,
        report,
      );
      const item = await this.repository.insertAgendaItem(
        manager,
        meetingId,
        position,
        { title: input.title, minutes: input.minutes ?? '', ...links },
        user.id,
      );
      const dto = toAgendaItemDto(item);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'agenda-add',
        entity: 'meeting',
        entityId: meetingId,
        after: { itemId: item.id, ...dto },
      });
      return dto;
    });
  }

  async update(
    meetingId: string,
    itemId: string,
    input: UpdateAgendaItemDto,
    user: AuthUser,
  ): Promise<AgendaItem> {
    if (![...ORGANISER_FIELDS, 'minutes' as const].some((field) => input[field] !== undefined)) {
      throw badRequest(
        'body',
        `give at least one of title, siteId, zoneId, reportId, minutes, position besides version`,
        'nothing_to_change',
      );
    }
    const report = await this.visibleReport(input.reportId ?? null, user);
    return this.meetings.change(user, meetingId, async (manager, meeting) => {
      const current = await this.requireItem(manager, meetingId, itemId);
      this.checkMayChange(user, meeting, input);
      if (input.version !== current.version)
        throw new AgendaItemConflictException(toAgendaItemDto(current), input.version);
      if (report && report.id !== current.reportId)
        await this.checkAllMaySee(manager, report.id, meeting.organisationIds);

      let item = current;
      if (input.position !== undefined && input.position !== current.position) {
        const count = await this.repository.countAgenda(manager, meetingId);
        if (input.position > count) throw badRequest('position', `must be between 1 and ${count}`, 'out_of_range');
        await this.repository.moveAgendaItem(manager, meetingId, itemId, current.position, input.position);
        item = { ...item, position: input.position };
      }
      const links = LINK_FIELDS.some((field) => input[field] !== undefined)
        ? await this.resolveLinks(manager, current, input, report)
        : { siteId: current.siteId, zoneId: current.zoneId, reportId: current.reportId };
      const values: AgendaItemValues = {
        title: input.title ?? current.title,
        minutes: input.minutes ?? current.minutes,
        ...links,
      };
      const contentChanged = (Object.keys(values) as (keyof AgendaItemValues)[]).some(
        (field) => values[field] !== current[field],
      );
      // Saving the same text again is no change: it must not turn someone else's next save into a conflict.
      if (contentChanged) item = await this.repository.updateAgendaItem(manager, itemId, values, user.id);
      if (item === current) return toAgendaItemDto(current);
      const { before, after } = changedFields(current, item);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'agenda-update',
        entity: 'meeting',
        entityId: meetingId,
        before,
        after,
      });
      return toAgendaItemDto(item);
    });
  }

  async remove(meetingId: string, itemId: string, user: AuthUser): Promise<void> {
    await this.meetings.change(user, meetingId, async (manager, meeting) => {
      const item = await this.requireItem(manager, meetingId, itemId);
      requireOrganiser(user, meeting.organisationIds);
      if ((await this.decisions.countDecisionsOfItem(manager, itemId)) > 0) {
        throw new ConflictException('Decisions were recorded under this item: move or delete them first');
      }
      await this.repository.deleteAgendaItem(manager, meetingId, item);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'agenda-delete',
        entity: 'meeting',
        entityId: meetingId,
        before: { itemId, ...toAgendaItemDto(item) },
      });
    });
  }

  private async requireItem(
    manager: EntityManager,
    meetingId: string,
    itemId: string,
  ): Promise<AgendaItemEntity> {
    const item = await this.repository.findAgendaItem(manager, meetingId, itemId, { lock: true });
    if (!item) throw new NotFoundException(`No agenda item with id ${itemId} in this meeting`);
    return item;
  }

  /** Minutes are everyone's to write; the rest of an item is the organisers'. */
  private checkMayChange(user: AuthUser, meeting: KnownMeeting, input: UpdateAgendaItemDto): void {
    if (!ORGANISER_FIELDS.some((field) => input[field] !== undefined)) return;
    const denied = organiseProblem(user, meeting.organisationIds);
    if (denied) throw new ForbiddenException(`${denied}; anyone taking part may write the minutes`);
  }

  /**
   * A linked report shows in the agenda and minutes to every organisation taking part (and the export marks it
   * discussed): linking it must not show it to an organisation that may not see it.
   */
  private async checkAllMaySee(
    manager: EntityManager,
    reportId: string,
    organisationIds: string[],
  ): Promise<void> {
    const hidden = await this.reports.organisationsNotSeeing(manager, reportId, organisationIds);
    if (hidden.length) {
      throw badRequest(
        'reportId',
        `names a report that not every organisation taking part may see (${hidden.join(', ')}): link it in a meeting of those who may`,
      );
    }
  }

  private async visibleReport(reportId: string | null, user: AuthUser): Promise<FieldReport | null> {
    if (reportId === null) return null;
    return this.reports.get(reportId, user).catch((error: unknown) => {
      if (error instanceof NotFoundException) throw badRequest('reportId', 'names no report you can see', 'unknown_reference');
      throw error;
    });
  }

  /**
   * The item's links after a change. A newly linked report places the item at the report's site and zone unless
   * the request places it itself; a zone brings its site (a siteId given with it must be that site).
   */
  private async resolveLinks(
    manager: EntityManager,
    current: Links,
    input: LinkInput,
    report: FieldReport | null,
  ): Promise<Links> {
    const reportId = input.reportId === undefined ? current.reportId : input.reportId;
    if (report !== null && input.siteId === undefined && input.zoneId === undefined) {
      return { siteId: report.siteId, zoneId: report.zoneId, reportId };
    }
    const siteId = input.siteId === undefined ? current.siteId : input.siteId;
    const zoneId = input.zoneId === undefined ? current.zoneId : input.zoneId;
    if (input.siteId === undefined && (input.zoneId === undefined || input.zoneId === null))
      return { siteId, zoneId, reportId };
    if (zoneId !== null) {
      const zone = await this.zones.liveZone(zoneId, manager);
      if (!zone) throw badRequest('zoneId', 'names no zone (its site may have been deleted)', 'unknown_reference');
      if (input.siteId != null && input.siteId !== zone.siteId)
        throw badRequest('zoneId', 'is a zone around another site than siteId', 'unknown_reference');
      return { siteId: zone.siteId, zoneId, reportId };
    }
    if (siteId !== null && !(await this.sites.liveSiteName(siteId, manager))) {
      throw badRequest('siteId', 'names no site (it may have been deleted)', 'unknown_reference');
    }
    return { siteId, zoneId: null, reportId };
  }
}
