import type { OrganisationKind, User } from '@samverkan/contracts';

/** The signed-in caller, as every guard, controller and gateway sees them. */
export interface AuthUser extends User {
  organisationKind: OrganisationKind;
  /** The sign-in session behind the token (the token's `jti`). */
  sessionId: string;
}

/** Application events about sign-in that other modules (the socket gateway) act on. */
export const AUTH_EVENTS = {
  /** Sessions stopped working: their sockets must close, and no instance may let their tokens in again. */
  sessionsRevoked: 'auth.sessions-revoked',
  /**
   * What a signed-in user is changed without ending their sessions (display name, signing right, second factor):
   * every instance reads their sign-ins afresh from the next request on.
   */
  callerChanged: 'auth.caller-changed',
} as const;

export interface SessionsRevokedEvent {
  userId: string;
  /** The sessions revoked; absent means every session of the user. */
  sessionIds?: string[];
}

export interface CallerChangedEvent {
  userId: string;
}

declare module '../common/domain-events' {
  interface DomainEventMap {
    'auth.sessions-revoked': SessionsRevokedEvent;
    'auth.caller-changed': CallerChangedEvent;
  }
}
