import { ApiError } from '../api/api-error';
import type { MessageKey } from '../i18n/dictionary';

/** The api's reason codes for a password it refuses as weak (see the api's password-strength.ts). */
const WEAK_PASSWORD_TEXTS: Record<string, MessageKey> = {
  too_common: 'password.error.tooCommon',
  too_guessable: 'password.error.tooGuessable',
};

/**
 * The text for a refused weak password (`password` or `newPassword`) in the user's language, or null when the
 * error is something else; the api's own message is English.
 */
export function weakPasswordMessage(error: unknown): MessageKey | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  for (const detail of error.details) {
    const key =
      /^(password|newPassword)$/.test(detail.field) && detail.reason
        ? WEAK_PASSWORD_TEXTS[detail.reason]
        : undefined;
    if (key) return key;
  }
  return null;
}
