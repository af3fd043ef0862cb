import { MEETING_LIMITS, seesEveryMeeting, type Meeting } from '@samverkan/contracts';
import { useId, useMemo, useState } from 'preact/hooks';
import { fromLocalInputValue, toLocalInputValue } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { IdentityHint } from '../ui/identity-hint';
import { useStore } from '../state/use-store';
import { FormFooter } from './meeting-controls';
import { meetingErrorText } from './meeting-errors';
import { meetingsApiFeature } from './meetings-feature';

/** Calls a meeting, or changes its title, time, place, organisations and series (with its version: a 409 says so). */
export function MeetingForm({
  meeting,
  onDone,
  onCancel,
}: {
  meeting?: Meeting;
  onDone: (meeting: Meeting) => void;
  onCancel: () => void;
}) {
  const { user } = useSessionBase();
  const directory = useFeature(directoryFeature);
  const directoryState = useStore(directory);
  const api = useFeature(meetingsApiFeature);
  const { t, language } = useI18n();
  const ids = { title: useId(), startsAt: useId(), place: useId(), series: useId(), organisations: useId() };
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [startsAt, setStartsAt] = useState(meeting ? toLocalInputValue(meeting.startsAt) : '');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [series, setSeries] = useState(meeting?.series ?? '');
  const [organisationIds, setOrganisationIds] = useState<string[]>(
    meeting?.organisationIds ?? [user.organisationId],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A signatory keeps their own organisation in the meeting (the api's rule), so that box stays ticked.
  const ownFixed = !seesEveryMeeting(user);
  const organisations = useMemo(
    () => [...directoryState.organisations.values()].sort((a, b) => a.name.localeCompare(b.name, language)),
    [directoryState.organisations, language],
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    const instant = fromLocalInputValue(startsAt);
    if (!instant) {
      setError(t('meetings.form.badTime'));
      return;
    }
    if (organisationIds.length === 0) {
      setError(t('meetings.form.noOrganisations'));
      return;
    }
    setBusy(true);
    setError(null);
    const body = {
      title,
      startsAt: instant,
      place: place.trim() ? place : null,
      organisationIds,
      series: series.trim() ? series : null,
    };
    try {
      onDone(
        meeting
          ? await api.update(meeting.id, { version: meeting.version, ...body })
          : await api.create(body),
      );
    } catch (failure) {
      setError(meetingErrorText(failure, t, language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="meeting-form" onSubmit={submit} data-testid="meeting-form">
      <div class="field">
        <label for={ids.title}>{t('meetings.form.title')}</label>
        <input
          id={ids.title}
          type="text"
          required
          maxLength={MEETING_LIMITS.maxTitle}
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <IdentityHint text={title} />
      </div>
      <div class="field">
        <label for={ids.startsAt}>{t('meetings.form.startsAt')}</label>
        <input
          id={ids.startsAt}
          type="datetime-local"
          required
          value={startsAt}
          onInput={(event) => setStartsAt(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={ids.place}>{t('meetings.form.place')}</label>
        <input
          id={ids.place}
          type="text"
          maxLength={MEETING_LIMITS.maxPlace}
          value={place}
          onInput={(event) => setPlace(event.currentTarget.value)}
        />
        <IdentityHint text={place} />
      </div>
      <fieldset class="meeting-form__organisations">
        <legend id={ids.organisations}>{t('meetings.form.organisations')}</legend>
        {organisations.map((organisation) => {
          const fixed = ownFixed && organisation.id === user.organisationId;
          return (
            <label key={organisation.id} class="checkbox-row">
              <input
                type="checkbox"
                checked={organisationIds.includes(organisation.id)}
                disabled={fixed}
                onChange={(event) =>
                  setOrganisationIds(
                    event.currentTarget.checked
                      ? [...organisationIds, organisation.id]
                      : organisationIds.filter((id) => id !== organisation.id),
                  )
                }
              />
              {organisation.name}
              {fixed && <span class="muted"> ({t('meetings.form.ownOrganisation')})</span>}
            </label>
          );
        })}
      </fieldset>
      <div class="field">
        <label for={ids.series}>{t('meetings.form.series')}</label>
        <p class="field-hint">{t('meetings.form.seriesHint')}</p>
        <input
          id={ids.series}
          type="text"
          maxLength={MEETING_LIMITS.maxTitle}
          value={series}
          onInput={(event) => setSeries(event.currentTarget.value)}
        />
        <IdentityHint text={series} />
      </div>
      <FormFooter
        error={error}
        busy={busy}
        submitLabel={t(meeting ? 'meetings.form.save' : 'meetings.form.create')}
        onCancel={onCancel}
      />
    </form>
  );
}
