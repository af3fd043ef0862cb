import { SITE_TYPES } from '@samverkan/contracts';
import { useEffect, useId } from 'preact/hooks';
import { useFeature } from '../session/feature-registry';
import { Icon } from '../ui/icons';
import { useI18n } from '../i18n/use-i18n';
import { SITE_TYPE_LOOKS } from '../sites/site-types';
import { useStore } from '../state/use-store';
import { FILTERABLE_ZONE_STATES } from '../zones/zone-display';
import { ZONE_STATE_STYLES } from '../zones/zone-style';
import { mapFiltersFeature } from './map-feature';
import { SiteSwatch, ZoneSwatch } from './swatches';
import { ZonePatterns } from './zone-patterns';

/** What the map's shapes and markers mean, and the filters: each entry's checkbox shows or hides it. */
export function Legend({ onClose }: { onClose: () => void }) {
  const filters = useFeature(mapFiltersFeature);
  const { t } = useI18n();
  const state = useStore(filters);
  const headingId = useId();
  useEffect(() => new ZonePatterns(document).installSvg(), []);

  return (
    <section class="legend" aria-labelledby={headingId} data-testid="legend">
      <header class="legend__header">
        <h2 id={headingId} class="legend__title">
          {t('legend.title')}
        </h2>
        <button
          type="button"
          class="icon-button icon-button--small"
          onClick={onClose}
          aria-label={t('legend.close')}
          title={t('legend.close')}
        >
          <Icon name="close" size={18} />
        </button>
      </header>
      <fieldset class="legend__group">
        <legend>{t('legend.zones')}</legend>
        {FILTERABLE_ZONE_STATES.map((zoneState) => (
          <label key={zoneState} class="legend__item">
            <input
              type="checkbox"
              checked={state.zoneStates.has(zoneState)}
              onChange={(event) => filters.toggleZoneState(zoneState, event.currentTarget.checked)}
            />
            <ZoneSwatch state={zoneState} />
            <span class="legend__text">
              <span class="legend__label">{t(ZONE_STATE_STYLES[zoneState].label)}</span>
              <span class="legend__description">{t(ZONE_STATE_STYLES[zoneState].description)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="legend__group">
        <legend>{t('legend.sites')}</legend>
        {SITE_TYPES.map((type) => (
          <label key={type} class="legend__item">
            <input
              type="checkbox"
              checked={state.siteTypes.has(type)}
              onChange={(event) => filters.toggleSiteType(type, event.currentTarget.checked)}
            />
            <SiteSwatch type={type} />
            <span class="legend__label">{t(SITE_TYPE_LOOKS[type].label)}</span>
          </label>
        ))}
      </fieldset>
      {filters.isFiltering && (
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => filters.showAll()}
        >
          {t('legend.showAll')}
        </button>
      )}
    </section>
  );
}

/** The zone states at a glance, always in view on a wide screen; opens the full legend and filters. */
export function LegendKey({ onOpen }: { onOpen: () => void }) {
  const { t } = useI18n();
  useEffect(() => new ZonePatterns(document).installSvg(), []);
  return (
    <button
      type="button"
      class="legend-key"
      onClick={onOpen}
      aria-label={t('legend.open')}
      data-testid="legend-key"
    >
      {FILTERABLE_ZONE_STATES.map((zoneState) => (
        <span key={zoneState} class="legend-key__item">
          <ZoneSwatch state={zoneState} />
          <span>{t(ZONE_STATE_STYLES[zoneState].label)}</span>
        </span>
      ))}
    </button>
  );
}
