import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AUTH_EVENTS, SessionsRevokedEvent } from '../auth/auth-user';
import { SessionCache } from '../auth/session-cache';
import { SessionsService } from '../auth/sessions.service';
import { RealtimePublisher } from './realtime.publisher';
import { ROOMS } from './rooms';

/** How often this instance re-checks the sessions behind its sockets (the contract allows 5 s). */
const RECHECK_INTERVAL_MS = 2000;

/**
 * Sockets live only as long as their sign-in session. A revocation on this instance disconnects at once (on
 * every instance, through the Redis adapter); a re-check every 2 s catches what happened elsewhere (a user
 * disabled through another instance, a session expired, a revocation broadcast lost while Redis was away), and
 * empties the session cache of what it finds ended.
 */
@Injectable()
export class SocketSessionsService implements OnApplicationShutdown {
  private readonly logger = new Logger('SocketSessions');
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly sessions: SessionsService,
    private readonly sessionCache: SessionCache,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.recheck(), RECHECK_INTERVAL_MS);
    this.timer.unref();
  }

  @OnEvent(AUTH_EVENTS.sessionsRevoked)
  onSessionsRevoked(event: SessionsRevokedEvent): void {
    const rooms = event.sessionIds ? event.sessionIds.map(ROOMS.session) : [ROOMS.user(event.userId)];
    this.publisher.disconnect(rooms);
  }

  /** Disconnects this instance's sockets whose session is revoked or expired, or whose user is disabled. */
  async recheck(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const sockets = this.publisher.localSockets();
      const sessionIds = [...new Set(sockets.map((socket) => socket.data.user?.sessionId).filter(Boolean))];
      if (!sessionIds.length) return;
      const ended = new Set(await this.sessions.endedOf(sessionIds));
      if (!ended.size) return;
      for (const socket of sockets) {
        const user = socket.data.user;
        if (!user || !ended.has(user.sessionId)) continue;
        // Ended where no revocation was announced (straight in the database): its token must not outlive it here.
        this.sessionCache.forgetHere({ userId: user.id, sessionIds: [user.sessionId] });
        socket.disconnect(true);
      }
    } catch (error) {
      // The database is away: keep the sockets (their tokens were good) and try again next time.
      this.logger.warn(`Session re-check failed: ${(error as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
