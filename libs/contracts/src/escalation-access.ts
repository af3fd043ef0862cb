import type { User } from './people';

// Who writes escalation policies and attaches them to channels, and who reads an alert's escalation. Used by the
// api (to refuse) and the web app (to show the editor and the channel's chooser).

/** Coordinators and admins write policies and choose a channel's; everyone signed in reads them. */
export function canManageEscalation(user: Pick<User, 'role'>): boolean {
  return user.role === 'coordinator' || user.role === 'admin';
}

export function manageEscalationProblem(user: Pick<User, 'role'>): string | null {
  return canManageEscalation(user)
    ? null
    : 'Only coordinators and admins write escalation policies and choose a channel’s';
}

/**
 * An alert's escalation (its history, who acknowledged it) is for those who see its channel and for anyone a step
 * was sent to: a target outside the channel sees the alert's text and may acknowledge it, nothing else of the channel.
 */
export function canSeeAlertStatus(facts: { seesChannel: boolean; wasTarget: boolean }): boolean {
  return facts.seesChannel || facts.wasTarget;
}

/** Only someone other than the author stops an escalation by acknowledging the alert. */
export function ackStopsEscalation(ackUserId: string, authorId: string): boolean {
  return ackUserId !== authorId;
}
