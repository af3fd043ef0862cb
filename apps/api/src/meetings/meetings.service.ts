import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Meeting } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { parseInstant, parseOptionalInstant } from '../common/instant.validators';
import { localToday } from '../common/calendar-dates';
import { checkVersion } from '../common/version-check';
import { DOMAIN_EVENTS } from '../common/domain-events';
import { Transaction, UnitOfWork } from '../database/transaction-events';
import { PeopleService } from '../people/people.service';
import { ReportsService } from '../reports/reports.service';
import { ActionsRepository } from './actions.repository';
import { AgendaRepository } from './agenda.repository';
import { DecisionsRepository } from './decisions.repository';
import { CreateMeetingDto, MeetingListQueryDto, UpdateMeetingDto } from './dto/meetings.dto';
import { MeetingEntity } from './entities/meeting.entity';
import {
  canSeeMeeting,
  MeetingViewer,
  organiseProblem,
  organisationsProblem,
  removeOrganisationProblem,
  seesEveryMeeting,
} from '@samverkan/contracts';
import { toMeetingDto } from './meetings.mapper';
import { MeetingsPublisher } from './meetings.publisher';
import { MeetingAudience, MeetingsRepository, MeetingValues } from './meetings.repository';

/** A meeting with the organisations taking part: what every permission check needs. */
export type KnownMeeting = MeetingEntity & { organisationIds: string[] };

/** 403 unless the user may organise a meeting of these organisations. */
export function requireOrganiser(user: MeetingViewer, organisationIds: readonly string[]): void {
  const denied = organiseProblem(user, organisationIds);
  if (denied) throw new ForbiddenException(denied);
}

// Meetings before or after these are a typing error.
const STARTS_AT_RANGE = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) };

export function audienceOf(user: MeetingViewer): MeetingAudience {
  return { seesAll: seesEveryMeeting(user), organisationId: user.organisationId };
}

/** What "the same series" compares: the series name, else the set of organisations. */
export function seriesKeyOf(series: string | null, organisationIds: string[]): string {
  return series !== null ? `series:${series}` : `organisations:${[...organisationIds].sort().join(',')}`;
}

function startsAtOf(value: string): Date {
  const startsAt = parseInstant(value)!;
  if (startsAt.getTime() < STARTS_AT_RANGE.from || startsAt.getTime() >= STARTS_AT_RANGE.to) {
    throw badRequest('startsAt', 'must be in the years 2000 to 2099', 'out_of_range');
  }
  return startsAt;
}

/** The fields of a meeting that the audit log records. */
function auditedDetails(meeting: MeetingEntity, organisationIds: string[]) {
  return {
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    place: meeting.place,
    series: meeting.series,
    organisationIds: [...organisationIds].sort(),
    version: meeting.version,
  };
}

/**
 * Meetings: creating, reading and changing them, and the frame every change to a meeting runs in (visibility,
 * one transaction with the meeting row locked, audit, then `meeting:updated` to the meeting's room).
 */
