import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { meetingErrorText } from './meeting-errors';
import type { MeetingSessionStore } from './meeting-session.store';

/**
 * Runs one change to the meeting (an api call) and lets the session know (it reads the meeting again when the
 * live room cannot bring the change). Answers the result, or undefined with the error kept to show.
 */
export function useMeetingChange(session: MeetingSessionStore) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async <T>(change: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await change();
      session.changed();
      return result;
    } catch (failure) {
      setError(meetingErrorText(failure, t, language));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, run, clearError: () => setError(null) };
}
