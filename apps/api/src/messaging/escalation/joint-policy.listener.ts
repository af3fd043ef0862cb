import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DOMAIN_EVENTS, type JointEscalationPolicyEvent } from '../../common/domain-events';
import { EscalationPoliciesService } from './escalation-policies.service';

/** Gives the joint channel the policy another module asks for (the demo data), unless it follows one already. */
@Injectable()
export class JointPolicyListener {
  private readonly logger = new Logger(JointPolicyListener.name);

  constructor(private readonly policies: EscalationPoliciesService) {}

  @OnEvent(DOMAIN_EVENTS.jointEscalationPolicy, { async: true, promisify: true })
  async onRequested({ policy }: JointEscalationPolicyEvent): Promise<void> {
    try {
      await this.policies.ensureJointPolicy(policy);
    } catch (error) {
      this.logger.error(
        `Could not give the joint channel the policy ${policy.name}: ${(error as Error).message}`,
      );
    }
  }
}
