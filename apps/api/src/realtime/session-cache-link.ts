import { Injectable } from '@nestjs/common';
import { ForgetScope, SESSION_CACHE, SessionCache } from '../auth/session-cache';
import { ClusterLink } from './cluster-link';
import type { AppServer } from './socket.types';

const FORGET = 'session-cache:forget';

/**
 * Auth's session cache across instances: a revocation on one instance empties the others' caches through the
 * Socket.IO adapter's server-side events (the Redis link), and the revoking instance waits for their answers.
 * While the link is broken no instance trusts its cache (SessionCache.linkDown).
 */
@Injectable()
export class SessionCacheLink {
  constructor(
    private readonly cache: SessionCache,
    private readonly cluster: ClusterLink,
  ) {}

  /** For a server joined to the other instances by the Redis adapter. */
  attach(server: AppServer): void {
    server.on(FORGET, (scope, done) => {
      this.cache.forgetHere(scope);
      done(true);
    });
    this.cache.link({ forget: (scope) => this.tellOthers(server, scope) });
    this.cluster.onHealthChange((healthy) => (healthy ? this.cache.linkUp() : this.cache.linkDown()));
  }

  /** True once every other instance answered; false when one did not in time (or Redis is away). */
  private tellOthers(server: AppServer, scope: ForgetScope): Promise<boolean> {
    return new Promise((resolve) => {
      // The adapter never answers while Redis is away: the wait is ours.
      const timer = setTimeout(() => resolve(false), SESSION_CACHE.peersWaitMs);
      try {
        server.serverSideEmit(FORGET, scope, (error: Error | null) => {
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
