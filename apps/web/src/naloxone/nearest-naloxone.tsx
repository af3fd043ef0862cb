import { telUri } from '@samverkan/text';
import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, formatDistance } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import type { Translate } from '../i18n/i18n';
import type { Language } from '../i18n/dictionary';
import { useFeature } from '../session/feature-registry';
import { openingSentence } from '../sites/site-opening-text';
import { useStore } from '../state/use-store';
import { locateWithBrowser } from '../zones/geolocation';
import { LocateError, type LocateFailure } from '../zones/zone-check.store';
import type { LngLat } from '../zones/geo-math';
import { naloxoneFeature } from './naloxone-feature';
import { directionsUrl, nearestSites, type Opening } from './nearest-sites';
import './naloxone.css';

const LOCATE_FAILURE = {
  denied: 'naloxone.nearest.locate.denied',
  unavailable: 'naloxone.nearest.locate.unavailable',
  timeout: 'naloxone.nearest.locate.timeout',
  unsupported: 'naloxone.nearest.locate.unsupported',
} as const satisfies Record<LocateFailure, string>;

/** "Open now, until 17:00", "Closed now, opens tomorrow 09:00", or the site's own words about its hours. */
function openingText(opening: Opening, now: Date, language: Language, t: Translate): string | null {
  if (opening.kind !== 'unknown') return openingSentence(opening, now, language, t);
  return opening.text ? t('naloxone.nearest.hours', { hours: opening.text }) : null;
}

/**
 * "Where to get naloxone": the nearest naloxone sites with their distance, whether they are open now, directions
 * in the phone's map app and the site's public phone number.
 * Worked out on the phone from the saved list of sites: the position is never sent. Give `position` when
 * it is known already (the "am I in a zone?" answer); otherwise the user asks for it here.
 */
export function NearestNaloxone({
  position: given = null,
  limit = 3,
}: {
  position?: LngLat | null;
  limit?: number;
}) {
  const { sites } = useFeature(naloxoneFeature);
  const state = useStore(sites);
  const { t, language } = useI18n();
  const [located, setLocated] = useState<LngLat | null>(null);
  const [locating, setLocating] = useState(false);
  const [locateFailure, setLocateFailure] = useState<LocateFailure | null>(null);
  const position = given ?? located;

  useEffect(() => void sites.load(), [sites]);

  const locate = async () => {
    setLocating(true);
    setLocateFailure(null);
    try {
      const { lat, lng } = await locateWithBrowser();
      setLocated({ lat, lng });
    } catch (error) {
      setLocateFailure(error instanceof LocateError ? error.reason : 'unavailable');
    } finally {
      setLocating(false);
    }
  };

  const now = new Date();
  const nearest = position ? nearestSites(state.sites, position, now, limit) : [];

  return (
    <section class="nearest-naloxone" aria-labelledby="nearest-naloxone-title" data-testid="nearest-naloxone">
      <h3 id="nearest-naloxone-title">{t('naloxone.nearest.title')}</h3>
      {!position && (
        <>
          <p class="muted">{t('naloxone.nearest.privacy')}</p>
          <button
            type="button"
            class="button button--primary"
            onClick={() => void locate()}
            aria-busy={locating}
          >
            {t(locating ? 'naloxone.nearest.locating' : 'naloxone.nearest.locate')}
          </button>
          {locateFailure && (
            <p class="field-error" role="alert">
              {t(LOCATE_FAILURE[locateFailure])}
            </p>
          )}
        </>
      )}
      {state.offline && state.savedAt && (
        <p class="muted">
          {t('naloxone.nearest.saved', { savedAt: formatDateTime(state.savedAt, language) })}
        </p>
      )}
      {state.status === 'error' && <p class="field-error">{t('naloxone.nearest.failed')}</p>}
      {position && state.status === 'ready' && nearest.length === 0 && (
        <p class="muted">{t('naloxone.nearest.none')}</p>
      )}
      {nearest.length > 0 && (
        <ol class="nearest-list">
          {nearest.map(({ site, distanceMeters, opening }) => {
            const openingLine = openingText(opening, now, language, t);
            const { name, phone } = site.properties;
            return (
              <li
                key={site.properties.id}
                class={`nearest-site nearest-site--${opening.kind}`}
                data-testid="nearest-site"
              >
                <div class="nearest-site__heading">
                  <span class="nearest-site__name">{site.properties.name}</span>
                  <span class="nearest-site__distance">{formatDistance(distanceMeters, language)}</span>
                </div>
                {site.properties.address && <p class="nearest-site__address">{site.properties.address}</p>}
                {opening.kind !== 'unknown' ? (
                  <p class={`nearest-site__opening nearest-site__opening--${opening.kind}`}>
                    <span class="opening-dot" aria-hidden="true" />
                    {openingLine}
                  </p>
                ) : (
                  openingLine && <p class="nearest-site__opening">{openingLine}</p>
                )}
                <div class="nearest-site__actions">
                  <a
                    class="button button--secondary button--small"
                    href={directionsUrl(site)}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={t('naloxone.nearest.directionsTo', { name })}
                  >
                    {t('naloxone.nearest.directions')}
                  </a>
                  {phone && (
                    <a
                      class="button button--secondary button--small"
                      href={telUri(phone)}
                      aria-label={t('naloxone.nearest.callSite', { name, phone })}
                    >
                      {t('naloxone.nearest.call', { phone })}
                    </a>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * For the "am I in a zone?" answer: a closed disclosure ("Where to get naloxone") that lists the nearest
 * naloxone sites from the position the check already has, when opened.
 */
export function NearestNaloxoneDisclosure({ position }: { position: LngLat }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details
      class="nearest-disclosure"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="nearest-naloxone-disclosure"
    >
      <summary>{t('naloxone.whereToGet')}</summary>
      {open && <NearestNaloxone position={position} limit={3} />}
    </details>
  );
}
