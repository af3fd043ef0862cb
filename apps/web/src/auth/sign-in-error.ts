import { ApiError } from '../api/api-error';
import type { MessageKey } from '../i18n/dictionary';

/** What to tell someone whose sign-in failed. */
export function signInErrorMessage(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'error.server';
  if (error.isNetworkError) return 'error.network';
  switch (error.status) {
    case 400:
      return 'signIn.error.invalid';
    case 401:
      return 'signIn.error.wrongCredentials';
    case 429:
      return 'error.rateLimited';
    default:
      return 'error.server';
  }
}
