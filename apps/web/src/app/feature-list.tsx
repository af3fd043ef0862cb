import { reviewDateOf, type ZoneFeature } from '@samverkan/contracts';
import { formatDate, stockholmDay } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { MAP_COMMANDS } from '../map/map-events';
import { mapCommandsFeature } from '../map/map-feature';
import { SiteSwatch, ZoneSwatch } from '../map/swatches';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { SITE_TYPE_LOOKS } from '../sites/site-types';
import { sitesFeature } from '../sites/sites-feature';
import { panelFeature } from '../state/panel-feature';
import { useStore } from '../state/use-store';
import { PanelFrame } from '../ui/panel-frame';
import { listStatusText } from '../zones/approval-status';
import { displayStateOf, STATE_ORDER } from '../zones/zone-display';
import { zoneQueues } from '../zones/zone-queues';
import { ZONE_STATE_STYLES } from '../zones/zone-style';
import { zonesFeature } from '../zones/zones-feature';

/** Every zone and site as a list: the keyboard and screen reader way into the map, and a quick overview. */
export function FeatureList() {
  const zones = useFeature(zonesFeature);
  const sites = useFeature(sitesFeature);
  const panel = useFeature(panelFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  const zonesState = useStore(zones);
  const sitesState = useStore(sites);
  useStore(directory);
  const now = new Date();

  const zoneList = [...zonesState.zones.values()]
    .map((zone) => ({ zone, state: displayStateOf(zone.properties) }))
    .sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        a.zone.properties.name.localeCompare(b.zone.properties.name, language),
    );
  const { user } = useSessionBase();
  const queues = zoneQueues(zonesState.zones.values(), user, stockholmDay(now));
  const open = (zone: ZoneFeature) => {
    panel.open({ kind: 'zone', zoneId: zone.properties.id });
    mapCommands.emit(MAP_COMMANDS.focusZone, { zoneId: zone.properties.id });
  };
  const queue = (title: string, zones: ZoneFeature[], testId: string, detail: (zone: ZoneFeature) => string) =>
    zones.length > 0 && (
      <>
        <h3 class="section-title">{title}</h3>
        <ul class="feature-list" data-testid={testId}>
          {zones.map((zone) => (
            <li key={zone.properties.id}>
              <button type="button" class="feature-list__item" onClick={() => open(zone)}>
                <ZoneSwatch state={displayStateOf(zone.properties)} />
                <span class="feature-list__text">
                  <span class="feature-list__name">{zone.properties.name}</span>
                  <span class="feature-list__detail">{detail(zone)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  const siteList = [...sitesState.sites.values()].sort((a, b) =>
    a.properties.name.localeCompare(b.properties.name, language),
  );

  return (
    <PanelFrame title={t('list.title')} onClose={() => panel.close()} testId="feature-list">
      {queue(t('queues.awaiting', { count: queues.awaiting.length }), queues.awaiting, 'awaiting-signature-list', (zone) =>
        t('zone.versionShort', { version: zone.properties.version }),
      )}
      {queue(t('queues.reviewDue', { count: queues.reviewDue.length }), queues.reviewDue, 'review-due-list', (zone) =>
        t('zone.reviewBy', { date: formatDate(`${reviewDateOf(zone.properties)}T12:00:00Z`, language) }),
      )}
      <h3 class="section-title">{t('list.zones', { count: zoneList.length })}</h3>
      {zonesState.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {zonesState.status === 'error' && <p class="form-error">{t('list.zonesFailed')}</p>}
      {zonesState.status === 'ready' && zoneList.length === 0 && <p>{t('list.noZones')}</p>}
      <ul class="feature-list">
        {zoneList.map(({ zone, state }) => (
          <li key={zone.properties.id}>
            <button
              type="button"
              class="feature-list__item"
              data-testid="zone-list-item"
              data-zone-id={zone.properties.id}
              data-zone-state={state}
              onClick={() => {
                panel.open({ kind: 'zone', zoneId: zone.properties.id });
                mapCommands.emit(MAP_COMMANDS.focusZone, { zoneId: zone.properties.id });
              }}
            >
              <ZoneSwatch state={state} />
              <span class="feature-list__text">
                <span class="feature-list__name">{zone.properties.name}</span>
                <span class="feature-list__detail">
                  {t(ZONE_STATE_STYLES[state].label)} ·{' '}
                  {listStatusText(
                    state,
                    zone.properties,
                    (id) => directory.organisationName(id),
                    now,
                    language,
                    t,
                  )}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h3 class="section-title">{t('list.sites', { count: siteList.length })}</h3>
      {/* The map shows every site's marker before the details come (SitesStore): this list waits for them. */}
      {sitesState.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {sitesState.status === 'error' && <p class="form-error">{t('list.sitesFailed')}</p>}
      <ul class="feature-list">
        {siteList.map((site) => (
          <li key={site.properties.id}>
            <button
              type="button"
              class="feature-list__item"
              onClick={() => {
                panel.open({ kind: 'site', siteId: site.properties.id });
                mapCommands.emit(MAP_COMMANDS.focusSite, { siteId: site.properties.id });
              }}
            >
              <SiteSwatch type={site.properties.type} />
              <span class="feature-list__text">
                <span class="feature-list__name">{site.properties.name}</span>
                <span class="feature-list__detail">{t(SITE_TYPE_LOOKS[site.properties.type].label)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </PanelFrame>
  );
}
