import { defineFeature } from '../session/feature-registry';
import { firstViewFeature } from '../session/first-view';
import { openKeyValueDatabase } from '../state/idb-key-value';
import { snapshotFetcher } from './zone-snapshot.api';
import { ZoneSnapshotStore } from './zone-snapshot.store';

/** How often the timer looks whether the 15 minutes are up (a phone asleep skips ticks; the next one catches up). */
const TICK_MS = 60_000;

/** The zones kept on the phone for the check, refreshed on start, reconnect, zone changes and every 15 minutes. */
export const zoneSnapshotFeature = defineFeature('zone snapshot', ({ browser, session, user, socket, use, onDispose }) => {
  const snapshots = new ZoneSnapshotStore(
    openKeyValueDatabase(browser.indexedDB),
    snapshotFetcher((...args) => browser.fetch(...args), session),
    user.id,
  );
  const refresh = () => void snapshots.refresh();
  let connectedBefore = false;
  const timer = browser.setInterval(() => void snapshots.refreshIfDue(), TICK_MS);
  onDispose(
    () => browser.clearInterval(timer),
    socket.on('zone:updated', refresh),
    socket.on('zone:deleted', refresh),
    socket.on('resync', refresh),
    socket.onConnect(() => {
      if (connectedBefore) refresh();
      connectedBefore = true;
    }),
    // The copy is the signed-in user's: it goes when they sign out, not when the app is closed.
    session.subscribe((state) => {
      if (state.status === 'signed-out') void snapshots.clear();
    }),
  );
  use(firstViewFeature).after(refresh);
  return snapshots;
});
