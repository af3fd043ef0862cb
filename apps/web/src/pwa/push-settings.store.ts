import type { PushKeyResponse, PushSubscriptionRequest } from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { Store } from '../state/store';

/**
 * `unavailable`: this server sends no pushes (GET /api/push/key is 404), so the setting is not shown.
 * `home-screen`: an iPhone's browser tab, where pushes work only once the app is on the home screen.
 */
export type PushSettingsState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'unsupported' }
  | { status: 'home-screen' }
  | { status: 'off' | 'on' | 'denied' | 'busy' | 'failed' };

/** What the store needs of the browser: the worker's push manager and the permission prompt. */
export interface PushPlatform {
  /** null when this browser has no Web Push. */
  pushManager(): Promise<PushManager | null>;
  permission(): NotificationPermission;
  /** Asks the user; call only from their tap (iOS and Chrome refuse a prompt without one). */
  requestPermission(): Promise<NotificationPermission>;
  /** An iPhone or iPad not running the app from the home screen. */
  iosOutsideHomeScreen(): boolean;
}

/** The VAPID key as the bytes `applicationServerKey` takes (it comes base64url-encoded). */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * "Notify me of urgent alerts on this device": subscribes this browser with the server's VAPID key and hands
 * the subscription to the api, which ties it to the session (it ends at sign-out on the server; the browser's
 * copy is dropped here too). Permission is asked only when the user turns it on.
 */
export class PushSettingsStore extends Store<PushSettingsState> {
  private publicKey: string | null = null;

  constructor(
    private readonly api: ApiFetch,
    private readonly platform: PushPlatform,
  ) {
    super({ status: 'loading' });
  }

  async load(): Promise<void> {
    try {
      this.publicKey = (await this.api<PushKeyResponse>('/api/push/key')).publicKey;
    } catch {
      // 404: push is off on this server. Offline or failing: nothing can be turned on now either.
      this.set({ status: 'unavailable' });
      return;
    }
    if (this.platform.iosOutsideHomeScreen()) return this.set({ status: 'home-screen' });
    const manager = await this.platform.pushManager();
    if (!manager) return this.set({ status: 'unsupported' });
    if (this.platform.permission() === 'denied') return this.set({ status: 'denied' });
    this.set({ status: (await manager.getSubscription()) ? 'on' : 'off' });
  }

  async enable(): Promise<void> {
    const key = this.publicKey;
    if (!key || this.value.status === 'busy') return;
    this.set({ status: 'busy' });
    try {
      const permission = await this.platform.requestPermission();
      if (permission !== 'granted') return this.set({ status: permission === 'denied' ? 'denied' : 'off' });
      const manager = await this.platform.pushManager();
      if (!manager) return this.set({ status: 'unsupported' });
      const subscription = await manager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
      const { endpoint, keys } = subscription.toJSON();
      const body: PushSubscriptionRequest = {
        endpoint: endpoint ?? subscription.endpoint,
        keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' },
      };
      await this.api('/api/push/subscriptions', { method: 'POST', body });
      this.set({ status: 'on' });
    } catch {
      this.set({ status: 'failed' });
    }
  }

  async disable(): Promise<void> {
    if (this.value.status === 'busy') return;
    this.set({ status: 'busy' });
    try {
      const subscription = await (await this.platform.pushManager())?.getSubscription();
      if (subscription) {
        await this.api('/api/push/subscriptions', { method: 'DELETE', body: { endpoint: subscription.endpoint } });
        await subscription.unsubscribe();
      }
      this.set({ status: 'off' });
    } catch {
      this.set({ status: 'failed' });
    }
  }

  /** At sign-out: the server has ended the subscription with the session; the browser forgets it too. */
  async forgetOnThisDevice(): Promise<void> {
    const subscription = await (await this.platform.pushManager().catch(() => null))?.getSubscription();
    await subscription?.unsubscribe().catch(() => false);
  }
}

/** The browser's Web Push, through the service worker that shows the notifications. */
export function browserPushPlatform(browser: Window): PushPlatform {
  const { Notification } = browser as Window & typeof globalThis;
  const supported = () =>
    Boolean(browser.navigator.serviceWorker) && 'PushManager' in browser && 'Notification' in browser;
  return {
    pushManager: async () => (supported() ? (await browser.navigator.serviceWorker.ready).pushManager : null),
    permission: () => (supported() ? Notification.permission : 'denied'),
    requestPermission: () => Notification.requestPermission(),
    iosOutsideHomeScreen: () => {
      const ios = /iPhone|iPad|iPod/.test(browser.navigator.userAgent);
      const standalone =
        browser.matchMedia?.('(display-mode: standalone)').matches ||
        (browser.navigator as Navigator & { standalone?: boolean }).standalone === true;
      return ios && !standalone;
    },
  };
}
