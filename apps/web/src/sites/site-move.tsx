import type { ListedSite } from '@samverkan/contracts';
import { useEffect, useState } from 'preact/hooks';
import { samverkanApiFeature } from '../api/api-feature';
import { mapCommandsFeature, mapEventsFeature } from '../map/map-feature';
import { useFeature } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { Dialog } from '../ui/dialog';
import { PanelFrame } from '../ui/panel-frame';
import { useI18n } from '../i18n/use-i18n';
import { MAP_COMMANDS, MAP_EVENTS } from '../map/map-events';
import { useMapReadyCount } from '../map/use-map-ready';
import { useStore } from '../state/use-store';
import { isStaleSite, siteErrorText } from './site-errors';
import { sitesFeature } from './sites-feature';

type Place = { lat: number; lng: number };

const placeOf = (site: ListedSite): Place => ({
  lat: site.geometry.coordinates[1],
  lng: site.geometry.coordinates[0],
});

const rounded = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/**
 * Moving a site: its marker is dragged (or the map clicked) to the new place, and nothing is saved until the
 * user confirms "Move X here?". Cancelling puts the marker back. A stale version (someone else changed the
 * site) reloads it and says so; the api's other refusals (zones that would be left too far) are explained.
 */
export function SiteMove({ siteId }: { siteId: string }) {
  const api = useFeature(samverkanApiFeature);
  const sites = useFeature(sitesFeature);
  const panel = useFeature(panelFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const mapEvents = useFeature(mapEventsFeature);
  const { t, language } = useI18n();
  const sitesState = useStore(sites);
  const site = sitesState.sites.get(siteId);
  const mapReadyCount = useMapReadyCount();
  // The version the move starts from: a change saved meanwhile by someone else makes the move stale (409).
  const [baseVersion, setBaseVersion] = useState(site?.properties.version ?? 0);
  const [pending, setPending] = useState<Place | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'warning' } | null>(null);

  useEffect(() => {
    if (site) mapCommands.emit(MAP_COMMANDS.placeStart, { siteId, location: placeOf(site) });
  }, [mapReadyCount, site === undefined]);

  useEffect(() => {
    const stop = mapEvents.on(MAP_EVENTS.sitePlaced, (place) => {
      setMessage(null);
      setPending(place);
    });
    return () => {
      stop();
      mapCommands.emit(MAP_COMMANDS.placeStop, {});
    };
  }, []);

  const back = () => panel.open({ kind: 'site', siteId });

  if (!site) {
    return (
      <PanelFrame title={t('site.title')} onClose={() => panel.close()}>
        <p>{sitesState.status === 'loading' ? t('common.loading') : t('site.gone')}</p>
      </PanelFrame>
    );
  }

  const putBack = (to: ListedSite = site) => {
    setPending(null);
    mapCommands.emit(MAP_COMMANDS.placeAt, placeOf(to));
  };

  const confirm = async () => {
    if (!pending || busy) return;
    setBusy(true);
    try {
      const moved = await api.sites.update(siteId, {
        version: baseVersion,
        location: { type: 'Point', coordinates: [rounded(pending.lng), rounded(pending.lat)] },
      });
      sites.upsert(moved);
      back();
    } catch (caught) {
      setBusy(false);
      if (isStaleSite(caught)) {
        try {
          const fresh = await api.sites.get(siteId);
          sites.upsert(fresh);
          setBaseVersion(fresh.properties.version);
          putBack(fresh);
          setMessage({ text: t('siteMove.stale'), kind: 'warning' });
        } catch (reloadFailed) {
          putBack();
          setMessage({ text: siteErrorText(reloadFailed, t, language), kind: 'error' });
        }
        return;
      }
      putBack();
      setMessage({ text: siteErrorText(caught, t, language), kind: 'error' });
    }
  };

  return (
    <PanelFrame title={t('siteMove.title', { name: site.properties.name })} onClose={back} testId="site-move">
      <p data-testid="site-move-hint">{t('siteMove.hint')}</p>
      <div
        role="alert"
        class={
          message
            ? message.kind === 'error'
              ? 'form-error'
              : 'notice notice--warning'
            : 'form-error form-error--empty'
        }
        data-testid="site-move-message"
      >
        {message?.text}
      </div>
      <button
        type="button"
        class="button button--secondary button--small"
        onClick={() => mapCommands.emit(MAP_COMMANDS.placeAtCentre, {})}
      >
        {t('siteMove.toCentre')}
      </button>
      <div class="form-actions">
        <button type="button" class="button button--secondary" onClick={back}>
          {t('siteMove.done')}
        </button>
      </div>
      {pending && (
        <Dialog title={t('siteMove.confirmTitle', { name: site.properties.name })} onClose={() => putBack()}>
          <div data-testid="site-move-dialog">
            <p>{t('siteMove.confirmLead')}</p>
            <div class="dialog__actions">
              <button type="button" class="button button--secondary" onClick={() => putBack()}>
                {t('siteMove.cancel')}
              </button>
              <button type="button" class="button button--primary" aria-busy={busy} onClick={confirm}>
                {busy && <span class="spinner" aria-hidden="true" />}
                {t('siteMove.confirm')}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </PanelFrame>
  );
}
