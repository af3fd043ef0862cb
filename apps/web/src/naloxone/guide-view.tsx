import type { GuideLang } from '@samverkan/contracts';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import type { CachedGuide } from './guide-cache';
import { GuideContent } from './guide-content';
import './naloxone.css';

const LANGUAGE_NAME = { sv: 'naloxone.guide.language.sv', en: 'naloxone.guide.language.en' } as const;

/**
 * The guide as officers read it. `guide.html` is the api's sanitised rendering of the Markdown (markdown-it
 * with raw HTML off, then an allowlist sanitiser): it is the one place the app puts HTML in the page.
 */
export function GuideView({
  guide,
  offline,
  requestedLang,
}: {
  guide: CachedGuide;
  offline: boolean;
  requestedLang: GuideLang;
}) {
  const { t, language } = useI18n();
  return (
    <article class="guide" lang={guide.lang} data-testid="naloxone-guide">
      {offline && (
        <p class="notice guide__offline" role="status">
          {t('naloxone.guide.offline', { savedAt: formatDateTime(guide.savedAt, language) })}
        </p>
      )}
      {guide.lang !== requestedLang && (
        <p class="notice guide__other-language" lang={language}>
          {t('naloxone.guide.otherLanguage', { language: t(LANGUAGE_NAME[guide.lang]) })}
        </p>
      )}
      <h2 class="guide__title">{guide.title}</h2>
      {guide.publishedAt && (
        <p class="guide__published muted" lang={language}>
          {t('naloxone.guide.published', {
            date: formatDate(guide.publishedAt, language),
            version: guide.version,
          })}
        </p>
      )}
      <GuideContent html={guide.html} />
    </article>
  );
}
