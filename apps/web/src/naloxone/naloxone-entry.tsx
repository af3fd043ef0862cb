import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { firstViewFeature } from '../session/first-view';
import { guideLangOf } from './guide-lang';
import { refreshSavedGuide } from './guide.store';
import { NALOXONE_ROUTE, naloxoneFeature } from './naloxone-feature';
import './naloxone.css';

/**
 * The prominent "Naloxone" button on the map: one tap opens the guide. While the map is open it also
 * refreshes the saved guide and naloxone sites in the background, so both are on the phone before the
 * connection drops (once the map's first view has its data: FirstView).
 */
export function NaloxoneMapButton() {
  const { t, language } = useI18n();
  const { api, guideCache, sites } = useFeature(naloxoneFeature);
  const firstView = useFeature(firstViewFeature);
  useEffect(() => {
    void refreshSavedGuide(api, guideCache, guideLangOf(language));
    firstView.after(() => void sites.load());
  }, [language]);
  return (
    <a class="naloxone-button" href={NALOXONE_ROUTE} data-testid="naloxone-button">
      <svg
        viewBox="0 0 24 24"
        width="20"
        height="20"
        aria-hidden="true"
        focusable="false"
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-linecap="round"
      >
        <path d="M12 5v14M5 12h14" />
      </svg>
      {t('naloxone.button')}
    </a>
  );
}
