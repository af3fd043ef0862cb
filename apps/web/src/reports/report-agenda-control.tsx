import type { FieldReport } from '@samverkan/contracts';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, apiErrorText } from '../api/api-error';
import { formatDateTime } from '../i18n/format';
import type { Translate } from '../i18n/i18n';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { REPORT_CATEGORY_LOOKS } from './report-categories';
import { agendaItemTitle, agendaWithReport } from './report-agenda';
import type { UpcomingMeetingsStore } from './upcoming-meetings.store';

function failureText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.isNetworkError) return t('reports.agenda.failedNetwork');
  if (error instanceof ApiError) return t('reports.agenda.refused', { message: apiErrorText(error, t) });
  return t('reports.agenda.failedServer');
}

/**
 * On a report card: "Put on a meeting's agenda" with a small chooser of the upcoming meetings (the soonest
 * chosen), or which meeting's agenda the report is on. Shown only when the user sees an upcoming meeting.
 */
export function ReportAgendaControl({
  report,
  placeName,
  meetings,
}: {
  report: FieldReport;
  /** The zone's or site's name, for the agenda item's title. */
  placeName: string | null;
  meetings: UpcomingMeetingsStore;
}) {
  const { t, language } = useI18n();
  const state = useStore(meetings);
  const selectId = useId();
  const [choosing, setChoosing] = useState(false);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const backToOpener = useRef(false);

  // Opening moves the focus into the chooser; cancelling gives it back to the button that opened it.
  useEffect(() => {
    if (choosing) select.current?.focus();
    else if (backToOpener.current) opener.current?.focus();
    backToOpener.current = false;
  }, [choosing]);
  // The chooser the keyboard was in is gone: the answer takes the focus.
  useEffect(() => {
    if (added) status.current?.focus();
  }, [added]);

  if (state.status !== 'ready') return null;
  const onAgenda = agendaWithReport(state.meetings, report.id);
  if (!onAgenda && state.meetings.length === 0) return null;
  const chosen = state.meetings.find((meeting) => meeting.id === chosenId) ?? state.meetings[0];

  const cancel = () => {
    backToOpener.current = true;
    setChoosing(false);
    setError(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending || !chosen) return;
    const category = t(REPORT_CATEGORY_LOOKS[report.category].label);
    const title = placeName
      ? t('reports.agenda.itemTitle', { category, place: placeName })
      : t('reports.agenda.itemTitleNoPlace', { category });
    setSending(true);
    setError(null);
    try {
      await meetings.addToAgenda(chosen.id, { title: agendaItemTitle(title), reportId: report.id });
      setChoosing(false);
      setAdded(true);
    } catch (failure) {
      setError(failureText(failure, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <div class="report-agenda" data-testid="report-agenda">
      <p ref={status} role="status" tabIndex={-1} class={onAgenda ? 'report-agenda__on' : 'visually-hidden'}>
        {onAgenda ? t('reports.agenda.onAgenda', { meeting: onAgenda.meeting.title }) : ''}
      </p>
      {!onAgenda && !choosing && (
        <button
          ref={opener}
          type="button"
          class="button button--small button--secondary"
          onClick={() => (setError(null), setChoosing(true))}
        >
          {t('reports.agenda.put')}
        </button>
      )}
      {!onAgenda && choosing && chosen && (
        <form class="report-agenda__chooser" onSubmit={(event) => void submit(event)}>
          <label for={selectId}>{t('reports.agenda.meeting')}</label>
          <select
            id={selectId}
            ref={select}
            value={chosen.id}
            disabled={sending}
            onChange={(event) => setChosenId(event.currentTarget.value)}
          >
            {state.meetings.map((meeting) => (
              <option key={meeting.id} value={meeting.id}>
                {t('reports.agenda.option', {
                  title: meeting.title,
                  date: formatDateTime(meeting.startsAt, language),
                })}
              </option>
            ))}
          </select>
          <div class="report-agenda__buttons">
            <button
              type="submit"
              class="button button--small button--primary"
              disabled={sending}
              aria-busy={sending}
            >
              {t(sending ? 'reports.agenda.adding' : 'reports.agenda.confirm')}
            </button>
            <button type="button" class="button button--small button--secondary" onClick={cancel}>
              {t('reports.agenda.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
