import type { AlertState, Message } from '@samverkan/contracts';

/**
 * After the commit of each escalation step: who was told, and the alert they were told of. The pushes to open
 * apps listen to it here; a push to closed apps (web push) hooks in by listening to the same event.
 */
export const ESCALATION_EVENTS = {
  alertEscalated: 'alert.escalated',
} as const;

export interface AlertEscalatedEvent {
  /** The urgent message, text included (targets outside the channel see it too). */
  message: Message;
  /** 1-based, across repeats, of `of` steps in all. */
  step: number;
  of: number;
  /** When the step fired (ISO 8601). */
  at: string;
  /** The enabled users the step's targets named, the author left out. */
  userIds: string[];
  /** `exhausted` after the last step, else `open`. */
  state: AlertState;
}

declare module '../../common/domain-events' {
  interface DomainEventMap {
    'alert.escalated': AlertEscalatedEvent;
  }
}
