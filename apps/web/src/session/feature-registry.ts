import type { User } from '@samverkan/contracts';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SocketClient } from '../api/socket-client';
import type { AppBase } from './app-base';

/** What lives while one user is signed in, besides the features: who it is and the live connection. */
export interface SessionBase extends AppBase {
  user: User;
  socket: SocketClient;
}

/** What a feature is made from: the base it lives on, the other features it needs, and its clean-up. */
export type FeatureContext<Base> = Base & {
  use<T>(definition: Feature<T, Base>): T;
  /** Runs when the feature's lifetime ends (sign-out), before the value's own `dispose()` if it has one. */
  onDispose(...cleanups: (() => void)[]): void;
};

/**
 * A feature's stores, made once per lifetime on first use. 'session' features live from sign-in to sign-out;
 * 'app' ones as long as the page, for what must work signed out too (the naloxone guide saved offline).
 */
export interface FeatureDefinition<T, Base> {
  readonly name: string;
  readonly lifetime: 'app' | 'session';
  readonly create: (context: FeatureContext<Base>) => T;
}

export type AppFeature<T> = FeatureDefinition<T, AppBase> & { readonly lifetime: 'app' };
export type SessionFeature<T> = FeatureDefinition<T, SessionBase> & { readonly lifetime: 'session' };
/** What a feature of the given base may use: session features see app features too, never the other way. */
type Feature<T, Base> = Base extends SessionBase ? AppFeature<T> | SessionFeature<T> : AppFeature<T>;

export function defineFeature<T>(
  name: string,
  create: (context: FeatureContext<SessionBase>) => T,
): SessionFeature<T> {
  return { name, lifetime: 'session', create };
}

export function defineAppFeature<T>(
  name: string,
  create: (context: FeatureContext<AppBase>) => T,
): AppFeature<T> {
  return { name, lifetime: 'app', create };
}

interface Made {
  value: unknown;
  cleanups: (() => void)[];
}

/** Holds the features of one lifetime; a session's registry asks the app's for app features. */
export class FeatureRegistry {
  private readonly made = new Map<FeatureDefinition<unknown, never>, Made>();
  private readonly making = new Set<FeatureDefinition<unknown, never>>();
  private disposed = false;

  private constructor(
    readonly base: AppBase | SessionBase,
    private readonly parent: FeatureRegistry | null,
  ) {}

  static forApp(base: AppBase): FeatureRegistry {
    return new FeatureRegistry(base, null);
  }

  forSession(user: User, socket: SocketClient): FeatureRegistry {
    return new FeatureRegistry({ ...this.base, user, socket }, this);
  }

  get sessionBase(): SessionBase | null {
    return this.parent ? (this.base as SessionBase) : null;
  }

  get<T>(definition: AppFeature<T> | SessionFeature<T>): T {
    if (definition.lifetime === 'app' && this.parent) return this.parent.get(definition);
    if (definition.lifetime === 'session' && !this.parent)
      throw new Error(`The ${definition.name} feature needs a signed-in session`);
    const key = definition as FeatureDefinition<unknown, never>;
    // A view still on screen while the session ends reads the (disposed) stores it had, as it did the workspace.
    const made = this.made.get(key);
    if (made) return made.value as T;
    if (this.disposed)
      throw new Error(`The ${definition.name} feature was asked for after its lifetime ended`);
    if (this.making.has(key)) throw new Error(`The ${definition.name} feature needs itself`);
    this.making.add(key);
    const cleanups: (() => void)[] = [];
    try {
      const context = {
        ...this.base,
        use: <U>(other: AppFeature<U> | SessionFeature<U>) => this.get(other),
        onDispose: (...more: (() => void)[]) => void cleanups.push(...more),
      };
      const value = (definition.create as (context: FeatureContext<AppBase | SessionBase>) => T)(context);
      this.made.set(key, { value, cleanups });
      return value;
    } finally {
      this.making.delete(key);
    }
  }

  /** Ends the lifetime: the features go in the reverse order of their making (users before what they use). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const { value, cleanups } of [...this.made.values()].reverse()) {
      // What listens goes quiet first, then the store it fed.
      cleanups.forEach((cleanup) => cleanup());
      const dispose = (value as { dispose?: unknown } | null)?.dispose;
      if (typeof dispose === 'function') (dispose as () => void).call(value);
    }
  }
}

export const FeatureRegistryContext = createContext<FeatureRegistry | null>(null);

export function useFeatureRegistry(): FeatureRegistry {
  const registry = useContext(FeatureRegistryContext);
  if (!registry) throw new Error('A feature was asked for outside <FeatureRegistryContext.Provider>');
  return registry;
}

/** A feature's stores, made on first use and kept for the rest of their lifetime. */
export function useFeature<T>(definition: AppFeature<T> | SessionFeature<T>): T {
  return useFeatureRegistry().get(definition);
}

/** The page's api client, session, language and storage: there signed in or not. */
export function useAppBase(): AppBase {
  return useFeatureRegistry().base;
}

/** The signed-in user, the live connection and the app's base. */
export function useSessionBase(): SessionBase {
  const base = useFeatureRegistry().sessionBase;
  if (!base) throw new Error('useSessionBase() outside a signed-in session');
  return base;
}
