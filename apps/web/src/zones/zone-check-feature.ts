import { samverkanApiFeature } from '../api/api-feature';
import { defineFeature } from '../session/feature-registry';
import { locateWithBrowser } from './geolocation';
import { ZoneCheckStore } from './zone-check.store';
import { zoneSnapshotFeature } from './zone-snapshot-feature';

/** "Am I in a zone?" from the browser's position, answered on the phone from the kept zones when it can. */
export const zoneCheckFeature = defineFeature(
  'zone check',
  ({ use, browser }) =>
    new ZoneCheckStore(
      use(samverkanApiFeature),
      () => locateWithBrowser(browser.navigator.geolocation),
      use(zoneSnapshotFeature),
    ),
);
