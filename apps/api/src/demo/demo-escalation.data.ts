import type { EscalationPolicyInput } from '@samverkan/contracts';
import type { DemoOrganisationKey } from './demo-data';

/**
 * The joint channel's escalation in the demo: an urgent message nobody acknowledges goes after 5 minutes to the
 * police area's signatories, after 15 more to the coordinators, and the two steps run once more.
 */
export function demoJointEscalationPolicy(
  organisationIds: Record<DemoOrganisationKey, string>,
): EscalationPolicyInput {
  return {
    name: 'Demo – Gemensam kanal: polisens firmatecknare, sedan samordnarna',
    steps: [
      { delaySeconds: 300, targets: [{ kind: 'signatories', organisationId: organisationIds.police }] },
      { delaySeconds: 900, targets: [{ kind: 'role', role: 'coordinator' }] },
    ],
    repeat: 1,
  };
}
