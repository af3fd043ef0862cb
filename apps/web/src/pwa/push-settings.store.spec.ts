import type { ApiFetch, ApiRequest } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { keyBytes, PushSettingsStore, type PushPlatform } from './push-settings.store';

const KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

function setup(options: { key?: string | null; permission?: NotificationPermission; answer?: NotificationPermission; ios?: boolean } = {}) {
  const calls: { path: string; request: ApiRequest }[] = [];
  const apiFetch = (async (path: string, request: ApiRequest = {}) => {
    calls.push({ path, request });
    if (path === '/api/push/key') {
      if (options.key === null) throw new ApiError(404, 'Not Found', 'Push is off');
      return { publicKey: options.key ?? KEY };
    }
    return undefined;
  }) as ApiFetch;
  let subscription: PushSubscription | null = null;
  const unsubscribe = jest.fn(() => {
    subscription = null;
    return Promise.resolve(true);
  });
  const subscribe = jest.fn((_: PushSubscriptionOptionsInit) => {
    subscription = {
      endpoint: 'https://push.example/abc',
      toJSON: () => ({ endpoint: 'https://push.example/abc', keys: { p256dh: 'p', auth: 'a' } }),
      unsubscribe,
    } as unknown as PushSubscription;
    return Promise.resolve(subscription);
  });
  const manager = { subscribe, getSubscription: () => Promise.resolve(subscription) } as unknown as PushManager;
  const requestPermission = jest.fn(() => Promise.resolve(options.answer ?? 'granted'));
  const platform: PushPlatform = {
    pushManager: () => Promise.resolve(manager),
    permission: () => options.permission ?? 'default',
    requestPermission,
    iosOutsideHomeScreen: () => options.ios ?? false,
  };
  return { store: new PushSettingsStore(apiFetch, platform), calls, subscribe, requestPermission, unsubscribe };
}

describe('PushSettingsStore', () => {
  it('offers nothing when the server sends no pushes (404 for the key)', async () => {
    const { store } = setup({ key: null });
    await store.load();
    expect(store.value).toEqual({ status: 'unavailable' });
  });

  it('asks permission only when turned on, then subscribes with the VAPID key and hands the subscription over', async () => {
    const { store, calls, subscribe, requestPermission } = setup();
    await store.load();
    expect(store.value).toEqual({ status: 'off' });
    expect(requestPermission).not.toHaveBeenCalled();
    await store.enable();
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(subscribe.mock.calls[0][0]).toEqual({ userVisibleOnly: true, applicationServerKey: keyBytes(KEY) });
    expect(calls.at(-1)).toEqual({
      path: '/api/push/subscriptions',
      request: { method: 'POST', body: { endpoint: 'https://push.example/abc', keys: { p256dh: 'p', auth: 'a' } } },
    });
    expect(store.value).toEqual({ status: 'on' });
  });

  it('stays off when the user refuses, and says notifications are blocked', async () => {
    const { store, subscribe } = setup({ answer: 'denied' });
    await store.load();
    await store.enable();
    expect(subscribe).not.toHaveBeenCalled();
    expect(store.value).toEqual({ status: 'denied' });
  });

  it('on an iPhone outside the home screen, says to add the app there first', async () => {
    const { store } = setup({ ios: true });
    await store.load();
    expect(store.value).toEqual({ status: 'home-screen' });
  });

  it('turned off: tells the api and drops the browser’s subscription; at sign-out only the browser’s', async () => {
    const { store, calls, unsubscribe } = setup();
    await store.load();
    await store.enable();
    await store.disable();
    expect(calls.at(-1)).toEqual({
      path: '/api/push/subscriptions',
      request: { method: 'DELETE', body: { endpoint: 'https://push.example/abc' } },
    });
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(store.value).toEqual({ status: 'off' });

    await store.enable();
    const before = calls.length;
    await store.forgetOnThisDevice();
    expect(unsubscribe).toHaveBeenCalledTimes(2);
    expect(calls).toHaveLength(before);
  });

  it('decodes the base64url key into its 65 bytes', () => {
    const bytes = keyBytes(KEY);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(4);
  });
});
