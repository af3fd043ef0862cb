import { samverkanApiFeature } from '../api/api-feature';
import { defineFeature } from '../session/feature-registry';
import { firstViewFeature } from '../session/first-view';
import { ZonesStore } from './zones.store';

/** The zones of the map, kept current by the server's pushes. */
export const zonesFeature = defineFeature('zones', ({ use, socket, onDispose }) => {
  const zones = new ZonesStore(use(samverkanApiFeature));
  let connectedBefore = false;
  onDispose(
    socket.on('zone:updated', (zone) => zones.upsert(zone)),
    socket.on('zone:deleted', ({ id }) => zones.remove(id)),
    socket.on('resync', () => void zones.load().catch(() => undefined)),
    // Changes made while the connection was down arrived nowhere: read the zones again after a reconnect.
    socket.onConnect(() => {
      if (connectedBefore) void zones.load().catch(() => undefined);
      connectedBefore = true;
    }),
  );
  use(firstViewFeature).after(() => void zones.load().catch(() => undefined));
  return zones;
});
