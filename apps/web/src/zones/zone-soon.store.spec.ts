import type { Polygon, ZoneSnapshot } from '@samverkan/contracts';
import type { KeyValueDatabase } from '../state/idb-key-value';
import { memoryStorage } from '../state/safe-storage';
import { ZoneSnapshotStore } from './zone-snapshot.store';
import {
  ZoneSoonStore,
  zoneSoonSettingKey,
  zoneSoonToldKey,
  type PhonePosition,
  type ZoneSoonPlatform,
} from './zone-soon.store';

// Tuesday 5 May 2026, 17:30 in Malmö (UTC+2).
const START = Date.parse('2026-05-05T15:30:00.000Z');
const ZONE_LNG = 13.0;
const ZONE_LAT = 55.6;
/** 100 m east of the zone's east edge. */
const NEAR: PhonePosition = { lat: ZONE_LAT + 0.0005, lng: ZONE_LNG + 0.002 + 100 / 63_000 };

const square = (half: number): Polygon => {
  const [west, east, south, north] = [ZONE_LNG - half, ZONE_LNG + half, ZONE_LAT - half / 2, ZONE_LAT + half / 2];
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
};

const snapshot: ZoneSnapshot = {
  generatedAt: '2026-05-05T15:00:00.000Z',
  zones: [
    {
      id: 'evening',
      siteId: 's',
      name: 'Södervärn',
      siteName: 'Sprutbytet',
      status: 'agreed',
      agreedVersion: 1,
      geometry: square(0.002),
      schedule: { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '18:00', to: '23:00' }] },
      validFrom: null,
      validUntil: null,
    },
  ],
};

const noDatabase: KeyValueDatabase = {
  get: () => Promise.resolve(undefined),
  put: () => Promise.resolve(),
  delete: () => Promise.resolve(),
};

async function setup({
  permission = 'granted' as NotificationPermission,
  grant = 'granted' as NotificationPermission,
  on = false,
  stored = {} as Record<string, string>,
} = {}) {
  let now = START;
  const shown: { title: string; options: NotificationOptions }[] = [];
  const watching = { position: null as ((position: PhonePosition) => void) | null, denied: null as (() => void) | null, stopped: 0 };
  let tick: (() => void) | null = null;
  const platform: ZoneSoonPlatform = {
    supported: () => true,
    permission: () => permission,
    requestPermission: jest.fn(() => {
      permission = grant;
      return Promise.resolve(grant);
    }),
    watchPosition: (onPosition, onDenied) => {
      watching.position = onPosition;
      watching.denied = onDenied;
      return () => {
        watching.position = null;
        watching.stopped++;
      };
    },
    showNotification: (title, options) => {
      shown.push({ title, options });
      return Promise.resolve();
    },
    everyMinute: (next) => {
      tick = next;
      return () => (tick = null);
    },
  };
  const storage = memoryStorage({ ...stored, ...(on ? { [zoneSoonSettingKey('u1')]: '1' } : {}) });
  const snapshots = new ZoneSnapshotStore(
    noDatabase,
    () => Promise.resolve({ status: 'changed', snapshot, etag: '"1"' }),
    'u1',
    () => now,
  );
  await snapshots.refresh();
  const store = new ZoneSoonStore(
    platform,
    snapshots,
    storage,
    'u1',
    (zone) => ({ title: `${zone.name} at ${zone.startsAt}`, body: `${Math.round(zone.distanceMeters)} m` }),
    () => now,
  );
  store.start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    store,
    storage,
    platform,
    shown,
    watching,
    settle,
    tick: () => tick?.(),
    advance: (ms: number) => (now += ms),
  };
}

describe('the phone tells of a zone near it coming into force', () => {
  it('is off by default: no position watched, nothing shown', async () => {
    const { store, watching, platform } = await setup();
    expect(store.value.status).toBe('off');
    expect(watching.position).toBeNull();
    expect(platform.requestPermission).not.toHaveBeenCalled();
  });

  it('turned on, asks for the permission, watches, and tells once per zone and start time', async () => {
    const { store, watching, shown, settle, tick, advance, storage, platform } = await setup({ permission: 'default' });
    await store.enable();
    expect(platform.requestPermission).toHaveBeenCalledTimes(1);
    expect(store.value.status).toBe('on');
    expect(storage.get(zoneSoonSettingKey('u1'))).toBe('1');

    watching.position!(NEAR);
    await settle();
    expect(shown).toEqual([
      {
        title: 'Södervärn at 2026-05-05T18:00:00.000+02:00',
        options: expect.objectContaining({ body: expect.stringMatching(/^\d+ m$/) as string, tag: 'zone-soon:evening@2026-05-05T16:00:00.000Z', data: { url: '/#/zones/evening' } }) as NotificationOptions,
      },
    ]);
    expect(Number.parseInt(shown[0].options.body!, 10)).toBeGreaterThan(90);
    expect(Number.parseInt(shown[0].options.body!, 10)).toBeLessThan(110);

    // Moving, and minutes passing: the same start is not told again.
    watching.position!({ ...NEAR, lat: NEAR.lat + 0.0001 });
    advance(10 * 60_000);
    tick();
    await settle();
    expect(shown).toHaveLength(1);
    expect(JSON.parse(storage.get(zoneSoonToldKey('u1'))!)).toEqual(['evening@2026-05-05T16:00:00.000Z']);
  });

  it('a start more than an hour ahead is told when the hour comes, from the last position, without moving', async () => {
    const { store, watching, shown, settle, tick, advance } = await setup({ on: true });
    expect(store.value.status).toBe('on');
    advance(-2 * 3600_000); // 15:30 local
    watching.position!(NEAR);
    await settle();
    expect(shown).toEqual([]);
    advance(90 * 60_000); // 17:00
    tick();
    await settle();
    expect(shown).toHaveLength(1);
  });

  it('turned off, stops watching and forgets the position', async () => {
    const { store, watching, shown, settle, tick, storage } = await setup({ on: true });
    store.disable();
    expect(watching.stopped).toBe(1);
    expect(storage.get(zoneSoonSettingKey('u1'))).toBeNull();
    tick();
    await settle();
    expect(shown).toEqual([]);
  });

  it('says so when notifications are refused, or the position is', async () => {
    const refused = await setup({ permission: 'default', grant: 'denied' });
    await refused.store.enable();
    expect(refused.store.value.status).toBe('denied');
    expect(refused.watching.position).toBeNull();

    const noPosition = await setup({ on: true });
    noPosition.watching.denied!();
    expect(noPosition.store.value.status).toBe('no-position');
    expect(noPosition.watching.stopped).toBe(1);
  });

  it('a start told before a reload is not told again after it', async () => {
    const first = await setup({ on: true });
    first.watching.position!(NEAR);
    await first.settle();
    expect(first.shown).toHaveLength(1);

    const told = first.storage.get(zoneSoonToldKey('u1'))!;
    const reloaded = await setup({ on: true, stored: { [zoneSoonToldKey('u1')]: told } });
    reloaded.watching.position!(NEAR);
    await reloaded.settle();
    expect(reloaded.shown).toEqual([]);

    // Signing out forgets which zones this user was near.
    reloaded.store.forgetTold();
    expect(reloaded.storage.get(zoneSoonToldKey('u1'))).toBeNull();
  });
});
