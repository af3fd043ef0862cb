import { keysStillAhead, zonesStartingSoon, type ZoneStartingSoon } from '@samverkan/geo';
import { zoneHref } from '../state/routes';
import type { KeyValueStorage } from '../state/safe-storage';
import { Store } from '../state/store';
import { NEARBY_RADIUS_METERS } from './zone-check.store';
import type { ZoneSnapshotStore } from './zone-snapshot.store';

/**
 * `on`: the phone watches its position while the app is open and tells of zones near it coming into force soon.
 * `denied`: notifications are blocked for this site; `no-position`: the position is refused (the browser's
 * setting); `unsupported`: no notifications through a service worker, or no geolocation.
 */
export interface ZoneSoonState {
  status: 'off' | 'on' | 'busy' | 'denied' | 'no-position' | 'unsupported';
}

export interface PhonePosition {
  lat: number;
  lng: number;
}

/** What the watch needs of the browser: notifications through the service worker, and the position. */
export interface ZoneSoonPlatform {
  /** Notifications through a service worker, and geolocation. */
  supported(): boolean;
  permission(): NotificationPermission;
  /** Asks the user; call only from their tap. */
  requestPermission(): Promise<NotificationPermission>;
  /** Watches the position; the returned function stops it. */
  watchPosition(onPosition: (position: PhonePosition) => void, onDenied: () => void): () => void;
  showNotification(title: string, options: NotificationOptions): Promise<void>;
  /** Every minute, so a start comes within the hour while the officer stands still; returns the stop. */
  everyMinute(tick: () => void): () => void;
}

/** The notification's words, in the user's language at the time it is shown. */
export type ZoneSoonWords = (zone: ZoneStartingSoon) => { title: string; body: string };

/** Where the setting and the starts already told are kept on the phone, per user. */
export const zoneSoonSettingKey = (userId: string) => `zoneSoon.on:${userId}`;
export const zoneSoonToldKey = (userId: string) => `zoneSoon.told:${userId}`;

/**
 * "Tell me when a zone near me comes into force": off until the user turns it on (the permission is asked then).
 * While on and the app is open, it watches the position and, from the zones kept on the phone (only a copy
 * synced within a day), shows a notification once per zone and start time. The position is kept in memory only,
 * for the next minute's look, and goes nowhere; what is kept on the phone is the setting and the starts told.
 */
export class ZoneSoonStore extends Store<ZoneSoonState> {
  private position: PhonePosition | null = null;
  private stopWatching: (() => void) | null = null;
  private stopTicking: (() => void) | null = null;
  private stopListening: (() => void) | null = null;
  private readonly told: Set<string>;

  constructor(
    private readonly platform: ZoneSoonPlatform,
    private readonly snapshots: ZoneSnapshotStore,
    private readonly storage: KeyValueStorage,
    private readonly userId: string,
    private readonly words: ZoneSoonWords,
    private readonly now: () => number = Date.now,
  ) {
    super({ status: 'off' });
    this.told = new Set(this.readTold());
  }

  /** At start: back on when the user left it on and the permission still stands. */
  start(): void {
    if (!this.platform.supported()) return this.set({ status: 'unsupported' });
    if (this.storage.get(zoneSoonSettingKey(this.userId)) !== '1') return;
    const permission = this.platform.permission();
    if (permission === 'granted') return this.watch();
    this.set({ status: permission === 'denied' ? 'denied' : 'off' });
  }

  /** From the user's tap: asks for the permission when it is not given yet. */
  async enable(): Promise<void> {
    if (!this.platform.supported()) return this.set({ status: 'unsupported' });
    if (this.value.status === 'busy') return;
    this.set({ status: 'busy' });
    const permission =
      this.platform.permission() === 'granted' ? 'granted' : await this.platform.requestPermission().catch(() => 'default' as const);
    if (permission !== 'granted') return this.set({ status: permission === 'denied' ? 'denied' : 'off' });
    this.storage.set(zoneSoonSettingKey(this.userId), '1');
    this.watch();
  }

