import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { guideLangOf } from './guide-lang';
import { GuideView } from './guide-view';
import { naloxoneFeature } from './naloxone-feature';
import { NearestNaloxone } from './nearest-naloxone';
import './naloxone.css';

/**
 * The naloxone guide saved on this phone, for when Samverkan cannot be reached (the page shown then has no
 * map): the guide and the nearest naloxone sites from the saved list. Shows nothing when no guide is saved.
 */
export function SavedNaloxoneGuide() {
  const { guideCache } = useFeature(naloxoneFeature);
  const { language } = useI18n();
  const lang = guideLangOf(language);
  const guide = guideCache.read(lang) ?? guideCache.readAny(lang);
  if (!guide) return null;
  return (
    <div class="saved-guide card" data-testid="saved-naloxone-guide">
      <GuideView guide={guide} offline requestedLang={lang} />
      <NearestNaloxone />
    </div>
  );
}
