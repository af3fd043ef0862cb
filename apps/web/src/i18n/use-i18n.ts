import { useAppBase } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import type { Language } from './dictionary';
import type { Translate } from './i18n';

/** The current language and `t`; the component re-renders when the language changes. */
export function useI18n(): { language: Language; t: Translate; setLanguage: (language: Language) => void } {
  const { i18n } = useAppBase();
  const language = useStore(i18n);
  return { language, t: i18n.t, setLanguage: (next) => i18n.setLanguage(next) };
}
