import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CachePeers, InstanceCache, InstanceCaches } from '../common/instance-caches';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/transaction-events';
import { AUTH_EVENTS, AuthUser, CallerChangedEvent, SessionsRevokedEvent } from './auth-user';

/** Whose sign-ins a cache must forget: some sessions of a user, or all of them (no `sessionIds`). */
export interface ForgetScope {
  userId: string;
  sessionIds?: string[];
}

/** The caches of the other api instances (common/instance-caches.ts). */
export type SessionCachePeers = CachePeers<ForgetScope>;

export const SESSION_CACHE = {
  /** How long a sign-in is trusted without asking the database; also the longest a lost revocation message matters. */
  lifeMs: 5000,
  /** After a revocation or change is announced, the user's sign-ins are not cached for this long (see `forget`). */
  quarantineMs: 5000,
  maxEntries: 10_000,
} as const;

interface Entry {
  user: AuthUser;
  /** Epoch ms: the earliest of the cache's life, the token's expiry and the session's. */
  until: number;
}

/**
 * Sign-ins already checked, by bearer token: a request whose token is here is let in without verifying the
 * signature again or reading the session and the user (docs/decisions/0025-zone-check-and-session-cache.md).
 *
 * A revocation (`auth.sessions-revoked`) or a change of the user (`auth.caller-changed`) empties the user's entries
 * inside the changing transaction, here and, before the commit, on every other instance (which acknowledge); it
 * keeps them from being cached again until the commit is surely visible, and empties them again after it. So the
 * next request after the change is acknowledged reads the database, on every instance.
 *
 * With several instances the cache works only while the link between them works: an instance that cannot hear the
 * others' revocations asks the database every time. Started `alone` without REDIS_URL; otherwise off until realtime
 * links it.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnApplicationShutdown, InstanceCache<ForgetScope> {
  private readonly logger = new Logger('SessionCache');
  private readonly entries = new Map<string, Entry>();
  /** Users whose sign-ins must not be cached until the time given (epoch ms). */
  private readonly quarantined = new Map<string, number>();
  /** Bumped by every forget: a database read begun before it must not fill the cache after it. */
  private generation = 0;
  private mode: 'alone' | 'linked' | 'off';
  private peers: SessionCachePeers | null = null;
  /** Drops the entries past their life: a burst of sign-ins (10,000 sockets reconnecting) is not kept after it. */
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'redisUrl'>,
    private readonly unitOfWork: UnitOfWork,
    instanceCaches: InstanceCaches,
  ) {
    this.mode = config.redisUrl ? 'off' : 'alone';
    instanceCaches.register('session', this);
    this.sweeper = setInterval(() => this.evictExpired(Date.now()), SESSION_CACHE.lifeMs);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  onModuleInit(): void {
    this.unitOfWork.onInTransaction(AUTH_EVENTS.sessionsRevoked, (event) => this.forgetEverywhere(event));
    this.unitOfWork.onInTransaction(AUTH_EVENTS.callerChanged, (event) => this.forgetEverywhere(event));
  }

  /** The caller behind this exact token, if checked within the cache's life. A copy: callers may not share it. */
  get(token: string, now = Date.now()): AuthUser | null {
    if (this.mode === 'off') return null;
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (entry.until <= now) {
      this.entries.delete(token);
      return null;
    }
    return { ...entry.user };
  }

  /** Taken before the database is read; `put` keeps the answer only if nothing was forgotten meanwhile. */
  ticket(): number {
    return this.generation;
  }

  /** Keeps a sign-in read from the database, until `expiresAt` (epoch ms) at the latest. */
  put(token: string, user: AuthUser, expiresAt: number, ticket: number, now = Date.now()): void {
    if (this.mode === 'off' || ticket !== this.generation) return;
    const quarantine = this.quarantined.get(user.id);
    if (quarantine !== undefined) {
      if (quarantine > now) return;
      this.quarantined.delete(user.id);
    }
    if (this.entries.size >= SESSION_CACHE.maxEntries) this.evict(now);
    this.entries.set(token, { user: { ...user }, until: Math.min(now + SESSION_CACHE.lifeMs, expiresAt) });
  }

  /** Forgets on this instance only (what another instance asks through the link). */
  forgetHere(scope: ForgetScope, now = Date.now()): void {
    this.generation += 1;
    for (const [userId, until] of this.quarantined) if (until <= now) this.quarantined.delete(userId);
    this.quarantined.set(scope.userId, now + SESSION_CACHE.quarantineMs);
    const sessions = scope.sessionIds ? new Set(scope.sessionIds) : null;
    for (const [token, entry] of this.entries) {
      if (entry.user.id === scope.userId && (!sessions || sessions.has(entry.user.sessionId))) this.entries.delete(token);
    }
  }

  /** Realtime's link to the other instances' caches: caching stays off until `linkUp`. */
  link(peers: SessionCachePeers): void {
    this.peers = peers;
  }

  /** The link works: the other instances hear this one's revocations, and this one theirs. */
  linkUp(): void {
    if (this.peers && this.mode === 'off') this.mode = 'linked';
  }

  /** The link is broken: revocations elsewhere would go unheard, so nothing is trusted from memory. */
  linkDown(): void {
    if (this.mode === 'alone') return;
    this.mode = 'off';
    this.generation += 1;
    this.entries.clear();
  }

  // After the commit: whatever was read between the in-transaction forget and the commit goes too.
  @OnEvent(AUTH_EVENTS.sessionsRevoked)
  @OnEvent(AUTH_EVENTS.callerChanged)
  afterCommit(event: SessionsRevokedEvent | CallerChangedEvent): void {
    this.forgetHere(event);
    if (this.mode === 'linked') void this.peers?.forget(event).catch(() => false);
  }

  /** In the changing transaction: here, then every other instance, before the change is committed. */
  private async forgetEverywhere(scope: ForgetScope): Promise<void> {
    this.forgetHere(scope);
    // Unlinked, the others cannot be reached: waiting for them would only hold up the change (and its sockets' end).
    if (!this.peers || this.mode !== 'linked') return;
    const everyone = await this.peers.forget(scope).catch(() => false);
    if (!everyone) {
      // Not a reason to refuse the change: an instance that cannot be reached trusts its cache no longer than its life.
      this.logger.warn(`Not every instance confirmed forgetting sessions of user ${scope.userId}; theirs expire within ${SESSION_CACHE.lifeMs} ms`);
    }
  }

  private evictExpired(now: number): void {
    for (const [token, entry] of this.entries) if (entry.until <= now) this.entries.delete(token);
    for (const [userId, until] of this.quarantined) if (until <= now) this.quarantined.delete(userId);
  }

  /** Drops the expired entries, and if that is not enough the oldest (a Map keeps the order of insertion). */
  private evict(now: number): void {
    this.evictExpired(now);
    for (const token of this.entries.keys()) {
      if (this.entries.size < SESSION_CACHE.maxEntries) break;
      this.entries.delete(token);
    }
  }
}
