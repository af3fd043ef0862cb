import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { MAP_COMMANDS, MAP_EVENTS } from '../map/map-events';
import { mapCommandsFeature, mapEventsFeature } from '../map/map-feature';
import { useFeature } from '../session/feature-registry';
import { sitesFeature } from '../sites/sites-feature';
import { useStore } from '../state/use-store';
import { zonesFeature } from '../zones/zones-feature';

/**
 * A site and a zone to link (each optional), chosen by name from the map's data or by clicking them on the
 * map ("pick on the map": the next site or zone clicked is chosen instead of opening its panel; Escape cancels).
 */
export function PlaceSelect({
  siteId,
  zoneId,
  onChange,
}: {
  siteId: string | null;
  zoneId: string | null;
  onChange: (place: { siteId: string | null; zoneId: string | null }) => void;
}) {
  const sites = useFeature(sitesFeature);
  const zones = useFeature(zonesFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const mapEvents = useFeature(mapEventsFeature);
  const sitesState = useStore(sites);
  const zonesState = useStore(zones);
  const { t, language } = useI18n();
  const ids = { site: useId(), zone: useId(), hint: useId() };
  const owner = useId();
  const [picking, setPicking] = useState(false);
  const pickButton = useRef<HTMLButtonElement>(null);
  // The latest values for the map's events, which arrive outside rendering.
  const latest = useRef({ siteId, zoneId, onChange });
  latest.current = { siteId, zoneId, onChange };

  // A layout effect: the Escape handler is in place before the hint shows, so an Escape pressed as soon as the
  // hint is seen ends the picking, and never reaches the map screen, which would close the whole panel.
  useLayoutEffect(() => {
    if (!picking) return;
    const stop = () => {
      mapCommands.emit(MAP_COMMANDS.pickPlaceStop, { owner });
      setPicking(false);
    };
    const stops = [
      mapEvents.on(MAP_EVENTS.placePicked, (picked) => {
        if (picked.owner !== owner) return;
        const current = latest.current;
        if (picked.kind === 'zone') {
          const zone = zones.get(picked.id);
          current.onChange({ siteId: zone ? zone.properties.siteId : current.siteId, zoneId: picked.id });
        } else {
          // The zone chosen before stays only when it is this site's.
          const zone = current.zoneId ? zones.get(current.zoneId) : undefined;
          current.onChange({
            siteId: picked.id,
            zoneId: zone?.properties.siteId === picked.id ? current.zoneId : null,
          });
        }
        stop();
        pickButton.current?.focus();
      }),
      // Someone else started picking: this one has stopped.
      mapCommands.on(MAP_COMMANDS.pickPlace, (other) => other.owner !== owner && setPicking(false)),
    ];
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Escape ends the picking only, not the panel around it.
      event.preventDefault();
      stop();
      pickButton.current?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    mapCommands.emit(MAP_COMMANDS.pickPlace, { owner });
    return () => {
      stops.forEach((off) => off());
      document.removeEventListener('keydown', onKey, true);
      mapCommands.emit(MAP_COMMANDS.pickPlaceStop, { owner });
    };
  }, [picking]);
  const siteOptions = useMemo(
    () =>
      [...sitesState.sites.values()]
        .map((site) => ({ id: site.properties.id, name: site.properties.name }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [sitesState.revision, language],
  );
  const zoneOptions = useMemo(
    () =>
      [...zonesState.zones.values()]
        .filter((zone) => !siteId || zone.properties.siteId === siteId)
        .map((zone) => ({ id: zone.properties.id, name: zone.properties.name }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [zonesState.revision, siteId, language],
  );

  return (
    <div class="place-select">
      <div class="field">
        <label for={ids.site}>{t('meetings.place.site')}</label>
        <select
          id={ids.site}
          value={siteId ?? ''}
          onChange={(event) => {
            const next = event.currentTarget.value || null;
            // A zone of another site no longer fits.
            const zone = zoneId ? zones.get(zoneId) : undefined;
            onChange({ siteId: next, zoneId: next && zone?.properties.siteId !== next ? null : zoneId });
          }}
        >
          <option value="">{t('meetings.place.none')}</option>
          {siteOptions.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={ids.zone}>{t('meetings.place.zone')}</label>
        <select
          id={ids.zone}
          value={zoneId ?? ''}
          onChange={(event) => {
            const next = event.currentTarget.value || null;
            const zone = next ? zones.get(next) : undefined;
            onChange({ siteId: zone ? zone.properties.siteId : siteId, zoneId: next });
          }}
        >
          <option value="">{t('meetings.place.none')}</option>
          {zoneOptions.map((zone) => (
            <option key={zone.id} value={zone.id}>
              {zone.name}
            </option>
          ))}
        </select>
      </div>
      <div class="place-select__pick">
        <button
          ref={pickButton}
          type="button"
          class={`button${picking ? ' button--primary' : ''}`}
          aria-pressed={picking}
          aria-describedby={picking ? ids.hint : undefined}
          onClick={() => setPicking(!picking)}
        >
          {t(picking ? 'meetings.place.pickStop' : 'meetings.place.pick')}
        </button>
        {picking && (
          <p id={ids.hint} class="place-select__hint" role="status">
            {t('meetings.place.picking')}
          </p>
        )}
      </div>
    </div>
  );
}
