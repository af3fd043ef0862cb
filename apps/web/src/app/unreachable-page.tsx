import { LanguageSwitch } from '../i18n/language-switch';
import { useI18n } from '../i18n/use-i18n';
import { SavedNaloxoneGuide } from '../naloxone/saved-guide';
import { useAppBase } from '../session/feature-registry';

/** Shown when a stored session could not be checked because the api did not answer; the token is kept for the retry. */
export function UnreachablePage() {
  const { session } = useAppBase();
  const { t } = useI18n();
  return (
    <div class="plain-page">
      <div class="plain-page__language">
        <LanguageSwitch />
      </div>
      <main class="plain-page__main" id="main">
        <div class="card">
          <div role="alert">
            <h1>{t('app.unreachable.title')}</h1>
            <p>{t('app.unreachable.body')}</p>
          </div>
          <button type="button" class="button button--primary" onClick={() => void session.restore()}>
            {t('app.retry')}
          </button>
        </div>
        {/* The naloxone guide saved on this device stays readable without a connection. */}
        <SavedNaloxoneGuide />
      </main>
    </div>
  );
}
