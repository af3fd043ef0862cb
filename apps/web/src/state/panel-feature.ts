import { defineFeature } from '../session/feature-registry';
import { PanelStore, WELCOME_SEEN_KEY } from './panel.store';

/** The side panel of the map: the welcome until the user has closed it once in this browser. */
export const panelFeature = defineFeature(
  'panel',
  ({ storage }) => new PanelStore(storage.get(WELCOME_SEEN_KEY) ? { kind: 'none' } : { kind: 'welcome' }),
);
