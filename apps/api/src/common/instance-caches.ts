import { Injectable, Module } from '@nestjs/common';

/**
 * The same cache on the other api instances, reached through the link between instances (realtime's
 * InstanceCacheLink). `forget` resolves true once every other instance has forgotten, false when some did not
 * answer in time.
 */
export interface CachePeers<Scope> {
  forget(scope: Scope): Promise<boolean>;
}

/**
 * A cache of committed data kept in each instance's memory, which a change made on any instance must empty on
 * every one: auth's sign-ins (SessionCache) and the zones the position check searches (ZoneCheckIndex).
 * With several instances such a cache may only be trusted while the link works (`linkUp`/`linkDown`).
 */
export interface InstanceCache<Scope> {
  /** Empties what `scope` names, on this instance only (what another instance asks through the link). */
  forgetHere(scope: Scope): void;
  /** The link to the same cache on the other instances; the cache stays off until `linkUp`. */
  link(peers: CachePeers<Scope>): void;
  linkUp(): void;
  linkDown(): void;
}

/**
 * The instance caches by name, so realtime can link them across instances without knowing the features that
 * own them (docs/decisions/0025 and 0028). Each cache registers itself when made.
 */
@Injectable()
export class InstanceCaches {
  private readonly caches = new Map<string, InstanceCache<unknown>>();

  register<Scope>(name: string, cache: InstanceCache<Scope>): void {
    if (this.caches.has(name)) throw new Error(`An instance cache named ${name} is registered already`);
    this.caches.set(name, cache as InstanceCache<unknown>);
  }

  entries(): [name: string, cache: InstanceCache<unknown>][] {
    return [...this.caches];
  }
}

/** Imported by every module with an instance cache, and by realtime; Nest makes one registry for all. */
@Module({ providers: [InstanceCaches], exports: [InstanceCaches] })
export class InstanceCachesModule {}