@Injectable()
export class MeetingsService {
  private readonly logger = new Logger('Meetings');

  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
    private readonly publisher: MeetingsPublisher,
    private readonly clock: Clock,
    private readonly reports: ReportsService,
    private readonly agenda: AgendaRepository,
    private readonly decisions: DecisionsRepository,
    private readonly actions: ActionsRepository,
    private readonly people: PeopleService,
  ) {}

  today(): string {
    return localToday(this.clock.now());
  }

  async create(input: CreateMeetingDto, user: AuthUser): Promise<Meeting> {
    const organisationIds = input.organisationIds;
    if (!seesEveryMeeting(user) && !user.canSign) {
      throw new ForbiddenException(
        'Only coordinators, admins and signatories of a participating organisation create meetings',
      );
    }
    const problem = organisationsProblem(user, organisationIds);
    if (problem) throw badRequest('organisationIds', problem);
    const series = input.series ?? null;
    const values: MeetingValues = {
      title: input.title,
      startsAt: startsAtOf(input.startsAt),
      place: input.place ?? null,
      series,
      seriesKey: seriesKeyOf(series, organisationIds),
    };
    // The channel is made in the meeting's transaction: a 201 means the meeting has it.
    const meeting = await this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      await this.checkOrganisationsExist(manager, organisationIds);
      const saved = await this.meetings.insertMeeting(manager, values, user.id);
      await this.meetings.setOrganisations(manager, saved.id, organisationIds);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'create',
        entity: 'meeting',
        entityId: saved.id,
        after: auditedDetails(saved, organisationIds),
      });
      await this.syncChannelIn(transaction, saved, organisationIds);
      return saved;
    });
    return this.loadOne(meeting.id);
  }

  async list(user: AuthUser, query: MeetingListQueryDto): Promise<Meeting[]> {
    const rows = await this.meetings.listVisibleMeetings(audienceOf(user), {
      from: parseOptionalInstant(query.from),
      to: parseOptionalInstant(query.to),
      series: query.series,
      limit: query.limit ?? 200,
    });
    return this.toDtos(this.meetings.manager, rows);
  }

  async get(id: string, user: AuthUser): Promise<Meeting> {
    const meeting = await this.requireVisible(user, id);
    const channelId = meeting.channelId ?? (await this.syncChannel(meeting, meeting.organisationIds));
    return this.toDto({ ...meeting, channelId });
  }

  /** The meeting if the user may see it; 404 otherwise, so a hidden meeting is not told apart from none. */
  async requireVisible(
    user: MeetingViewer,
    id: string,
    manager: EntityManager = this.meetings.manager,
  ): Promise<KnownMeeting> {
    const meeting = await this.meetings.findVisibleMeeting(manager, audienceOf(user), id);
    if (!meeting) throw new NotFoundException(`No meeting with id ${id}`);
    const organisationIds = (await this.meetings.organisationIdsOf(manager, [id])).get(id)!;
    return { ...meeting, organisationIds };
  }

  async update(id: string, input: UpdateMeetingDto, user: AuthUser): Promise<Meeting> {
    const fields = ['title', 'startsAt', 'place', 'organisationIds', 'series'] as const;
    if (!fields.some((field) => input[field] !== undefined)) {
      throw badRequest('body', `give at least one of ${fields.join(', ')}`, 'nothing_to_change');
    }
    const startsAt = input.startsAt === undefined ? undefined : startsAtOf(input.startsAt);
    const { meeting } = await this.changeAndPublish(
      user,
      id,
      async (manager, current, transaction) => {
        requireOrganiser(user, current.organisationIds);
        checkVersion('meeting', current.version, input.version);
        const organisationIds = input.organisationIds ?? current.organisationIds;
        const left = current.organisationIds.filter(
          (organisationId) => !organisationIds.includes(organisationId),
        );
        if (input.organisationIds) {
          for (const organisationId of left) {
            const denied = removeOrganisationProblem(user, current, organisationId);
            if (denied) throw new ForbiddenException(denied);
          }
          // A signatory may take their own organisation out (it leaves the meeting); otherwise it stays in.
          const problem = left.includes(user.organisationId)
            ? null
            : organisationsProblem(user, organisationIds);
          if (problem) throw badRequest('organisationIds', problem);
          await this.checkOrganisationsExist(manager, organisationIds);
          const joined = organisationIds.filter(
            (organisationId) => !current.organisationIds.includes(organisationId),
          );
          await this.checkLinkedReportsVisibleTo(manager, id, joined);
          const owners = left.length ? await this.openActionsOwnedIn(manager, id, left) : 0;
          if (owners > 0) {
            throw new ConflictException(
              `${owners} open action(s) of this meeting are owned by members of an organisation you are taking out: give them to someone else first`,
            );
          }
        }
        const series = input.series === undefined ? current.series : input.series;
        const values: MeetingValues = {
          title: input.title ?? current.title,
          startsAt: startsAt ?? current.startsAt,
          place: input.place === undefined ? current.place : input.place,
          series,
          seriesKey: seriesKeyOf(series, organisationIds),
        };
        // A presenter whose organisation leaves can no longer see the meeting: nobody presents then.
        const presenterId = await this.presenterWhoStillSees(manager, current.presenterId, organisationIds);
        const updated = await this.meetings.updateMeeting(manager, id, values, presenterId);
        if (input.organisationIds) await this.meetings.setOrganisations(manager, id, organisationIds);
        if (input.organisationIds || updated.title !== current.title) {
          await this.syncChannelIn(transaction, updated, organisationIds);
        }
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'update',
          entity: 'meeting',
          entityId: id,
          before: auditedDetails(current, current.organisationIds),
          after: auditedDetails(updated, organisationIds),
        });
        return { before: { ...current }, after: { ...updated, organisationIds, left } };
      },
      // Those who lost sight of the meeting leave its room before the new state is sent to it.
      ({ before, after }) => {
        this.publisher.organisationsLeft(id, after.left);
        if (after.presenterId !== before.presenterId) this.publisher.presenter(id, after.presenterId);
      },
    );
    // Null only when sending it failed: the answer reads it again.
    return meeting ?? this.loadOne(id);
  }

  /**
   * Runs a change to a meeting the user can see in one transaction, with the meeting row locked and its revision
   * bumped (changes to one meeting apply one at a time); once committed, the meeting's room gets `meeting:updated`.
   */
  async change<T>(
    user: MeetingViewer,
    meetingId: string,
    work: (manager: EntityManager, meeting: KnownMeeting) => Promise<T>,
    beforePublish?: (result: T) => Promise<void> | void,
  ): Promise<T> {
    return (await this.changeAndPublish(user, meetingId, work, beforePublish)).result;
  }

  /** `change`, also answering the meeting as it was sent to its room (null if that failed). */
  private async changeAndPublish<T>(
    user: MeetingViewer,
    meetingId: string,
    work: (manager: EntityManager, meeting: KnownMeeting, transaction: Transaction) => Promise<T>,
    beforePublish?: (result: T) => Promise<void> | void,
  ): Promise<{ result: T; meeting: Meeting | null }> {
    const result = await this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const touched = await this.meetings.touchMeeting(manager, meetingId);
      const organisationIds = touched
        ? (await this.meetings.organisationIdsOf(manager, [meetingId])).get(meetingId)!
        : [];
      if (!touched || !canSeeMeeting(user, organisationIds))
        throw new NotFoundException(`No meeting with id ${meetingId}`);
      // The row as it was before this change (the bump is ours).
      return work(manager, { ...touched, revision: touched.revision - 1, organisationIds }, transaction);
    });
    await beforePublish?.(result);
    return { result, meeting: await this.publishChanged(meetingId) };
  }

  /**
   * Sends the meeting as it is now to its room, and answers it. A failure is logged and answers null: the change
   * itself has been committed.
   */
  async publishChanged(meetingId: string): Promise<Meeting | null> {
    try {
      const meeting = await this.loadOne(meetingId);
      this.publisher.changed(meeting);
      return meeting;
    } catch (error) {
      this.logger.error(`Could not send meeting ${meetingId} to its room: ${(error as Error).message}`);
      return null;
    }
  }

  async loadOne(id: string, manager: EntityManager = this.meetings.manager): Promise<Meeting> {
    const meeting = await this.meetings.findMeeting(manager, id);
    if (!meeting) throw new NotFoundException(`No meeting with id ${id}`);
    return (await this.toDtos(manager, [meeting]))[0];
  }

  /** The meeting as clients see it, from a row already read with its organisations (as requireVisible answers). */
  async toDto(meeting: KnownMeeting, manager: EntityManager = this.meetings.manager): Promise<Meeting> {
    return (await this.toDtos(manager, [meeting], new Map([[meeting.id, meeting.organisationIds]])))[0];
  }

  private async toDtos(
    manager: EntityManager,
    rows: MeetingEntity[],
    knownOrganisations?: Map<string, string[]>,
  ): Promise<Meeting[]> {
    const ids = rows.map((row) => row.id);
    const [organisations, agenda, decisions, actions] = [
      knownOrganisations ?? (await this.meetings.organisationIdsOf(manager, ids)),
      await this.agenda.agendaOf(manager, ids),
      await this.decisions.decisionsOf(manager, ids),
      await this.actions.actionsOf(manager, ids),
    ];
    const today = this.today();
    return rows.map((row) =>
      toMeetingDto(
        row,
        {
          organisationIds: organisations.get(row.id) ?? [],
          agenda: agenda.filter((item) => item.meetingId === row.id),
          decisions: decisions.filter((decision) => decision.meetingId === row.id),
          actions: actions.filter((action) => action.meetingId === row.id),
        },
        today,
      ),
    );
  }

  /**
   * For a meeting stored before its channel was made with it: makes the channel in a transaction of its own and
   * answers its id.
   */
  private async syncChannel(meeting: MeetingEntity, organisationIds: string[]): Promise<string> {
    return this.unitOfWork.run((transaction) => this.syncChannelIn(transaction, meeting, organisationIds));
  }

  /**
   * The meeting's channel follows its title and organisations (`meeting.changed`, handled in this transaction
   * by whoever keeps channels); the meeting remembers the channel it answers.
   */
  private async syncChannelIn(
    transaction: Transaction,
    meeting: MeetingEntity,
    organisationIds: string[],
  ): Promise<string> {
    const [reply] = await transaction.raise(DOMAIN_EVENTS.meetingChanged, {
      meetingId: meeting.id,
      title: meeting.title,
      organisationIds,
    });
    if (!reply) throw new Error('No handler made the meeting\'s channel');
    if (meeting.channelId !== reply.channelId)
      await this.meetings.setChannel(meeting.id, reply.channelId, transaction.manager);
    return reply.channelId;
  }

  /** Organisations joining a meeting must be able to see the field reports its agenda links (they would show to them). */
  private async checkLinkedReportsVisibleTo(
    manager: EntityManager,
    meetingId: string,
    organisationIds: string[],
  ): Promise<void> {
    if (!organisationIds.length) return;
    const reportIds = new Set(
      (await this.agenda.agendaOf(manager, [meetingId])).map((item) => item.reportId),
    );
    for (const reportId of reportIds) {
      if (reportId === null) continue;
      const hidden = await this.reports.organisationsNotSeeing(manager, reportId, organisationIds);
      if (hidden.length) {
        throw new ConflictException(
          `The agenda links a field report (${reportId}) that ${hidden.join(', ')} may not see: unlink it before that organisation joins`,
        );
      }
    }
  }

  private async checkOrganisationsExist(manager: EntityManager, organisationIds: string[]): Promise<void> {
    const existing = new Set((await this.people.organisationsByIds(organisationIds, manager)).map((organisation) => organisation.id));
    const unknown = organisationIds.find((organisationId) => !existing.has(organisationId));
    if (unknown) throw badRequest('organisationIds', `names no organisation (${unknown})`, 'unknown_reference');
  }

  /** Open actions of the meeting owned by members of these organisations (coordinators belong to no side). */
  private async openActionsOwnedIn(manager: EntityManager, meetingId: string, organisationIds: string[]): Promise<number> {
    const ownerIds = await this.actions.openActionOwnerIds(manager, meetingId);
    const owners = new Map((await this.people.usersByIds([...new Set(ownerIds)], manager)).map((owner) => [owner.id, owner]));
    return ownerIds.filter((ownerId) => {
      const owner = owners.get(ownerId);
      return owner !== undefined && owner.role !== 'coordinator' && organisationIds.includes(owner.organisationId);
    }).length;
  }

  private async presenterWhoStillSees(
    manager: EntityManager,
    presenterId: string | null,
    organisationIds: string[],
  ): Promise<string | null> {
    if (presenterId === null) return null;
    const [presenter] = await this.people.usersByIds([presenterId], manager);
    return presenter &&
      !presenter.disabled &&
      canSeeMeeting({ ...presenter, canSign: false }, organisationIds)
      ? presenterId
      : null;
  }
}
