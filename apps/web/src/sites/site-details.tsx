import { manageSitesProblem, type AuditEvent } from '@samverkan/contracts';
import { describeSchedule, openingState } from '@samverkan/geo';
import { telUri } from '@samverkan/text';
import { useEffect, useState } from 'preact/hooks';
import { samverkanApiFeature } from '../api/api-feature';
import { chatFeature } from '../chat/chat-feature';
import { mapCommandsFeature } from '../map/map-feature';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { AuditTrail } from '../ui/audit-trail';
import { Icon } from '../ui/icons';
import { PanelFrame } from '../ui/panel-frame';
import { useI18n } from '../i18n/use-i18n';
import { ZoneSwatch } from '../map/swatches';
import { MAP_COMMANDS } from '../map/map-events';
import { useStore } from '../state/use-store';
import { listStatusText } from '../zones/approval-status';
import { displayStateOf } from '../zones/zone-display';
import { canManageZonesOf } from '../zones/zone-permissions';
import { ZONE_STATE_STYLES } from '../zones/zone-style';
import { zonesFeature } from '../zones/zones-feature';
import { SiteDeleteDialog } from './site-delete-dialog';
import { openingSentence } from './site-opening-text';
import { SITE_TYPE_LOOKS } from './site-types';
import { PlaceReports } from '../reports/place-reports';
import { sitesFeature } from './sites-feature';

/** A site: what and where it is, its hours, its zones, its channel and its audit trail. */
export function SiteDetails({ siteId }: { siteId: string }) {
  const { user } = useSessionBase();
  const sites = useFeature(sitesFeature);
  const zones = useFeature(zonesFeature);
  const chat = useFeature(chatFeature);
  const directory = useFeature(directoryFeature);
  const panel = useFeature(panelFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const { t, language } = useI18n();
  const sitesState = useStore(sites);
  const zonesState = useStore(zones);
  useStore(chat);
  useStore(directory);
  const site = sitesState.sites.get(siteId);
  const [deleting, setDeleting] = useState(false);

  if (!site) {
    return (
      <PanelFrame title={t('site.title')} onClose={() => panel.close()}>
        {sitesState.status === 'loading' ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <p>{t('site.gone')}</p>
        )}
      </PanelFrame>
    );
  }
  const p = site.properties;
  const siteZones = [...zonesState.zones.values()].filter((zone) => zone.properties.siteId === siteId);
  const channel = chat.channelFor('site', siteId);
  const now = new Date();
  // The list carries no opening state: worked out here, for now, by the rule the api uses.
  const opening = openingState(p.openingSchedule ?? null, now);

  return (
    <PanelFrame
      title={p.name}
      subtitle={t(SITE_TYPE_LOOKS[p.type].label)}
      onClose={() => panel.close()}
      testId="site-details"
    >
      <dl class="facts">
        <dt>{t('site.organisation')}</dt>
        <dd>{directory.organisationName(p.organisationId) ?? '–'}</dd>
        <dt>{t('site.address')}</dt>
        <dd>{p.address || '–'}</dd>
        {p.phone && (
          <>
            <dt>{t('site.phone')}</dt>
            <dd>
              <a href={telUri(p.phone)} data-testid="site-phone">
                {p.phone}
              </a>
            </dd>
          </>
        )}
        <dt>{t('site.openingHours')}</dt>
        <dd>
          {p.openingSchedule && (
            <span class="block" data-testid="site-schedule">
              {describeSchedule(p.openingSchedule, language).join('; ')}
            </span>
          )}
          {(p.openingHours || !p.openingSchedule) && (
            <span class="preserve-lines">{p.openingHours || '–'}</span>
          )}
          {opening.openNow !== null && (
            <span
              class={`open-state open-state--${opening.openNow ? 'open' : 'closed'}`}
              data-testid="site-open-now"
            >
              {openingSentence(
                opening.openNow ? { kind: 'open', until: opening.closesAt } : { kind: 'closed', opensAt: opening.nextOpenAt },
                now,
                language,
                t,
              )}
            </span>
          )}
        </dd>
        {p.description && (
          <>
            <dt>{t('site.description')}</dt>
            <dd class="preserve-lines">{p.description}</dd>
          </>
        )}
      </dl>

      <div class="action-row">
        {channel && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => panel.open({ kind: 'messages', channelId: channel.id })}
          >
            <Icon name="messages" />
            {t('site.openChannel')}
          </button>
        )}
        <button
          type="button"
          class="button button--secondary"
          onClick={() => mapCommands.emit(MAP_COMMANDS.focusSite, { siteId })}
        >
          <Icon name="map" />
          {t('site.showOnMap')}
        </button>
        {canManageZonesOf(user, p.organisationId) && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => panel.open({ kind: 'zone-form', mode: 'create', siteId })}
          >
            <Icon name="plus" />
            {t('site.proposeZone')}
          </button>
        )}
      </div>
      {manageSitesProblem(user, p.organisationId) === null && (
        <div class="action-row" data-testid="site-manage">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => panel.open({ kind: 'site-form', mode: 'edit', siteId })}
          >
            {t('siteManage.edit')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => panel.open({ kind: 'site-move', siteId })}
          >
            {t('siteManage.move')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setDeleting(true)}>
            {t('siteManage.delete')}
          </button>
        </div>
      )}
      {deleting && <SiteDeleteDialog site={site} onClose={() => setDeleting(false)} />}

      <h3 class="section-title">{t('site.zones')}</h3>
      {siteZones.length === 0 ? (
        <p>{t('site.noZones')}</p>
      ) : (
        <ul class="feature-list">
          {siteZones.map((zone) => {
            const state = displayStateOf(zone.properties);
            return (
              <li key={zone.properties.id}>
                <button
                  type="button"
                  class="feature-list__item"
                  onClick={() => panel.open({ kind: 'zone', zoneId: zone.properties.id })}
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
            );
          })}
        </ul>
      )}
      {/* The field reports about this site and the "Report" button. */}
      <PlaceReports siteId={siteId} />
      <SiteHistory siteId={siteId} version={p.version} />
    </PanelFrame>
  );
}

function SiteHistory({ siteId, version }: { siteId: string; version: number }) {
  const api = useFeature(samverkanApiFeature);
  const directory = useFeature(directoryFeature);
  useStore(directory);
  const { t } = useI18n();
  const [events, setEvents] = useState<AuditEvent[] | null | 'error'>(null);
  useEffect(() => {
    let current = true;
    api.audit.list('site', siteId).then(
      (loaded) => current && setEvents(loaded),
      () => current && setEvents('error'),
    );
    return () => {
      current = false;
    };
  }, [siteId, version]);
  return (
    <details class="disclosure">
      <summary>{t('site.history')}</summary>
      {events === null && <p role="status">{t('common.loading')}</p>}
      {events === 'error' && <p class="form-error">{t('site.historyFailed')}</p>}
      {Array.isArray(events) && <AuditTrail events={events} personName={(id) => directory.personName(id)} />}
    </details>
  );
}
