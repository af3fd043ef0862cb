import type { AlertState, EscalationStep } from '@samverkan/contracts';

export interface EscalationPolicyRow {
  id: string;
  name: string;
  steps: EscalationStep[];
  repeat: number;
  version: number;
}

/** One urgent message's escalation: the policy's steps as they were when it was sent, and where it stands. */
export interface AlertEscalationRow {
  message_id: string;
  steps: EscalationStep[];
  repeat: number;
  state: AlertState;
  fired: number;
  next_at: Date | null;
}

export interface AlertEscalationStepRow {
  step: number;
  at: Date;
  user_ids: string[];
}
