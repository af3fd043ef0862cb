import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { manageEscalationProblem } from '@samverkan/contracts';
import type {
  Channel,
  EscalationPolicy,
  EscalationPolicyInput,
  EscalationTarget,
} from '@samverkan/contracts';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { badRequest, conflict } from '../../common/api-exception.filter';
import { PeopleService } from '../../people/people.service';
import { ChannelsService } from '../channels.service';
import type { EscalationStepDto, EscalationTargetDto, UpdateEscalationPolicyDto } from './escalation.dto';
import { CreateEscalationPolicyDto, UpdateChannelDto } from './escalation.dto';
import { EscalationRepository } from './escalation.repository';
import type { EscalationPolicyRow } from './escalation.rows';

export function toPolicyDto(row: EscalationPolicyRow): EscalationPolicy {
  return { id: row.id, name: row.name, steps: row.steps, repeat: row.repeat, version: row.version };
}

/** Escalation policies, and which one a channel follows: coordinators and admins write, everyone reads. */
@Injectable()
export class EscalationPoliciesService {
  constructor(
    private readonly policies: EscalationRepository,
    private readonly channels: ChannelsService,
    private readonly people: PeopleService,
  ) {}

  async list(): Promise<EscalationPolicy[]> {
    return (await this.policies.listPolicies()).map(toPolicyDto);
  }

  async get(id: string): Promise<EscalationPolicy> {
    const row = await this.policies.findPolicy(this.policies.manager, id);
    if (!row) throw new NotFoundException(`No escalation policy with id ${id}`);
    return toPolicyDto(row);
  }

  async create(user: AuthUser, input: CreateEscalationPolicyDto): Promise<EscalationPolicy> {
    this.checkManager(user);
    const clean = await this.checked(input);
    return toPolicyDto(await this.policies.insertPolicy(this.policies.manager, clean));
  }

  async update(user: AuthUser, id: string, input: UpdateEscalationPolicyDto): Promise<EscalationPolicy> {
    this.checkManager(user);
    return this.policies.manager.transaction(async (manager) => {
      const current = await this.policies.findPolicy(manager, id, true);
      if (!current) throw new NotFoundException(`No escalation policy with id ${id}`);
      if (current.version !== input.version) {
        throw conflict(
          'version',
          `The policy is at version ${current.version}, not ${input.version}: reload it and try again`,
          'stale_version',
        );
      }
      const next = await this.checked(
        {
          name: input.name ?? current.name,
          steps: input.steps ?? current.steps,
          repeat: input.repeat ?? current.repeat,
        },
        manager,
      );
      return toPolicyDto(await this.policies.updatePolicy(manager, id, next));
    });
  }

  /** Refused (409) while a channel follows the policy; escalations under way keep their copy of its steps. */
  async remove(user: AuthUser, id: string): Promise<void> {
    this.checkManager(user);
    await this.policies.manager.transaction(async (manager) => {
      const current = await this.policies.findPolicy(manager, id, true);
      if (!current) throw new NotFoundException(`No escalation policy with id ${id}`);
      const following = await this.policies.channelsFollowing(manager, id);
      if (following > 0) {
        throw conflict(
          'id',
          `${following} channel(s) follow this policy: choose another for them first`,
          'policy_in_use',
        );
      }
      await this.policies.deletePolicy(manager, id);
    });
  }

  /** `PATCH /api/channels/:id`: the policy the channel's urgent messages follow. */
  async setChannelPolicy(user: AuthUser, channelId: string, input: UpdateChannelDto): Promise<Channel> {
    this.checkManager(user);
    await this.channels.requireVisible(user, channelId);
    const change = await this.policies.manager.transaction(async (manager) => {
      if (input.escalationPolicyId !== null) {
        // Locked: a policy being deleted is not taken up meanwhile.
        const policy = await this.policies.findPolicy(manager, input.escalationPolicyId, true);
        if (!policy)
          throw badRequest('escalationPolicyId', 'names no escalation policy', 'unknown_reference');
      }
      return this.channels.setEscalationPolicy(manager, channelId, input.escalationPolicyId);
    });
    this.channels.publish([change]);
    return this.channels.get(user, channelId);
  }

