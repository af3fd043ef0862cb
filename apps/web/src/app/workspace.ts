import type { ClientConfig, User } from '@samverkan/contracts';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createSamverkanApi, type SamverkanApi } from '../api/samverkan-api';
import { SocketClient } from '../api/socket-client';
import { ChatStore } from '../chat/chat.store';
import { MapFilters } from '../map/map-filters';
import type { MapCommands, MapEvents } from '../map/map-events';
import { SitesStore } from '../sites/sites.store';
import { Emitter } from '../state/emitter';
import { WritableStore } from '../state/store';
import { ZoneCheckStore } from '../zones/zone-check.store';
import { ZonesStore } from '../zones/zones.store';
import { DirectoryStore } from './directory.store';
import { locateWithBrowser } from './geolocation';
import { PanelStore, WELCOME_SEEN_KEY } from './panel.store';
import type { Services } from './services';

export type ClientConfigState =
  { status: 'loading' } | { status: 'ready'; config: ClientConfig } | { status: 'failed' };

/** Everything that lives while one user is signed in: the api, the live connection and the shared data. */
export interface Workspace {
  user: User;
  api: SamverkanApi;
  socket: SocketClient;
  zones: ZonesStore;
  sites: SitesStore;
  chat: ChatStore;
  directory: DirectoryStore;
  check: ZoneCheckStore;
  filters: MapFilters;
  panel: PanelStore;
  clientConfig: WritableStore<ClientConfigState>;
  /** The app steering the map (focus a zone or site, show the position, drawing). */
  mapCommands: Emitter<MapCommands>;
  /** What the user does on the map (MapView emits them). */
  mapEvents: Emitter<MapEvents>;
  dispose(): void;
}

/** How long to wait before connecting again after the server refused the connection but the session is good. */
const RECONNECT_AFTER_REFUSAL_MS = 2000;

export function createWorkspace(services: Services, user: User, browser: Window): Workspace {
  const api = createSamverkanApi(services.apiFetch);
  let disposed = false;
  let refusalTimer: ReturnType<typeof setTimeout> | null = null;

  const socket = new SocketClient({
    token: () => services.session.token,
    // A refused or ended connection may mean the session is over: /api/auth/me tells (a 401 signs out).
    unauthorized: () => {
      if (refusalTimer || disposed) return;
      refusalTimer = setTimeout(() => {
        refusalTimer = null;
        services.apiFetch('/api/auth/me').then(
          () => !disposed && socket.reconnect(),
          () => !disposed && socket.reconnect(),
        );
      }, RECONNECT_AFTER_REFUSAL_MS);
    },
  });
  const pageVisible = () => browser.document.visibilityState === 'visible';

  const workspace: Workspace = {
    user,
    api,
    socket,
    zones: new ZonesStore(api),
    sites: new SitesStore(api),
    chat: new ChatStore(api, socket, services.storage, user.id, pageVisible),
    directory: new DirectoryStore(api),
    check: new ZoneCheckStore(api, () => locateWithBrowser(browser.navigator.geolocation)),
    filters: new MapFilters(services.storage),
    panel: new PanelStore(services.storage.get(WELCOME_SEEN_KEY) ? { kind: 'none' } : { kind: 'welcome' }),
    clientConfig: new WritableStore<ClientConfigState>({ status: 'loading' }),
    mapCommands: new Emitter<MapCommands>(),
    mapEvents: new Emitter<MapEvents>(),
    dispose: () => {
      disposed = true;
      if (refusalTimer) clearTimeout(refusalTimer);
      unsubscribe.forEach((stop) => stop());
      workspace.chat.dispose();
      workspace.zones.dispose();
      workspace.sites.dispose();
      workspace.mapCommands.clear();
      workspace.mapEvents.clear();
      socket.close();
    },
  };

  const { zones, sites, chat, directory } = workspace;
  let connectedBefore = false;
  const onVisibility = () => pageVisible() && chat.pageShown();
  browser.document.addEventListener('visibilitychange', onVisibility);
  const unsubscribe = [
    socket.on('zone:updated', (zone) => zones.upsert(zone)),
    socket.on('zone:deleted', ({ id }) => zones.remove(id)),
    socket.on('site:updated', (site) => sites.upsert(site)),
    socket.on('site:deleted', ({ id }) => sites.remove(id)),
    socket.on('resync', () => void Promise.allSettled([zones.load(), sites.load()])),
    // Changes made while the connection was down arrived nowhere: read the map again after a reconnect.
    socket.onConnect(() => {
      if (connectedBefore) void Promise.allSettled([zones.load(), sites.load()]);
      connectedBefore = true;
    }),
    () => browser.document.removeEventListener('visibilitychange', onVisibility),
  ];

  void api.clientConfig().then(
    (config) => workspace.clientConfig.set({ status: 'ready', config }),
    () => workspace.clientConfig.set({ status: 'failed' }),
  );
  void zones.load().catch(() => undefined);
  void sites.load().catch(() => undefined);
  void directory.load().catch(() => undefined);
  chat.start();
  socket.connect();
  return workspace;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() outside <WorkspaceContext.Provider>');
  return workspace;
}
