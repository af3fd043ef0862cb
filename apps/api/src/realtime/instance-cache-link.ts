import { Injectable } from '@nestjs/common';
import { InstanceCaches } from '../common/instance-caches';
import { ClusterLink } from './cluster-link';
import type { AppServer } from './socket.types';

/** The event that asks the other instances' cache `name` to forget (`session-cache:forget` since 0025). */
const forgetEvent = (name: string) => `${name}-cache:forget` as const;

/** How long a changing transaction waits for the other instances to forget (then it goes on without them). */
export const PEERS_WAIT_MS = 1000;

/**
 * The instance caches (common/instance-caches.ts: auth's sign-ins, the zones' check index) across instances: a
 * change on one instance empties the same cache on the others through the Socket.IO adapter's server-side events
 * (the Redis link), and the changing instance waits for their answers. While the link is broken no instance
 * trusts its caches (`linkDown`).
 */
@Injectable()
export class InstanceCacheLink {
  constructor(
    private readonly caches: InstanceCaches,
    private readonly cluster: ClusterLink,
  ) {}

  /** For a server joined to the other instances by the Redis adapter. */
  attach(server: AppServer): void {
    const caches = this.caches.entries();
    for (const [name, cache] of caches) {
      server.on(forgetEvent(name), (scope, done) => {
        cache.forgetHere(scope);
        done(true);
      });
      cache.link({ forget: (scope) => this.tellOthers(server, name, scope) });
    }
    this.cluster.onHealthChange((healthy) => {
      for (const [, cache] of caches) {
        if (healthy) cache.linkUp();
        else cache.linkDown();
      }
    });
  }

  /** True once every other instance answered; false when one did not in time (or Redis is away). */
  private tellOthers(server: AppServer, name: string, scope: unknown): Promise<boolean> {
    return new Promise((resolve) => {
      // The adapter never answers while Redis is away: the wait is ours.
      const timer = setTimeout(() => resolve(false), PEERS_WAIT_MS);
      try {
        server.serverSideEmit(forgetEvent(name), scope, (error: Error | null) => {
          clearTimeout(timer);
          resolve(!error);
        });
      } catch {
        clearTimeout(timer);
        resolve(false);
      }
    });
  }
}
