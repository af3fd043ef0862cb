import { useId, useMemo } from 'preact/hooks';
import { useWorkspace } from '../app/workspace';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';

/** A site and a zone to link (each optional), chosen by name from the map's data. */
export function PlaceSelect({
  siteId,
  zoneId,
  onChange,
}: {
  siteId: string | null;
  zoneId: string | null;
  onChange: (place: { siteId: string | null; zoneId: string | null }) => void;
}) {
  const { sites, zones } = useWorkspace();
  const sitesState = useStore(sites);
  const zonesState = useStore(zones);
  const { t, language } = useI18n();
  const ids = { site: useId(), zone: useId() };
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
    </div>
  );
}
