import { samverkanApiFeature } from '../api/api-feature';
import { defineFeature } from '../session/feature-registry';
import { firstViewFeature } from '../session/first-view';
import { SitesStore } from './sites.store';

/** The sites of the map, kept current by the server's pushes. */
export const sitesFeature = defineFeature('sites', ({ use, socket, onDispose }) => {
  const sites = new SitesStore(use(samverkanApiFeature));
  let connectedBefore = false;
  onDispose(
    socket.on('site:updated', (site) => sites.upsert(site)),
    socket.on('site:deleted', ({ id }) => sites.remove(id)),
    socket.on('resync', () => void sites.load().catch(() => undefined)),
    // Changes made while the connection was down arrived nowhere: read the sites again after a reconnect.
    socket.onConnect(() => {
      if (connectedBefore) void sites.load().catch(() => undefined);
      connectedBefore = true;
    }),
  );
  // The map's first view waits for the sites' markers alone; their details and the rest are asked for once
  // they have come (FirstView).
  const firstView = use(firstViewFeature);
  void sites.loadMarkers().catch(() => undefined).finally(() => firstView.done());
  firstView.after(() => void sites.load().catch(() => undefined));
  return sites;
});
