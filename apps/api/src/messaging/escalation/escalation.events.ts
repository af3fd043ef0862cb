import { DOMAIN_EVENTS } from '../../common/domain-events';

/**
 * After the commit of each escalation step: who was told, and the alert they were told of. Open apps get `alert`
 * again (escalation-pushes.listener.ts); closed apps get a web push (the push module listens to the same event).
 * The payload's type lives with the other domain events, so the push module need not import messaging.
 */
export const ESCALATION_EVENTS = {
  alertEscalated: DOMAIN_EVENTS.alertEscalated,
} as const;

export type { AlertEscalatedEvent } from '../../common/domain-events';
