import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { RealtimePublisher } from './realtime.publisher';
import { ROOMS } from './rooms';

/** A reload or a short network drop should not flash someone offline. */
const OFFLINE_GRACE_MS = 1500;

/**
 * Online means at least one open connection on any instance: a user's tabs count once.
 * `online` goes out when a user's first connection on this instance opens (another instance may say it too:
 * saying it twice is harmless); `offline` when, a moment after their last connection here closed, no instance
 * holds one (asked through the `user:` room, which the Redis adapter answers for every instance).
 */
@Injectable()
export class PresenceService implements OnApplicationShutdown {
  private readonly logger = new Logger('Presence');
  /** Open connections per user on this instance. */
  private readonly local = new Map<string, number>();
  private readonly offlineChecks = new Map<string, NodeJS.Timeout>();

  constructor(private readonly publisher: RealtimePublisher) {}

  connected(userId: string): void {
    const count = (this.local.get(userId) ?? 0) + 1;
    this.local.set(userId, count);
    const pending = this.offlineChecks.get(userId);
    if (pending) {
      // Back within the grace period: nobody was told they left, so nobody needs telling they are back.
      clearTimeout(pending);
      this.offlineChecks.delete(userId);
      return;
    }
    if (count === 1) this.publisher.publish('presence', 'everyone', { userId, online: true });
  }

  disconnected(userId: string): void {
    const count = (this.local.get(userId) ?? 1) - 1;
    if (count > 0) {
      this.local.set(userId, count);
      return;
    }
    this.local.delete(userId);
    const timer = setTimeout(() => {
      this.offlineChecks.delete(userId);
      void this.announceIfOffline(userId);
    }, OFFLINE_GRACE_MS);
    timer.unref();
    this.offlineChecks.set(userId, timer);
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

  private async announceIfOffline(userId: string): Promise<void> {
    if (this.local.has(userId)) return;
    try {
      if ((await this.connectionsOf(userId)) === 0) this.publisher.publish('presence', 'everyone', { userId, online: false });
    } catch (error) {
      this.logger.warn(`Presence of ${userId} not checked: ${(error as Error).message}`);
    }
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
  }
}
