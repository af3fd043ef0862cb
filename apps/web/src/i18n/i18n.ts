import { Store } from '../state/store';
import type { KeyValueStorage } from '../state/safe-storage';
import { dictionary, LANGUAGES, type Language, type MessageKey } from './dictionary';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const LANGUAGE_KEY = 'samverkan.language';

function isLanguage(value: string | null): value is Language {
  return (LANGUAGES as readonly (string | null)[]).includes(value);
}

/** The saved choice, else the first of the browser's languages we have, else Swedish (the app is for Malmö). */
export function pickLanguage(saved: string | null, preferred: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'sv';
}

/** Fills `{name}` placeholders; one without a value stays visible rather than vanishing. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return dictionary[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/** The chosen language, remembered in storage. */
export class I18n extends Store<Language> {
  constructor(
    private readonly storage: KeyValueStorage,
    preferred: readonly string[],
  ) {
    super(pickLanguage(storage.get(LANGUAGE_KEY), preferred));
  }

  get language(): Language {
    return this.value;
  }

  setLanguage(language: Language): void {
    this.storage.set(LANGUAGE_KEY, language);
    this.set(language);
  }

  readonly t: Translate = (key, params) => translate(this.value, key, params);
}
