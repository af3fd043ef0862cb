import type { Language } from '../i18n/dictionary';
import type { Translate } from '../i18n/i18n';
import { whenText } from '../zones/zone-timing-text';

/** Whether a site is open at some moment, and when that next changes (null: not known, or never). */
export type OpenState = { kind: 'open'; until: string | null } | { kind: 'closed'; opensAt: string | null };

/** "Open now, until 17:00", "Closed now, opens tomorrow 09:00", "Open now" or "Closed now". */
export function openingSentence(state: OpenState, now: Date, language: Language, t: Translate): string {
  if (state.kind === 'open') {
    return state.until
      ? t('site.openUntil', { when: whenText(state.until, now, language, t) })
      : t('site.open');
  }
  return state.opensAt
    ? t('site.closedUntil', { when: whenText(state.opensAt, now, language, t) })
    : t('site.closed');
}
