import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ActionItem, ActionListItem } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { checkVersion } from '../common/version-check';
import { ActionListQueryDto, CreateActionDto, UpdateActionDto } from './dto/meetings.dto';
import { ActionItemEntity } from './entities/action-item.entity';
import { organiseProblem, ownerProblem, seesEveryMeeting } from '@samverkan/contracts';
import { toActionDto, toActionListItemDto } from './meetings.mapper';
import { PeopleService } from '../people/people.service';
import { ActionValues, ActionsRepository } from './actions.repository';
import { AgendaRepository } from './agenda.repository';
import { KnownMeeting, MeetingsService, requireOrganiser } from './meetings.service';

const ACTION_FIELDS = ['title', 'ownerId', 'dueDate', 'status', 'agendaItemId'] as const;

/**
 * Action items agreed in a meeting: an owner, a due date, open or done. Organisers record and change them; the
 * owner marks their own action done (or open again).
 */
@Injectable()
export class ActionsService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly repository: ActionsRepository,
    private readonly agenda: AgendaRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  async add(meetingId: string, input: CreateActionDto, user: AuthUser): Promise<ActionItem> {
    return this.meetings.change(user, meetingId, async (manager, meeting) => {
      requireOrganiser(user, meeting.organisationIds);
      const values: ActionValues = {
        title: input.title,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        status: input.status ?? 'open',
        agendaItemId: input.agendaItemId ?? null,
      };
      await this.check(manager, meeting, values, { owner: true, agendaItem: values.agendaItemId !== null });
      const action = await this.repository.insertAction(manager, meetingId, values, user.id);
      const dto = toActionDto(action, this.meetings.today());
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'action-add',
        entity: 'meeting',
        entityId: meetingId,
        after: this.audited(action),
      });
      return dto;
    });
  }

  async update(
    meetingId: string,
    actionId: string,
    input: UpdateActionDto,
    user: AuthUser,
  ): Promise<ActionItem> {
    if (!ACTION_FIELDS.some((field) => input[field] !== undefined)) {
      throw badRequest('body', `give at least one of ${ACTION_FIELDS.join(', ')}`, 'nothing_to_change');
    }
    return this.meetings.change(user, meetingId, async (manager, meeting) => {
      const current = await this.requireAction(manager, meetingId, actionId);
      const organiser = organiseProblem(user, meeting.organisationIds) === null;
      const onlyStatus = ACTION_FIELDS.every((field) => field === 'status' || input[field] === undefined);
      if (!organiser && !(onlyStatus && current.ownerId === user.id)) {
        throw new ForbiddenException(
          'Only organisers change an action; its owner may mark it done or open again',
        );
      }
      checkVersion('action', current.version, input.version);
      const values: ActionValues = {
        title: input.title ?? current.title,
        ownerId: input.ownerId ?? current.ownerId,
        dueDate: input.dueDate ?? current.dueDate,
        status: input.status ?? current.status,
        agendaItemId: input.agendaItemId === undefined ? current.agendaItemId : input.agendaItemId,
      };
      if (
        (Object.keys(values) as (keyof ActionValues)[]).every((field) => values[field] === current[field])
      ) {
        return toActionDto(current, this.meetings.today());
      }
      await this.check(manager, meeting, values, {
        owner: values.ownerId !== current.ownerId,
        agendaItem: values.agendaItemId !== null && values.agendaItemId !== current.agendaItemId,
      });
      const updated = await this.repository.updateAction(manager, actionId, values);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'action-update',
        entity: 'meeting',
        entityId: meetingId,
        before: this.audited(current),
        after: this.audited(updated),
      });
      return toActionDto(updated, this.meetings.today());
    });
  }

  async remove(meetingId: string, actionId: string, user: AuthUser): Promise<void> {
    await this.meetings.change(user, meetingId, async (manager, meeting) => {
      const current = await this.requireAction(manager, meetingId, actionId);
      requireOrganiser(user, meeting.organisationIds);
      await this.repository.deleteAction(manager, actionId);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'action-delete',
        entity: 'meeting',
        entityId: meetingId,
        before: this.audited(current),
      });
    });
  }

  /**
   * `owner=me` (default) lists the caller's actions; another user's are for coordinators and admins. Open ones
   * first, by due date, each with its meeting's title and time and whether it is overdue.
   */
  async list(query: ActionListQueryDto, user: AuthUser): Promise<ActionListItem[]> {
    const ownerId = query.owner === undefined || query.owner === 'me' ? user.id : query.owner;
    if (ownerId !== user.id && !seesEveryMeeting(user)) {
      throw new ForbiddenException("Only coordinators and admins read other people's actions; use owner=me");
    }
    const rows = await this.repository.actionsOwnedBy(ownerId, {
      status: query.status,
      meetingId: query.meetingId,
    });
    const today = this.meetings.today();
    return rows.map((row) => toActionListItemDto(row, today));
  }

  private async requireAction(
    manager: EntityManager,
    meetingId: string,
    actionId: string,
  ): Promise<ActionItemEntity> {
    const action = await this.repository.findAction(manager, meetingId, actionId);
    if (!action) throw new NotFoundException(`No action with id ${actionId} in this meeting`);
    return action;
  }

  private async check(
    manager: EntityManager,
    meeting: KnownMeeting,
    values: ActionValues,
    what: { owner: boolean; agendaItem: boolean },
  ): Promise<void> {
    if (what.owner) {
      const [owner] = await this.people.usersByIds([values.ownerId], manager);
      if (!owner) throw badRequest('ownerId', 'names no user', 'unknown_reference');
      const problem = ownerProblem(owner, meeting.organisationIds);
      if (problem) throw badRequest('ownerId', problem);
    }
    if (
      what.agendaItem &&
      values.agendaItemId !== null &&
      !(await this.agenda.findAgendaItem(manager, meeting.id, values.agendaItemId))
    ) {
      throw badRequest('agendaItemId', 'names no agenda item of this meeting', 'unknown_reference');
    }
  }

  private audited(action: ActionItemEntity) {
    const { id, title, ownerId, dueDate, status, agendaItemId, version } = action;
    return { actionId: id, title, ownerId, dueDate, status, agendaItemId, version };
  }
}
