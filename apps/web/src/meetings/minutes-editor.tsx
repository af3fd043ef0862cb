import { MEETING_LIMITS, type AgendaItem } from '@samverkan/contracts';
import { useEffect, useId, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import { formatTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { IdentityHint, isRefusedAsIdentifying } from '../ui/identity-hint';
import { meetingErrorText } from './meeting-errors';
import type { MeetingSessionStore } from './meeting-session.store';
import { meetingsApiFeature } from './meetings-feature';
import { draftOf, isEdited, keepMine, rebase, takeTheirs, withConflict } from './minutes-draft';

/**
 * The minutes of one agenda item, written during the meeting. Several people may write; a save goes with the
 * version the writer started from, and when someone else saved meanwhile both texts are shown to choose from.
 */
export function MinutesEditor({ session, item }: { session: MeetingSessionStore; item: AgendaItem }) {
  const api = useFeature(meetingsApiFeature);
  const directory = useFeature(directoryFeature);
  useStore(directory);
  const { t, language } = useI18n();
  const fieldId = useId();
  const [draft, setDraft] = useState(() => draftOf(item));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);

  useEffect(() => setDraft((current) => rebase(current, item)), [item.version, item.minutes]);

  const save = async (version: number, text: string) => {
    setSaving(true);
    setError(null);
    setJustSaved(false);
    try {
      const result = await api.updateAgendaItem(session.meetingId, item.id, { version, minutes: text });
      setDraft(draftOf(result));
      setJustSaved(true);
      session.changed();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        // The item as it is now: from the meeting read again (the 409's body carries it too).
        const meeting = await api.get(session.meetingId).catch(() => null);
        const current = meeting?.agenda.find((candidate) => candidate.id === item.id);
        if (meeting) session.applyMeeting(meeting);
        if (current) setDraft((draftNow) => withConflict({ ...draftNow, text }, current));
        else setError(t('meetings.error.gone'));
      } else {
        setError(meetingErrorText(failure, t, language));
      }
    } finally {
      setSaving(false);
    }
  };

  const edited = isEdited(draft);
  const refused = isRefusedAsIdentifying(draft.text);
  const { conflict } = draft;
  const lastBy = directory.personName(item.updatedBy);

  return (
    <div class="minutes" data-testid="minutes">
      <label for={fieldId} class="minutes__label">
        {t('meetings.minutes.label')}
      </label>
      <textarea
        id={fieldId}
        class="minutes__text"
        rows={4}
        maxLength={MEETING_LIMITS.maxMinutes}
        value={draft.text}
        aria-invalid={refused}
        aria-describedby={`${fieldId}-identity`}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setJustSaved(false);
          setDraft((current) => ({ ...current, text }));
        }}
        onKeyDown={(event) => {
          if (
            event.key === 'Enter' &&
            (event.ctrlKey || event.metaKey) &&
            edited &&
            !refused &&
            !conflict &&
            !saving
          ) {
            event.preventDefault();
            void save(draft.baseVersion, draft.text);
          }
        }}
      />
      <IdentityHint text={draft.text} id={`${fieldId}-identity`} />
      {draft.changedMeanwhile && !conflict && <p class="notice">{t('meetings.minutes.changedMeanwhile')}</p>}
      {conflict ? (
        <div class="minutes-conflict" role="alert" data-testid="minutes-conflict">
          <p>
            {t('meetings.minutes.conflict', {
              name: directory.personName(conflict.updatedBy) ?? t('meetings.live.someone'),
              time: formatTime(conflict.updatedAt, language),
            })}
          </p>
          <p class="minutes-conflict__heading">{t('meetings.minutes.theirs')}</p>
          <pre class="minutes-conflict__theirs" data-testid="minutes-theirs">
            {conflict.theirs || t('meetings.minutes.empty')}
          </pre>
          <p class="field-hint">{t('meetings.minutes.mergeHint')}</p>
          <div class="minutes__actions">
            <button
              type="button"
              class="button button--primary"
              disabled={saving}
              onClick={() => {
                const mine = keepMine(draft);
                setDraft(mine);
                void save(mine.baseVersion, mine.text);
              }}
            >
              {t('meetings.minutes.keepMine')}
            </button>
            <button
              type="button"
              class="button"
              disabled={saving}
              onClick={() => setDraft(takeTheirs(draft))}
            >
              {t('meetings.minutes.takeTheirs')}
            </button>
          </div>
        </div>
      ) : (
        <div class="minutes__actions">
          <button
            type="button"
            class="button"
            disabled={!edited || refused || saving}
            aria-busy={saving}
            onClick={() => void save(draft.baseVersion, draft.text)}
          >
            {t(saving ? 'meetings.minutes.saving' : 'meetings.minutes.save')}
          </button>
          <span class="muted" role="status">
            {justSaved
              ? t('meetings.minutes.saved')
              : edited
                ? t('meetings.minutes.unsaved')
                : item.minutes && lastBy
                  ? t('meetings.minutes.lastBy', { name: lastBy, time: formatTime(item.updatedAt, language) })
                  : ''}
          </span>
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