  disable(): void {
    this.storage.remove(zoneSoonSettingKey(this.userId));
    this.stop();
    this.set({ status: 'off' });
  }

  /** The session ends: the watch stops (the setting stays for the next sign-in of this user). */
  dispose(): void {
    this.stop();
  }

  /** At sign-out: which zones this user was near is forgotten on the phone, as the zones kept for the check are. */
  forgetTold(): void {
    this.told.clear();
    this.storage.remove(zoneSoonToldKey(this.userId));
  }

  private watch(): void {
    this.stop();
    this.set({ status: 'on' });
    this.stopWatching = this.platform.watchPosition(
      (position) => {
        this.position = position;
        void this.look();
      },
      () => {
        this.stop();
        this.set({ status: 'no-position' });
      },
    );
    this.stopTicking = this.platform.everyMinute(() => void this.look());
    // A new copy of the zones may hold a start the last one did not.
    this.stopListening = this.snapshots.subscribe(() => void this.look());
  }

  private stop(): void {
    this.stopWatching?.();
    this.stopTicking?.();
    this.stopListening?.();
    this.stopWatching = this.stopTicking = this.stopListening = null;
    this.position = null;
  }

  /** One look from the last position: the zones near it that come into force within the hour, not told yet. */
  async look(): Promise<void> {
    const position = this.position;
    const index = this.snapshots.value.index;
    if (this.value.status !== 'on' || !position || !index || this.snapshots.freshness() !== 'fresh') return;
    const at = new Date(this.now());
    const soon = zonesStartingSoon(index.check(position, NEARBY_RADIUS_METERS, at), this.told);
    if (soon.length === 0) return;
    for (const zone of soon) this.told.add(zone.key);
    this.storage.set(zoneSoonToldKey(this.userId), JSON.stringify(keysStillAhead(this.told, at)));
    for (const zone of soon) {
      const { title, body } = this.words(zone);
      await this.platform
        .showNotification(title, {
          body,
          tag: `zone-soon:${zone.key}`,
          // A tap opens the zone's details (the service worker's notificationclick, as for pushes).
          data: { url: `/${zoneHref(zone.zoneId)}` },
          icon: '/icons/icon-192.png',
        })
        .catch(() => undefined);
    }
  }

  private readTold(): string[] {
    try {
      const told: unknown = JSON.parse(this.storage.get(zoneSoonToldKey(this.userId)) ?? '[]');
      return Array.isArray(told) ? told.filter((key): key is string => typeof key === 'string') : [];
    } catch {
      return [];
    }
  }
}

/** The browser's notifications (through the service worker, as pushes are shown) and geolocation. */
export function browserZoneSoonPlatform(browser: Window): ZoneSoonPlatform {
  const { Notification } = browser as Window & typeof globalThis;
  const supported = () =>
    Boolean(browser.navigator.serviceWorker) && 'Notification' in browser && Boolean(browser.navigator.geolocation);
  return {
    supported,
    permission: () => (supported() ? Notification.permission : 'denied'),
    requestPermission: () => Notification.requestPermission(),
    watchPosition: (onPosition, onDenied) => {
      const id = browser.navigator.geolocation.watchPosition(
        ({ coords }) => onPosition({ lat: coords.latitude, lng: coords.longitude }),
        (error) => {
          if (error.code === error.PERMISSION_DENIED) onDenied();
        },
        // A minute-old position is near enough for "within 300 m"; the phone need not wake its GPS for each.
        { enableHighAccuracy: false, maximumAge: 60_000 },
      );
      return () => browser.navigator.geolocation.clearWatch(id);
    },
    showNotification: async (title, options) =>
      (await browser.navigator.serviceWorker.ready).showNotification(title, options),
    everyMinute: (tick) => {
      const timer = browser.setInterval(tick, 60_000);
      return () => browser.clearInterval(timer);
    },
  };
}
