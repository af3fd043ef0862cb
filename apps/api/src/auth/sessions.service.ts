import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TOKEN_LIFETIME_SECONDS } from './token-payload';
import { SessionsRepository } from './sessions.repository';

/**
 * Auth's sessions, for auth itself and for the people module, which ends a user's sessions when the account
 * changes. Its own module, so that people can use it while auth uses people (to find the user behind a sign-in).
 */
@Injectable()
export class SessionsService {
  constructor(private readonly sessions: SessionsRepository) {}

  /** Starts a session that lasts as long as its token. */
  async start(id: string, userId: string, now = new Date()): Promise<void> {
    await this.sessions.insert(id, userId, new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000));
  }

  /** Of the sessions named, those no longer live (the socket server's periodic re-check, push's clean-up). */
  endedOf(sessionIds: string[]): Promise<string[]> {
    return this.sessions.endedOf(sessionIds);
  }

  /** Ends one session, in the caller's transaction. */
  revoke(manager: EntityManager, sessionId: string): Promise<void> {
    return this.sessions.revoke(manager, sessionId);
  }

  /** Ends every live session of the user but `keepSessionId`, in the caller's transaction. */
  revokeAllOf(manager: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    return this.sessions.revokeAllOf(manager, userId, keepSessionId);
  }
}
