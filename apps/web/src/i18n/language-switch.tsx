import { useId } from 'preact/hooks';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from './dictionary';
import { useI18n } from './use-i18n';

/** A labelled select; each language is named in itself, so a user who cannot read the current one finds theirs. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { language, t, setLanguage } = useI18n();
  const id = useId();
  return (
    <div class={`language-switch language-switch--${tone}`}>
      <label for={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => setLanguage(event.currentTarget.value as Language)}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
