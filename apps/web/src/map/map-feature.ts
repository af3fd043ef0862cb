import type { ClientConfig } from '@samverkan/contracts';
import { samverkanApiFeature } from '../api/api-feature';
import { defineFeature } from '../session/feature-registry';
import { Emitter } from '../state/emitter';
import { WritableStore } from '../state/store';
import type { MapCommands, MapEvents } from './map-events';
import { MapFilters } from './map-filters';

export type ClientConfigState =
  { status: 'loading' } | { status: 'ready'; config: ClientConfig } | { status: 'failed' };

/** The server's settings for the map (tiles and their attribution), read once at sign-in. */
export const clientConfigFeature = defineFeature('client config', ({ use }) => {
  const clientConfig = new WritableStore<ClientConfigState>({ status: 'loading' });
  void use(samverkanApiFeature)
    .clientConfig()
    .then(
      (config) => clientConfig.set({ status: 'ready', config }),
      () => clientConfig.set({ status: 'failed' }),
    );
  return clientConfig;
});

/** Which kinds of zones and sites the map shows, remembered in this browser. */
export const mapFiltersFeature = defineFeature('map filters', ({ storage }) => new MapFilters(storage));

/** The app steering the map (focus a zone or site, show the position, drawing). */
export const mapCommandsFeature = defineFeature('map commands', ({ onDispose }) => {
  const commands = new Emitter<MapCommands>();
  onDispose(() => commands.clear());
  return commands;
});

/** What the user does on the map (MapView emits them). */
export const mapEventsFeature = defineFeature('map events', ({ onDispose }) => {
  const events = new Emitter<MapEvents>();
  onDispose(() => events.clear());
  return events;
});
