import type { User } from '@samverkan/contracts';
import { SocketClient } from '../api/socket-client';
import { chatFeature } from '../chat/chat-feature';
import { clientConfigFeature } from '../map/map-feature';
import { directoryFeature } from '../people/directory-feature';
import type { FeatureRegistry } from '../session/feature-registry';
import { sitesFeature } from '../sites/sites-feature';
import { zoneSoonFeature } from '../zones/zone-soon-feature';
import { zonesFeature } from '../zones/zones-feature';

/** How long to wait before connecting again after the server refused the connection but the session is good. */
const RECONNECT_AFTER_REFUSAL_MS = 2000;

export interface SignedInSession {
  registry: FeatureRegistry;
  dispose(): void;
}

/** Everything that lives while one user is signed in: the live connection and the features' stores. */
export function createSignedInSession(app: FeatureRegistry, user: User): SignedInSession {
  const { session, apiFetch } = app.base;
  let disposed = false;
  let refusalTimer: ReturnType<typeof setTimeout> | null = null;

  const socket = new SocketClient({
    token: () => session.token,
    // A refused or ended connection may mean the session is over: /api/auth/me tells (a 401 signs out).
    unauthorized: () => {
      if (refusalTimer || disposed) return;
      refusalTimer = setTimeout(() => {
        refusalTimer = null;
        apiFetch('/api/auth/me').then(
          () => !disposed && socket.reconnect(),
          () => !disposed && socket.reconnect(),
        );
      }, RECONNECT_AFTER_REFUSAL_MS);
    },
  });
  const registry = app.forSession(user, socket);

  // What every page needs from the start (the map's data, names, alerts) is made now, before the connection
  // opens, so the first pushes and the first connect reach it; the rest is made when a view first asks.
  registry.get(clientConfigFeature);
  registry.get(zonesFeature);
  registry.get(sitesFeature);
  registry.get(directoryFeature);
  registry.get(chatFeature);
  // The phone's watch for zones coming into force, when this user left it on: it runs while the app is open.
  registry.get(zoneSoonFeature);
  socket.connect();

  return {
    registry,
    dispose: () => {
      disposed = true;
      if (refusalTimer) clearTimeout(refusalTimer);
      registry.dispose();
      socket.close();
    },
  };
}
