import type { EscalationStep } from '@samverkan/contracts';

/** What an escalation follows: the policy's steps as they were when the alert was sent, and how often they run again. */
export interface EscalationPlan {
  steps: Pick<EscalationStep, 'delaySeconds'>[];
  repeat: number;
}

/** How many steps fire in all: the steps once, then `repeat` more times. */
export function totalSteps(plan: EscalationPlan): number {
  return plan.steps.length * (plan.repeat + 1);
}

/** The step that fires as the `fired + 1`-th (0-based into the policy's steps), or null when all have fired. */
export function stepIndexAfter(plan: EscalationPlan, fired: number): number | null {
  return fired < totalSteps(plan) ? fired % plan.steps.length : null;
}

/**
 * When the next step is due, `fired` steps having fired, the last of them (or the message, for the first) at
 * `since`: its delay after that. Counted from when the previous step really fired, so a server that was down
 * sends one overdue step on its return, not a burst of all of them. Null: exhausted.
 */
export function nextDue(plan: EscalationPlan, fired: number, since: Date): Date | null {
  const index = stepIndexAfter(plan, fired);
  if (index === null) return null;
  return new Date(since.getTime() + plan.steps[index].delaySeconds * 1000);
}
