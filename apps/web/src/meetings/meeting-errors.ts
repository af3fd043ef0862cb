import { ApiError, apiErrorText } from '../api/api-error';
import type { Language } from '../i18n/dictionary';
import type { Translate } from '../i18n/i18n';

/**
 * What to tell the user when a meeting change failed. Other failures go through the shared mapping: a 400/422 in
 * words from its field and reason codes, shown next to the form as the zone form does.
 */
export function meetingErrorText(error: unknown, t: Translate, language?: Language): string {
  if (error instanceof ApiError) {
    if (error.status === 409) return t('meetings.error.conflict');
    if (error.status === 403) return t('meetings.error.forbidden');
    if (error.status === 404) return t('meetings.error.gone');
    if (error.status === 429) return t('error.rateLimited');
  }
  return apiErrorText(error, t, language);
}
