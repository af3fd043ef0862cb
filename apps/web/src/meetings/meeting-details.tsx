import type { Meeting, MinutesFormat } from '@samverkan/contracts';
import { useState } from 'preact/hooks';
import { chatFeature } from '../chat/chat-feature';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { useStore } from '../state/use-store';
import { meetingErrorText } from './meeting-errors';
import { MeetingForm } from './meeting-form';
import type { MeetingSessionStore } from './meeting-session.store';
import { canOrganise, meetingsApiFeature } from './meetings-feature';
import { exportMinutes } from './minutes-export';

/** Who takes part, the meeting's chat, the minutes export, and (for organisers) changing the meeting. */
export function MeetingDetails({ session, meeting }: { session: MeetingSessionStore; meeting: Meeting }) {
  const { user } = useSessionBase();
  const directory = useFeature(directoryFeature);
  const chat = useFeature(chatFeature);
  const panel = useFeature(panelFeature);
  useStore(directory);
  const api = useFeature(meetingsApiFeature);
  const { t, language } = useI18n();
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState<MinutesFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const openChat = async () => {
    if (!meeting.channelId) return;
    if (!chat.channel(meeting.channelId)) await chat.loadChannels().catch(() => undefined);
    panel.open({ kind: 'messages', channelId: meeting.channelId });
  };

  const download = async (format: MinutesFormat) => {
    setExporting(format);
    setError(null);
    try {
      await exportMinutes(api, meeting, format, language);
    } catch (failure) {
      setError(meetingErrorText(failure, t, language));
    } finally {
      setExporting(null);
    }
  };

  if (editing)
    return (
      <MeetingForm
        meeting={meeting}
        onDone={(updated) => {
          session.applyMeeting(updated);
          setEditing(false);
        }}
        onCancel={() => setEditing(false)}
      />
    );

  return (
    <div class="meeting-details" data-testid="meeting-details">
      <dl class="details-list">
        <dt>{t('meetings.form.startsAt')}</dt>
        <dd>{formatDateTime(meeting.startsAt, language)}</dd>
        {meeting.place && (
          <>
            <dt>{t('meetings.form.place')}</dt>
            <dd>
              {/^https:\/\//.test(meeting.place) ? (
                <a href={meeting.place} rel="noopener noreferrer" target="_blank">
                  {meeting.place}
                </a>
              ) : (
                meeting.place
              )}
            </dd>
          </>
        )}
        <dt>{t('meetings.form.organisations')}</dt>
        <dd>
          <ul class="plain-list">
            {meeting.organisationIds.map((id) => (
              <li key={id}>{directory.organisationName(id) ?? t('meetings.agenda.unknown')}</li>
            ))}
          </ul>
        </dd>
        {meeting.series && (
          <>
            <dt>{t('meetings.form.series')}</dt>
            <dd>{meeting.series}</dd>
          </>
        )}
      </dl>
      <div class="form-actions">
        {meeting.channelId && (
          <button type="button" class="button" onClick={() => void openChat()}>
            {t('meetings.details.chat')}
          </button>
        )}
        {canOrganise(user, meeting) && (
          <button type="button" class="button" onClick={() => setEditing(true)}>
            {t('meetings.details.edit')}
          </button>
        )}
      </div>
      <h3>{t('meetings.export.title')}</h3>
      <p class="field-hint">{t('meetings.export.hint')}</p>
      <div class="form-actions">
        <button
          type="button"
          class="button"
          disabled={exporting !== null}
          aria-busy={exporting === 'html'}
          onClick={() => void download('html')}
          data-testid="export-html"
        >
          {t('meetings.export.print')}
        </button>
        <button
          type="button"
          class="button"
          disabled={exporting !== null}
          aria-busy={exporting === 'md'}
          onClick={() => void download('md')}
          data-testid="export-md"
        >
          {t('meetings.export.markdown')}
        </button>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
