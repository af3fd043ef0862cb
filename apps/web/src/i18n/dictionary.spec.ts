import { dictionary, LANGUAGES, type Language } from './dictionary';
import { I18n, pickLanguage, translate } from './i18n';
import { memoryStorage } from '../state/safe-storage';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionary', () => {
  const [first, ...others] = LANGUAGES;
  const keys = (language: Language) => Object.keys(dictionary[language]).sort();

  it.each(others)('has the same keys in %s as in ' + first, (language) => {
    expect(keys(language)).toEqual(keys(first));
  });

  it.each(LANGUAGES)('has no empty text in %s', (language) => {
    const empty = Object.entries(dictionary[language]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const mismatches = keys(first).flatMap((key) =>
      others
        .filter((language) => {
          const text = (dictionary[language] as Record<string, string>)[key];
          return (
            text === undefined ||
            placeholders(text).join() !==
              placeholders((dictionary[first] as Record<string, string>)[key]).join()
          );
        })
        .map((language) => `${key} (${language})`),
    );
    expect(mismatches).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves a missing one visible', () => {
    expect(translate('en', 'welcome.title', { name: 'Kim' })).toBe('Welcome, Kim');
    expect(translate('sv', 'welcome.title')).toBe('Välkommen, {name}');
  });

  it('inserts a value as it is, even when it looks like a placeholder or markup', () => {
    expect(translate('en', 'welcome.title', { name: '<b>{role}</b>' })).toBe('Welcome, <b>{role}</b>');
  });
});

describe('pickLanguage', () => {
  it('prefers the saved choice, then the browser languages, then Swedish', () => {
    expect(pickLanguage('en', ['sv-SE'])).toBe('en');
    expect(pickLanguage(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage(null, ['sv-FI'])).toBe('sv');
    expect(pickLanguage('xx', ['fr'])).toBe('sv');
  });
});

describe('I18n', () => {
  it('remembers the chosen language and tells listeners', () => {
    const storage = memoryStorage();
    const i18n = new I18n(storage, ['sv-SE']);
    const seen: Language[] = [];
    i18n.subscribe((language) => seen.push(language));

    i18n.setLanguage('en');

    expect(i18n.t('shell.signOut')).toBe('Sign out');
    expect(seen).toEqual(['en']);
    expect(new I18n(storage, ['sv-SE']).language).toBe('en');
  });
});
