import { useEffect, useState } from 'preact/hooks';
import { useFeature } from '../session/feature-registry';
import { Icon } from '../ui/icons';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { MAP_EVENTS } from './map-events';
import { clientConfigFeature, mapEventsFeature } from './map-feature';

/**
 * What the map wants the user to know about the map itself (the base map is missing). A band above the map,
 * never over it, so it covers no button and no position; each notice can be closed.
 */
export function MapNotices() {
  const mapEvents = useFeature(mapEventsFeature);
  const clientConfig = useFeature(clientConfigFeature);
  const { t } = useI18n();
  const config = useStore(clientConfig);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<MessageKey>>(new Set());

  useEffect(() => {
    const stops = [
      mapEvents.on(MAP_EVENTS.tilesFailed, () => setTilesFailed(true)),
      // Tiles that come back and fail again are news again: a closed notice may show once more.
      mapEvents.on(MAP_EVENTS.tilesLoaded, () => {
        setTilesFailed(false);
        setDismissed((keys) => new Set([...keys].filter((key) => key !== 'map.tilesFailed')));
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  const shown: MessageKey[] = [
    ...(config.status === 'failed' ? (['map.noBaseMap'] as const) : []),
    // Without settings there is no base map to fail: the first notice already says so.
    ...(tilesFailed && config.status !== 'failed' ? (['map.tilesFailed'] as const) : []),
  ].filter((key) => !dismissed.has(key));

  // The live region is always there (empty, it takes no room): a status added with its region is often not read.
  return (
    <div class="map-notices" role="status">
      {shown.map((key) => (
        <div key={key} class="map-notice" data-testid="map-notice">
          <p class="map-notice__text">{t(key)}</p>
          <button
            type="button"
            class="icon-button icon-button--small map-notice__close"
            onClick={() => setDismissed((keys) => new Set([...keys, key]))}
            aria-label={t('map.notice.close')}
            title={t('map.notice.close')}
          >
            <Icon name="close" size={18} />
          </button>
        </div>
      ))}
    </div>
  );
}
