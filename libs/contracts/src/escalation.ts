import type { Role } from './people';

/** Who an escalation step tells: one user, every active user with a role (in one organisation), or an organisation's signatories. */
export type EscalationTarget =
  | { kind: 'user'; userId: string }
  | { kind: 'role'; role: Role; organisationId?: string }
  | { kind: 'signatories'; organisationId: string };

export const ESCALATION_TARGET_KINDS = ['user', 'role', 'signatories'] as const;
export type EscalationTargetKind = (typeof ESCALATION_TARGET_KINDS)[number];

export interface EscalationStep {
  delaySeconds: number;
  targets: EscalationTarget[];
}

export interface EscalationPolicy {
  id: string;
  name: string;
  steps: EscalationStep[];
  repeat: number;
  version: number;
}

/** `POST /api/escalation-policies`; `PATCH` takes any of these fields with `version`. */
export interface EscalationPolicyInput {
  name: string;
  steps: EscalationStep[];
  repeat: number;
}
export type EscalationPolicyPatch = Partial<EscalationPolicyInput> & { version: number };

/** `PATCH /api/channels/:id`. */
export interface ChannelPatch {
  escalationPolicyId: string | null;
}

export const ESCALATION_LIMITS = {
  minDelaySeconds: 1,
  maxDelaySeconds: 86_400,
  minSteps: 1,
  /** Extension: a policy has at most this many steps, each at most this many targets. */
  maxSteps: 10,
  maxTargets: 20,
  minRepeat: 0,
  maxRepeat: 5,
} as const;

export const ALERT_STATES = ['open', 'acknowledged', 'exhausted'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** `GET /api/alerts/:messageId`: where an urgent message's escalation stands. */
export interface AlertStatus {
  messageId: string;
  channelId: string;
  state: AlertState;
  /** How many steps have fired (0 before the first), counted across repeats. */
  step: number;
  /** Extension: how many steps fire in all (the policy's steps × (repeat + 1)); 0 without a policy. */
  of: number;
  /** When the next step fires; null when none will (acknowledged, exhausted, or no policy). */
  nextAt: string | null;
  /** Extension: whom the next step will tell (the policy's targets as they were when the alert was sent); null with no next step. */
  nextTargets: EscalationTarget[] | null;
  acknowledgedBy: { userId: string; organisationId: string; at: string }[];
  steps: { step: number; at: string; userIds: string[] }[];
}

/** What an escalated `alert` carries besides the message: step `step` (1-based, across repeats) of `of`. */
export interface AlertEscalationMark {
  step: number;
  of: number;
}

/** Extension (`alert:escalated`): a step fired; to the channel's members and the author, so views of the alert follow. */
export interface AlertEscalatedPayload {
  messageId: string;
  channelId: string;
  step: number;
  of: number;
  at: string;
  userIds: string[];
  /** The state after this step: `exhausted` after the last. */
  state: AlertState;
}
