import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Decision } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { CreateDecisionDto, UpdateDecisionDto } from './dto/meetings.dto';
import { DecisionEntity } from './entities/decision.entity';
import { toDecisionDto } from './meetings.mapper';
import { ZonesService } from '../zones/zones.service';
import { AgendaRepository } from './agenda.repository';
import { DecisionValues, DecisionsRepository } from './decisions.repository';
import { MeetingsService, requireOrganiser } from './meetings.service';

/** Decisions recorded in a meeting, each optionally under an agenda item and about a zone version. Organisers record them. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly repository: DecisionsRepository,
    private readonly agenda: AgendaRepository,
    private readonly zones: ZonesService,
    private readonly audit: AuditService,
  ) {}

  async add(meetingId: string, input: CreateDecisionDto, user: AuthUser): Promise<Decision> {
    return this.meetings.change(user, meetingId, async (manager, meeting) => {
      requireOrganiser(user, meeting.organisationIds);
      const values = await this.resolve(
        manager,
        meetingId,
        {
          text: input.text,
          agendaItemId: input.agendaItemId ?? null,
          zoneId: input.zoneId ?? null,
          zoneVersion: input.zoneVersion ?? null,
        },
        true,
      );
      const decision = await this.repository.insertDecision(manager, meetingId, values, user.id);
      const dto = toDecisionDto(decision);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'decision-add',
        entity: 'meeting',
        entityId: meetingId,
        after: { decisionId: decision.id, ...dto },
      });
      return dto;
    });
  }

  async update(
    meetingId: string,
    decisionId: string,
    input: UpdateDecisionDto,
    user: AuthUser,
  ): Promise<Decision> {
    const fields = ['text', 'agendaItemId', 'zoneId', 'zoneVersion'] as const;
    if (!fields.some((field) => input[field] !== undefined))
      throw badRequest('body', `give at least one of ${fields.join(', ')}`, 'nothing_to_change');
    return this.meetings.change(user, meetingId, async (manager, meeting) => {
      const current = await this.requireDecision(manager, meetingId, decisionId);
      requireOrganiser(user, meeting.organisationIds);
      const zoneChanged = input.zoneId !== undefined && input.zoneId !== current.zoneId;
      const values = await this.resolve(
        manager,
        meetingId,
        {
          text: input.text ?? current.text,
          agendaItemId: input.agendaItemId === undefined ? current.agendaItemId : input.agendaItemId,
          zoneId: input.zoneId === undefined ? current.zoneId : input.zoneId,
          // Another zone starts from its own current version unless a version is given.
          zoneVersion:
            input.zoneVersion !== undefined ? input.zoneVersion : zoneChanged ? null : current.zoneVersion,
        },
        zoneChanged || input.zoneVersion !== undefined,
      );
      const updated = await this.repository.updateDecision(manager, decisionId, values);
      const before = toDecisionDto(current);
      const after = toDecisionDto(updated);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'decision-update',
        entity: 'meeting',
        entityId: meetingId,
        before: { decisionId, ...before },
        after: { decisionId, ...after },
      });
      return after;
    });
  }

  async remove(meetingId: string, decisionId: string, user: AuthUser): Promise<void> {
    await this.meetings.change(user, meetingId, async (manager, meeting) => {
      const current = await this.requireDecision(manager, meetingId, decisionId);
      requireOrganiser(user, meeting.organisationIds);
      await this.repository.deleteDecision(manager, decisionId);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'decision-delete',
        entity: 'meeting',
        entityId: meetingId,
        before: { decisionId, ...toDecisionDto(current) },
      });
    });
  }

  private async requireDecision(
    manager: EntityManager,
    meetingId: string,
    decisionId: string,
  ): Promise<DecisionEntity> {
    const decision = await this.repository.findDecision(manager, meetingId, decisionId);
    if (!decision) throw new NotFoundException(`No decision with id ${decisionId} in this meeting`);
    return decision;
  }

  /** Checks what the decision refers to; a zone without a version is taken at its current version. */
  private async resolve(
    manager: EntityManager,
    meetingId: string,
    values: DecisionValues,
    checkZone: boolean,
  ): Promise<DecisionValues> {
    if (
      values.agendaItemId !== null &&
      !(await this.agenda.findAgendaItem(manager, meetingId, values.agendaItemId))
    ) {
      throw badRequest('agendaItemId', 'names no agenda item of this meeting', 'unknown_reference');
    }
    if (values.zoneId === null) {
      if (values.zoneVersion !== null) throw badRequest('zoneVersion', 'needs zoneId', 'required');
      return values;
    }
    if (!checkZone) return values;
    const zone = await this.zones.liveZone(values.zoneId, manager);
    if (!zone) throw badRequest('zoneId', 'names no zone (its site may have been deleted)', 'unknown_reference');
    if (values.zoneVersion === null) return { ...values, zoneVersion: zone.currentVersion };
    if (!(await this.zones.versionExists(values.zoneId, values.zoneVersion, manager))) {
      throw badRequest(
        'zoneVersion',
        `names no version of the zone (it is at version ${zone.currentVersion})`,
        'unknown_reference',
      );
    }
    return values;
  }
}
