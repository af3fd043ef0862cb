import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { RealtimePublisher } from './realtime.publisher';
import { ROOMS } from './rooms';

/** A reload or a short network drop should not flash someone offline. */
const OFFLINE_GRACE_MS = 1500;
/** Changes gathered into one `presence:batch`: a mass reconnect costs one event per connection per batch. */
export const PRESENCE_BATCH_MS = 250;

interface LocalUser {
  organisationId: string;
  /** Open connections on this instance. */
  connections: number;
}

/**
 * Online means at least one open connection on any instance: a user's tabs count once.
 * A user is online when their first connection on this instance opens (another instance may say it too: saying
 * it twice is harmless); offline when, a moment after their last connection here closed, no instance holds one
 * (asked through the `user:` room, which the Redis adapter answers for every instance).
 *
 * Who hears it: every change goes at once as `presence` to the user's organisation (their colleagues), and all
 * changes of the last PRESENCE_BATCH_MS go together as one `presence:batch` to every connection. Telling every
 * connection of every change made a mass reconnect of N users N² events (decision 0026).
 */
@Injectable()
export class PresenceService implements OnApplicationShutdown {
  private readonly logger = new Logger('Presence');
  private readonly local = new Map<string, LocalUser>();
  private readonly offlineChecks = new Map<string, NodeJS.Timeout>();
  /** Changes not yet in a batch: user id → online (the latest change wins). */
  private readonly pending = new Map<string, boolean>();
  private batchTimer: NodeJS.Timeout | null = null;

  constructor(private readonly publisher: RealtimePublisher) {}

  connected(user: { id: string; organisationId: string }): void {
    const known = this.local.get(user.id);
    if (known) {
      known.connections += 1;
      return;
    }
    this.local.set(user.id, { organisationId: user.organisationId, connections: 1 });
    const pending = this.offlineChecks.get(user.id);
    if (pending) {
      // Back within the grace period: nobody was told they left, so nobody needs telling they are back.
      clearTimeout(pending);
      this.offlineChecks.delete(user.id);
      return;
    }
    this.changed(user.id, user.organisationId, true);
  }

  disconnected(user: { id: string; organisationId: string }): void {
    const known = this.local.get(user.id);
    if (known && known.connections > 1) {
      known.connections -= 1;
      return;
    }
    this.local.delete(user.id);
    const timer = setTimeout(() => {
      this.offlineChecks.delete(user.id);
      void this.announceIfOffline(user.id, user.organisationId);
    }, OFFLINE_GRACE_MS);
    timer.unref();
    this.offlineChecks.set(user.id, timer);
  }

  /** The users with an open connection on any instance (this instance's alone while the link is down). */
  async online(): Promise<string[]> {
    const rooms = await this.publisher.rooms();
    const prefix = ROOMS.user('');
    return [...rooms].filter((room) => room.startsWith(prefix)).map((room) => room.slice(prefix.length));
  }

  /** Whether the user has an open connection on any instance (this instance's alone while the link is down). */
  async isConnected(userId: string): Promise<boolean> {
    return (await this.connectionsOf(userId)) > 0;
  }

  private async announceIfOffline(userId: string, organisationId: string): Promise<void> {
    if (this.local.has(userId)) return;
    try {
      if ((await this.connectionsOf(userId)) === 0) this.changed(userId, organisationId, false);
    } catch (error) {
      this.logger.warn(`Presence of ${userId} not checked: ${(error as Error).message}`);
    }
  }

  private changed(userId: string, organisationId: string, online: boolean): void {
    this.publisher.publish('presence', [ROOMS.organisation(organisationId)], { userId, online });
    this.pending.set(userId, online);
    if (this.batchTimer) return;
    this.batchTimer = setTimeout(() => this.flush(), PRESENCE_BATCH_MS);
    this.batchTimer.unref();
  }

  private flush(): void {
    this.batchTimer = null;
    const online: string[] = [];
    const offline: string[] = [];
    for (const [userId, isOnline] of this.pending) (isOnline ? online : offline).push(userId);
    this.pending.clear();
    if (online.length || offline.length) this.publisher.publish('presence:batch', 'everyone', { online, offline });
  }

  /** The user's open connections on every instance; this instance's alone when the others cannot be asked. */
  private async connectionsOf(userId: string): Promise<number> {
    const room = ROOMS.user(userId);
    try {
      return (await this.publisher.socketsIn(room)).length;
    } catch {
      return (await this.publisher.localSocketsIn(room)).length;
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.offlineChecks.values()) clearTimeout(timer);
    this.offlineChecks.clear();
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
  }
}