  /**
   * The joint channel follows `input` (made once, found again by its name) when it follows no policy yet; a
   * policy someone chose is never replaced. For seeding (the demo data).
   */
  async ensureJointPolicy(input: EscalationPolicyInput): Promise<void> {
    const jointId = await this.channels.jointChannelId();
    const change = await this.policies.manager.transaction(async (manager) => {
      const joint = await this.channels.accessOf(jointId, manager);
      if (!joint || joint.escalation_policy_id) return null;
      const existing = await this.policies.findPolicyByName(manager, input.name);
      const policy =
        existing ?? (await this.policies.insertPolicy(manager, await this.checked(input, manager)));
      return this.channels.setEscalationPolicy(manager, jointId, policy.id);
    });
    if (change) this.channels.publish([change]);
  }

  private checkManager(user: AuthUser): void {
    const problem = manageEscalationProblem(user);
    if (problem) throw new ForbiddenException(problem);
  }

  /** The input with only the fields each target's kind takes; every user and organisation named must exist. */
  private async checked(
    input: EscalationPolicyInput | CreateEscalationPolicyDto,
    manager: EntityManager = this.policies.manager,
  ): Promise<EscalationPolicyInput> {
    const steps = (input.steps as Pick<EscalationStepDto, 'delaySeconds' | 'targets'>[]).map((step, s) => ({
      delaySeconds: step.delaySeconds,
      targets: step.targets.map((target, t) => targetOf(target, `steps[${s}].targets[${t}]`)),
    }));
    const named = steps.flatMap((step, s) =>
      step.targets.map((target, t) => ({ target, field: `steps[${s}].targets[${t}]` })),
    );
    const userIds = named.flatMap(({ target }) => (target.kind === 'user' ? [target.userId] : []));
    const known = new Set(
      (await this.people.usersByIds([...new Set(userIds)], manager))
        .filter((u) => !u.disabled)
        .map((u) => u.id),
    );
    const orgIds = named.flatMap(({ target }) =>
      target.kind !== 'user' && target.organisationId ? [target.organisationId] : [],
    );
    const orgs = new Set(
      (await this.people.organisationsByIds([...new Set(orgIds)], manager)).map((o) => o.id),
    );
    for (const { target, field } of named) {
      if (target.kind === 'user' && !known.has(target.userId))
        throw badRequest(`${field}.userId`, 'names no active user', 'unknown_reference');
      if (target.kind !== 'user' && target.organisationId && !orgs.has(target.organisationId))
        throw badRequest(`${field}.organisationId`, 'names no organisation', 'unknown_reference');
    }
    return { name: input.name, steps, repeat: input.repeat };
  }
}

type TargetInput = Pick<EscalationTargetDto, 'kind' | 'userId' | 'role' | 'organisationId'>;

/** The target with the fields of its kind; a field of another kind is refused, not dropped. */
function targetOf(target: TargetInput, field: string): EscalationTarget {
  const refuse = (key: string) =>
    badRequest(`${field}.${key}`, `does not belong to a target of kind ${target.kind}`, 'unknown_field');
  switch (target.kind) {
    case 'user':
      if (target.role !== undefined) throw refuse('role');
      if (target.organisationId !== undefined) throw refuse('organisationId');
      return { kind: 'user', userId: target.userId! };
    case 'role':
      if (target.userId !== undefined) throw refuse('userId');
      return target.organisationId
        ? { kind: 'role', role: target.role!, organisationId: target.organisationId }
        : { kind: 'role', role: target.role! };
    case 'signatories':
      if (target.userId !== undefined) throw refuse('userId');
      if (target.role !== undefined) throw refuse('role');
      return { kind: 'signatories', organisationId: target.organisationId! };
  }
}
