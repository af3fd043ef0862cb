import { samverkanApiFeature } from '../api/api-feature';
import { defineFeature } from '../session/feature-registry';
import { sitesFeature } from '../sites/sites-feature';
import { locateWithBrowser } from './geolocation';
import { withSuspendedZones } from './suspended-zones';
import { NEARBY_RADIUS_METERS, ZoneCheckStore } from './zone-check.store';
import { zoneSnapshotFeature } from './zone-snapshot-feature';
import { zonesFeature } from './zones-feature';

/** "Am I in a zone?" from the browser's position, answered on the phone from the kept zones when it can. */
export const zoneCheckFeature = defineFeature(
  'zone check',
  ({ use, browser }) => {
    const zones = use(zonesFeature);
    const sites = use(sitesFeature);
    return new ZoneCheckStore(
      use(samverkanApiFeature),
      () => locateWithBrowser(browser.navigator.geolocation),
      use(zoneSnapshotFeature),
      Date.now,
      (answer, position) =>
        withSuspendedZones(
          answer,
          zones.all,
          (siteId) => sites.get(siteId)?.properties.name ?? '',
          position,
          NEARBY_RADIUS_METERS,
        ),
    );
  },
);
