import { canCreateSites } from '@samverkan/contracts';
import { useEffect, useState } from 'preact/hooks';
import { chatFeature } from '../chat/chat-feature';
import { useI18n } from '../i18n/use-i18n';
import { DrawingToolsGate } from '../map/drawing-tools-gate';
import { Legend, LegendKey } from '../map/legend';
import { MapCanvas } from '../map/map-canvas';
import { MapNotices } from '../map/map-notices';
import { NaloxoneMapButton } from '../naloxone/naloxone-entry';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { stockholmDay } from '../i18n/format';
import { zoneQueues } from '../zones/zone-queues';
import { zonesFeature } from '../zones/zones-feature';
import { panelFeature } from '../state/panel-feature';
import { drawsOnMap } from '../state/panel.store';
import { useStore } from '../state/use-store';
import { Icon } from '../ui/icons';
import { CheckControl } from '../zones/check-control';
import { zoneCheckFeature } from '../zones/zone-check-feature';
import { canProposeZones } from '../zones/zone-permissions';
import { SidePanel } from './side-panel';

/** Where the side panel becomes a sheet over the map: map.css's phone layout. */
const SHEET_LAYOUT_QUERY = '(max-width: 47.99rem)';

/**
 * The map with its toolbar, legend and the zone check; the side panel beside it (over it on a phone).
 * `offerCheck` false leaves the check out: in a meeting room the map is shared, and a position must not be.
 */
export function MapScreen({ offerCheck = true }: { offerCheck?: boolean }) {
  const { user } = useSessionBase();
  const panel = useFeature(panelFeature);
  const chat = useFeature(chatFeature);
  const check = useFeature(zoneCheckFeature);
  const { t } = useI18n();
  const current = useStore(panel);
  useStore(chat);
  const zones = useFeature(zonesFeature);
  const zonesState = useStore(zones);
  const awaiting = zoneQueues(zonesState.zones.values(), user, stockholmDay(new Date())).awaiting.length;
  const [legendOpen, setLegendOpen] = useState(false);

  // On a phone the check waits above the welcome sheet, but its answer needs the map's lower part: a user who
  // starts a check has turned to the map, so the welcome steps aside (not marked read: it comes back next time).
  useEffect(
    () =>
      check.subscribe((state) => {
        const sheet = window.matchMedia(SHEET_LAYOUT_QUERY).matches;
        if (state.status === 'locating' && sheet && panel.value.kind === 'welcome') panel.close();
      }),
    [],
  );
  const unread = chat.unreadTotal;
  const open = current.kind !== 'none';

  return (
    <div class={`map-screen${open ? ' map-screen--panel-open' : ''} map-screen--${current.kind}`}>
      <h1 class="visually-hidden">{t('map.heading')}</h1>
      <MapNotices />
      <div class="map-screen__map">
        {/* In the Tab order the check and the naloxone guide come first, the map with its markers last. */}
        {offerCheck && !drawsOnMap(current) && <CheckControl />}
        {/* One tap to the naloxone guide: an officer may need it at once. */}
        {!drawsOnMap(current) && (
          <div class="map-screen__naloxone">
            <NaloxoneMapButton />
          </div>
        )}
        <div class="map-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          <button
            type="button"
            class="map-toolbar__button"
            aria-pressed={current.kind === 'messages'}
            onClick={() =>
              current.kind === 'messages' ? panel.close() : panel.open({ kind: 'messages', channelId: null })
            }
            data-testid="messages-button"
          >
            <Icon name="messages" />
            {/* Only one of the two shows (the other is display: none, so it is not read out either). */}
            <span class="map-toolbar__text map-toolbar__text--wide">{t('toolbar.messages')}</span>
            <span class="map-toolbar__text map-toolbar__text--narrow">{t('toolbar.messagesShort')}</span>
            {unread > 0 && (
              <span class="count-badge" data-testid="unread-total">
                {unread}
                <span class="visually-hidden"> {t('chat.unread')}</span>
              </span>
            )}
          </button>
          <button
            type="button"
            class="map-toolbar__button"
            aria-pressed={current.kind === 'list'}
            aria-describedby={awaiting > 0 ? 'awaiting-signature-description' : undefined}
            onClick={() => (current.kind === 'list' ? panel.close() : panel.open({ kind: 'list' }))}
          >
            <Icon name="list" />
            <span class="map-toolbar__text">{t('toolbar.list')}</span>
            {/* The count is told as a description, so the button keeps its name ("List"). */}
            {awaiting > 0 && (
              <span class="count-badge" data-testid="awaiting-signature-count" aria-hidden="true">
                {awaiting}
              </span>
            )}
          </button>
          <span id="awaiting-signature-description" class="visually-hidden">
            {awaiting > 0 ? t('queues.awaitingCount', { count: awaiting }) : ''}
          </span>
          <button
            type="button"
            class="map-toolbar__button"
            aria-pressed={legendOpen}
            onClick={() => setLegendOpen(!legendOpen)}
          >
            <Icon name="legend" />
            <span class="map-toolbar__text">{t('toolbar.legend')}</span>
          </button>
          {canCreateSites(user) && (
            <button
              type="button"
              class="map-toolbar__button"
              aria-pressed={current.kind === 'site-form' && current.mode === 'create'}
              onClick={() => panel.open({ kind: 'site-form', mode: 'create' })}
            >
              <Icon name="plus" />
              <span class="map-toolbar__text map-toolbar__text--wide">{t('siteMap.newSite')}</span>
              <span class="map-toolbar__text map-toolbar__text--narrow">{t('siteMap.newSiteShort')}</span>
            </button>
          )}
          {canProposeZones(user) && (
            <button
              type="button"
              class="map-toolbar__button"
              aria-pressed={current.kind === 'zone-form' && current.mode === 'create'}
              onClick={() => panel.open({ kind: 'zone-form', mode: 'create', siteId: null })}
            >
              <Icon name="plus" />
              <span class="map-toolbar__text">{t('toolbar.newZone')}</span>
            </button>
          )}
        </div>
        {legendOpen ? (
          <Legend onClose={() => setLegendOpen(false)} />
        ) : (
          <LegendKey onOpen={() => setLegendOpen(true)} />
        )}
        {canProposeZones(user) ? (
          <DrawingToolsGate>
            <MapCanvas />
          </DrawingToolsGate>
        ) : (
          <MapCanvas />
        )}
      </div>
      {open && (
        <aside
          class="map-screen__panel"
          aria-label={t('panel.label')}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.defaultPrevented && !drawsOnMap(current)) panel.close();
          }}
        >
          <SidePanel panel={current} />
        </aside>
      )}
    </div>
  );
}
