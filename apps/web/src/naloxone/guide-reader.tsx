import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { guideLangOf } from './guide-lang';
import { GuideStore } from './guide.store';
import { GuideView } from './guide-view';
import { naloxoneFeature } from './naloxone-feature';

/** The published guide in the reader's language, from the copy saved on the phone first, then the api. */
export function GuideReader() {
  const { api, guideCache } = useFeature(naloxoneFeature);
  const { t, language } = useI18n();
  const lang = guideLangOf(language);
  const [store] = useState(() => new GuideStore(api, guideCache, lang));
  const state = useStore(store);
  useEffect(() => void store.load(lang), [lang]);

  switch (state.status) {
    case 'loading':
      return (
        <p class="muted" role="status">
          {t('naloxone.guide.loading')}
        </p>
      );
    case 'missing':
      return <p class="notice">{t('naloxone.guide.missing')}</p>;
    case 'error':
      return (
        <div class="form-error" role="alert">
          {t(state.failure === 'network' ? 'naloxone.guide.failedNetwork' : 'naloxone.guide.failedServer')}{' '}
          <button type="button" class="link-button" onClick={() => void store.load(lang)}>
            {t('app.retry')}
          </button>
        </div>
      );
    case 'ready':
      return <GuideView guide={state.guide} offline={state.offline} requestedLang={lang} />;
  }
}
