import { formatDistance, formatTime } from '../i18n/format';
import { defineFeature } from '../session/feature-registry';
import { zoneSnapshotFeature } from './zone-snapshot-feature';
import { browserZoneSoonPlatform, ZoneSoonStore } from './zone-soon.store';

/** "Tell me when a zone near me comes into force", worked out on the phone from the zones kept there. */
export const zoneSoonFeature = defineFeature('zone soon', ({ use, browser, storage, user, i18n, session, onDispose }) => {
  const store = new ZoneSoonStore(
    browserZoneSoonPlatform(browser),
    use(zoneSnapshotFeature),
    storage,
    user.id,
    (zone) => {
      const { language, t } = i18n;
      return {
        title: t('zoneSoon.notificationTitle', { zone: zone.name, time: formatTime(zone.startsAt, language) }),
        body: zone.inside
          ? t('zoneSoon.notificationInside', { site: zone.siteName })
          : t('zoneSoon.notificationNear', { distance: formatDistance(zone.distanceMeters, language), site: zone.siteName }),
      };
    },
  );
  onDispose(
    session.subscribe((state) => {
      if (state.status === 'signed-out') store.forgetTold();
    }),
  );
  store.start();
  return store;
});
