import type { User } from '@samverkan/contracts';
import type { SocketClient } from '../api/socket-client';
import type { AppBase } from './app-base';
import { defineAppFeature, defineFeature, FeatureRegistry } from './feature-registry';

const base = {
  storage: { get: () => null, set: () => undefined, remove: () => undefined },
} as unknown as AppBase;
const user = { id: 'u1', role: 'police' } as User;
const socket = {} as SocketClient;

describe('FeatureRegistry', () => {
  it('makes a feature once per session, on first use, from the base and the features it uses', () => {
    const made: string[] = [];
    const counter = defineFeature('counter', () => {
      made.push('counter');
      return { count: 0 };
    });
    const greeting = defineFeature('greeting', ({ use, user: who }) => {
      const text = `${who.id}:${use(counter).count}`;
      made.push('greeting');
      return text;
    });
    const session = FeatureRegistry.forApp(base).forSession(user, socket);

    expect(made).toEqual([]);
    expect(session.get(greeting)).toBe('u1:0');
    expect(session.get(greeting)).toBe('u1:0');
    expect(session.get(counter)).toBe(session.get(counter));
    expect(made).toEqual(['counter', 'greeting']);
  });

  it('gives each session its own features and keeps app features across sessions', () => {
    const perSession = defineFeature('per session', () => ({}));
    const perApp = defineAppFeature('per app', () => ({}));
    const app = FeatureRegistry.forApp(base);
    const first = app.forSession(user, socket);
    const second = app.forSession(user, socket);

    expect(first.get(perSession)).not.toBe(second.get(perSession));
    expect(first.get(perApp)).toBe(second.get(perApp));
    expect(app.get(perApp)).toBe(first.get(perApp));
  });

  it('refuses a session feature signed out', () => {
    const perSession = defineFeature('messages', () => ({}));
    expect(() => FeatureRegistry.forApp(base).get(perSession)).toThrow(
      'The messages feature needs a signed-in session',
    );
  });

  it('refuses a feature that needs itself', () => {
    const looped: ReturnType<typeof defineFeature<number>> = defineFeature('loop', ({ use }) => use(looped));
    expect(() => FeatureRegistry.forApp(base).forSession(user, socket).get(looped)).toThrow(
      'The loop feature needs itself',
    );
  });

  it('disposes at sign-out, users before what they use, clean-ups before the value, app features untouched', () => {
    const steps: string[] = [];
    const store = defineFeature('store', ({ onDispose }) => {
      onDispose(() => steps.push('store listeners'));
      return { dispose: () => steps.push('store') };
    });
    const view = defineFeature('view', ({ use }) => {
      use(store);
      return { dispose: () => steps.push('view') };
    });
    const offline = defineAppFeature('offline', () => ({ dispose: () => steps.push('offline') }));
    const app = FeatureRegistry.forApp(base);
    const session = app.forSession(user, socket);
    session.get(view);
    session.get(offline);

    session.dispose();
    session.dispose();

    expect(steps).toEqual(['view', 'store listeners', 'store']);
    expect(session.get(store)).toBe(session.get(store));
    expect(() => session.get(defineFeature('late', () => 1))).toThrow('after its lifetime ended');
    expect(app.get(offline)).toBe(session.get(offline));
  });
});
