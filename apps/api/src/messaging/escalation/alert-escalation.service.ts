import { Injectable, NotFoundException } from '@nestjs/common';
import { canSeeAlertStatus } from '@samverkan/contracts';
import type { AlertStatus, EscalationTarget } from '@samverkan/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { Transaction, UnitOfWork } from '../../database/transaction-events';
import type { UserCriteria } from '../../people/people.repository';
import { PeopleService } from '../../people/people.service';
import { toAlertAckDto, toMessageDto } from '../messaging.mapper';
import { MessagesRepository } from '../messages.repository';
import { ESCALATION_EVENTS } from './escalation.events';
import { EscalationRepository } from './escalation.repository';
import type { AlertEscalationRow } from './escalation.rows';
import { nextDue, stepIndexAfter, totalSteps } from './escalation-schedule';

/** Escalations handled per transaction: a short transaction, then the next batch. */
const BATCH = 20;

export function criteriaOf(targets: EscalationTarget[]): UserCriteria {
  const criteria: UserCriteria = { userIds: [], roles: [], signatoryOrganisationIds: [] };
  for (const target of targets) {
    switch (target.kind) {
      case 'user':
        criteria.userIds.push(target.userId);
        break;
      case 'role':
        criteria.roles.push({ role: target.role, organisationId: target.organisationId });
        break;
      case 'signatories':
        criteria.signatoryOrganisationIds.push(target.organisationId);
        break;
    }
  }
  return criteria;
}

function nextTargetsOf(escalation: AlertEscalationRow): EscalationTarget[] | null {
  const index = stepIndexAfter(escalation, escalation.fired);
  return index === null ? null : escalation.steps[index].targets;
}

/** The escalation of urgent messages: fires due steps (the job's tick) and answers where an alert stands. */
@Injectable()
export class AlertEscalationService {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly messages: MessagesRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * Fires every step due now, each in the transaction that claimed it (SKIP LOCKED: another instance's claims
   * are skipped, so a step fires once). Answers how many fired.
   */
  async fireDue(): Promise<number> {
    if (!(await this.escalations.anyDue(this.clock.now()))) return 0;
    let fired = 0;
    for (;;) {
      const claimed = await this.unitOfWork.run(async (transaction) => {
        const now = this.clock.now();
        const due = await this.escalations.claimDue(transaction.manager, now, BATCH);
        for (const row of due) await this.fire(transaction, row, now);
        return due.length;
      });
      fired += claimed;
      if (claimed < BATCH) return fired;
    }
  }

  private async fire(transaction: Transaction, row: AlertEscalationRow, now: Date): Promise<void> {
    const { manager } = transaction;
    const plan = { steps: row.steps, repeat: row.repeat };
    const index = stepIndexAfter(plan, row.fired);
    const message = await this.messages.findById(manager, row.message_id);
    if (index === null || !message) {
      await this.escalations.recordStep(manager, row.message_id, row.fired, now, [], null);
      return;
    }
    const step = row.fired + 1;
    const of = totalSteps(plan);
    const userIds = await this.people.activeUserIdsMatching(manager, criteriaOf(row.steps[index].targets), [
      message.author_id,
    ]);
    const nextAt = nextDue(plan, step, now);
    await this.escalations.recordStep(manager, row.message_id, step, now, userIds, nextAt);
    await this.audit.record(manager, {
      actorId: null,
      action: 'alert.escalated',
      entity: 'message',
      entityId: row.message_id,
      after: { channelId: message.channel_id, step, of, userIds },
    });
    await transaction.raise(ESCALATION_EVENTS.alertEscalated, {
      message: toMessageDto(message),
      step,
      of,
      at: now.toISOString(),
      userIds,
      state: nextAt ? 'open' : 'exhausted',
    });
  }

  /** `GET /api/alerts/:messageId`: for those who see the channel and those a step was sent to; 404 for others. */
  async status(user: AuthUser, messageId: string): Promise<AlertStatus> {
    const message = await this.messages.findWithAlertAccess(user, messageId);
    if (
      !message ||
      message.priority !== 'urgent' ||
      !canSeeAlertStatus({ seesChannel: message.sees_channel, wasTarget: message.was_target })
    ) {
      throw new NotFoundException(`No alert with id ${messageId}`);
    }
    const [escalation, steps, acks] = await Promise.all([
      this.escalations.find(messageId),
      this.escalations.stepsOf(messageId),
      this.messages.acksOf(messageId),
    ]);
    const acknowledgedBy = acks
      .map(toAlertAckDto)
      .map(({ userId, organisationId, at }) => ({ userId, organisationId, at }));
    const acknowledged = acknowledgedBy.some((ack) => ack.userId !== message.author_id);
    return {
      messageId,
      channelId: message.channel_id,
      state: escalation?.state ?? (acknowledged ? 'acknowledged' : 'open'),
      step: escalation?.fired ?? 0,
      of: escalation ? totalSteps(escalation) : 0,
      nextAt: escalation?.next_at ? new Date(escalation.next_at).toISOString() : null,
      nextTargets: escalation?.next_at ? nextTargetsOf(escalation) : null,
      acknowledgedBy,
      steps: steps.map((s) => ({ step: s.step, at: new Date(s.at).toISOString(), userIds: s.user_ids })),
    };
  }

  /** Everyone a step of this alert was sent to (they hear of its acknowledgement). */
  targetsOf(messageId: string): Promise<string[]> {
    return this.escalations.targetsOf(messageId);
  }
}
