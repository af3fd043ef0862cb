import type { ActionListItem, Meeting } from '@samverkan/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { meetingHref } from '../state/routes';
import { useStore } from '../state/use-store';
import { meetingErrorText } from './meeting-errors';
import { MeetingForm } from './meeting-form';
import { meetingRanges, splitMeetings } from './meeting-lists';
import { canCreateMeetings, meetingsApiFeature } from './meetings-feature';
import './meetings.css';

type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; value: T };

/** `#/meetings`: the caller's actions (overdue first), the meetings ahead and the earlier ones, a new meeting. */
export function MeetingsPage() {
  const { user } = useSessionBase();
  const directory = useFeature(directoryFeature);
  useStore(directory);
  const api = useFeature(meetingsApiFeature);
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [meetings, setMeetings] = useState<Loaded<Meeting[]>>({ status: 'loading' });
  const [actions, setActions] = useState<Loaded<ActionListItem[]>>({ status: 'loading' });
  const [creating, setCreating] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  useEffect(() => {
    const abort = new AbortController();
    const load = <T,>(request: Promise<T>, set: (loaded: Loaded<T>) => void) =>
      request.then(
        (value) => !abort.signal.aborted && set({ status: 'ready', value }),
        (error) => !abort.signal.aborted && set({ status: 'failed', error: meetingErrorText(error, t) }),
      );
    // The meetings ahead and those of the past year, each earliest first from its own start, so neither is
    // crowded out of the api's page by the other.
    const ranges = meetingRanges(new Date());
    void load(
      Promise.all([api.list(ranges.ahead, abort.signal), api.list(ranges.earlier, abort.signal)]).then(
        ([ahead, earlier]) => [...earlier, ...ahead],
      ),
      setMeetings,
    );
    void load(api.myActions(abort.signal), setActions);
    return () => abort.abort();
  }, [attempt]);

  /** One action of the list changed, on the list as it is now (other answers may have changed it meanwhile). */
  const changeAction = (id: string, changes: Partial<ActionListItem>) =>
    setActions((current) =>
      current.status === 'ready'
        ? { status: 'ready', value: current.value.map((item) => (item.id === id ? { ...item, ...changes } : item)) }
        : current,
    );

  const markAction = async (action: ActionListItem, done: boolean) => {
    setActionError(null);
    const status = done ? 'done' : 'open';
    // The box shows the user's click at once, also when the page draws again before the server answers (the
    // meetings arriving), and goes back if the server refuses; after a conflict the page reads its lists again (as
    // its retry does), so the action shows as someone else left it (what the message says).
    changeAction(action.id, { status });
    try {
      changeAction(action.id, await api.updateAction(action.meetingId, action.id, { version: action.version, status }));
    } catch (error) {
      changeAction(action.id, { status: action.status });
      setActionError(meetingErrorText(error, t));
      if (error instanceof ApiError && error.status === 409) setAttempt((n) => n + 1);
    }
  };

  const { upcoming, earlier } =
    meetings.status === 'ready' ? splitMeetings(meetings.value, new Date()) : { upcoming: [], earlier: [] };

  return (
    <div class="meetings-page" data-testid="meetings-page">
      <div class="meetings-page__header">
        <h1 ref={heading} tabIndex={-1}>
          {t('meetings.title')}
        </h1>
        {canCreateMeetings(user) && !creating && (
          <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
            {t('meetings.new')}
          </button>
        )}
      </div>
      {creating && (
        <div class="card">
          <h2>{t('meetings.new')}</h2>
          <MeetingForm
            onDone={(meeting) => {
              setCreating(false);
              window.location.hash = meetingHref(meeting.id);
            }}
            onCancel={() => setCreating(false)}
          />
        </div>
      )}

      <section aria-labelledby="my-actions-heading" class="meetings-page__section" data-testid="my-actions">
        <h2 id="my-actions-heading">{t('meetings.myActions.title')}</h2>
        {actions.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {actions.status === 'failed' && <p class="field-error">{actions.error}</p>}
        {actions.status === 'ready' && actions.value.length === 0 && (
          <p class="muted">{t('meetings.myActions.none')}</p>
        )}
        {actions.status === 'ready' && actions.value.length > 0 && (
          <ul class="action-list">
            {actions.value.map((action) => (
              <li
                key={action.id}
                class={`action${action.overdue ? ' action--overdue' : ''}${action.status === 'done' ? ' action--done' : ''}`}
                data-testid="my-action"
              >
                <label class="action__check">
                  <input
                    type="checkbox"
                    checked={action.status === 'done'}
                    onChange={(event) => void markAction(action, event.currentTarget.checked)}
                  />
                  <span class="action__title">{action.title}</span>
                </label>
                <span class="action__meta">
                  {t('meetings.myActions.due', { date: formatDate(`${action.dueDate}T12:00:00Z`, language) })}
                  {action.overdue && (
                    <span class="badge badge--overdue">{t('meetings.actions.overdue')}</span>
                  )}
                  {' · '}
                  <a href={meetingHref(action.meetingId)}>{action.meetingTitle}</a>
                </span>
              </li>
            ))}
          </ul>
        )}
        {actionError && (
          <p class="field-error" role="alert">
            {actionError}
          </p>
        )}
      </section>

      {meetings.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {meetings.status === 'failed' && (
        <div class="form-error" role="alert">
          {meetings.error}{' '}
          <button type="button" class="link-button" onClick={() => setAttempt(attempt + 1)}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {meetings.status === 'ready' && (
        <>
          <MeetingList title={t('meetings.upcoming')} meetings={upcoming} empty={t('meetings.noUpcoming')} />
          <MeetingList title={t('meetings.earlier')} meetings={earlier} empty={t('meetings.noEarlier')} />
        </>
      )}
    </div>
  );
}

function MeetingList({ title, meetings, empty }: { title: string; meetings: Meeting[]; empty: string }) {
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  return (
    <section class="meetings-page__section">
      <h2>{title}</h2>
      {meetings.length === 0 && <p class="muted">{empty}</p>}
      <ul class="meeting-list">
        {meetings.map((meeting) => (
          <li key={meeting.id} class="card meeting-card" data-testid="meeting-card">
            <a class="meeting-card__title" href={meetingHref(meeting.id)}>
              {meeting.title}
            </a>
            <p class="meeting-card__meta">
              <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, language)}</time>
              {meeting.place && <> · {meeting.place}</>}
            </p>
            <p class="meeting-card__meta">
              {meeting.organisationIds.map((id) => directory.organisationName(id) ?? '…').join(', ')}
            </p>
            <p class="meeting-card__meta">
              {t('meetings.card.counts', {
                items: meeting.agenda.length,
                open: meeting.actions.filter((action) => action.status === 'open').length,
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
