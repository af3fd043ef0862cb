import {
  MEETING_LIMITS,
  type ActionItem,
  type AgendaItem,
  type Decision,
  type Meeting,
} from '@samverkan/contracts';
import { useId, useMemo, useState } from 'preact/hooks';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { IdentityHint } from '../ui/identity-hint';
import { useStore } from '../state/use-store';
import { OpenableForm, RemoveButton } from './meeting-controls';
import { actionOwnerCandidates } from './meeting-people';
import type { MeetingSessionStore } from './meeting-session.store';
import { canOrganise, meetingsApiFeature } from './meetings-feature';
import { useMeetingChange } from './use-meeting-change';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { zonesFeature } from '../zones/zones-feature';
import { directoryFeature } from '../people/directory-feature';

/** All the meeting's decisions and actions, with the forms to record them. */
export function OutcomesSection({ session, meeting }: { session: MeetingSessionStore; meeting: Meeting }) {
  const { user } = useSessionBase();
  const { t } = useI18n();
  const organiser = canOrganise(user, meeting);
  return (
    <div class="outcomes">
      <section aria-labelledby="meeting-decisions-heading">
        <h3 id="meeting-decisions-heading">{t('meetings.decisions.title')}</h3>
        {meeting.decisions.length === 0 && <p class="muted">{t('meetings.decisions.none')}</p>}
        <DecisionList session={session} meeting={meeting} decisions={meeting.decisions} showItem />
        {organiser && <AddDecision session={session} meeting={meeting} item={null} />}
      </section>
      <section aria-labelledby="meeting-actions-heading">
        <h3 id="meeting-actions-heading">{t('meetings.actions.title')}</h3>
        {meeting.actions.length === 0 && <p class="muted">{t('meetings.actions.none')}</p>}
        <ActionList session={session} meeting={meeting} actions={meeting.actions} showItem />
        {organiser && <AddAction session={session} meeting={meeting} item={null} />}
      </section>
    </div>
  );
}

/** Under an agenda item: what was decided and who does what about it. */
export function ItemOutcomes({
  session,
  meeting,
  item,
}: {
  session: MeetingSessionStore;
  meeting: Meeting;
  item: AgendaItem;
}) {
  const { user } = useSessionBase();
  const decisions = meeting.decisions.filter((decision) => decision.agendaItemId === item.id);
  const actions = meeting.actions.filter((action) => action.agendaItemId === item.id);
  const organiser = canOrganise(user, meeting);
  if (!organiser && decisions.length === 0 && actions.length === 0) return null;
  return (
    <div class="item-outcomes">
      <DecisionList session={session} meeting={meeting} decisions={decisions} />
      <ActionList session={session} meeting={meeting} actions={actions} />
      {organiser && (
        <div class="item-outcomes__add">
          <AddDecision session={session} meeting={meeting} item={item} />
          <AddAction session={session} meeting={meeting} item={item} />
        </div>
      )}
    </div>
  );
}

function DecisionList({
  session,
  meeting,
  decisions,
  showItem = false,
}: {
  session: MeetingSessionStore;
  meeting: Meeting;
  decisions: Decision[];
  showItem?: boolean;
}) {
  const { user } = useSessionBase();
  const zones = useFeature(zonesFeature);
  const { t } = useI18n();
  const api = useFeature(meetingsApiFeature);
  const change = useMeetingChange(session);
  if (decisions.length === 0) return null;
  return (
    <ul class="decision-list" aria-label={t('meetings.decisions.title')}>
      {decisions.map((decision) => {
        const item = meeting.agenda.find((candidate) => candidate.id === decision.agendaItemId);
        const zone = decision.zoneId ? zones.get(decision.zoneId) : undefined;
        return (
          <li key={decision.id} class="decision" data-testid="decision">
            <span class="decision__label">{t('meetings.decisions.label')}</span> {decision.text}
            {(zone || decision.zoneId) && (
              <span class="decision__meta">
                {' '}
                {t('meetings.decisions.aboutZone', {
                  name: zone?.properties.name ?? t('meetings.agenda.unknown'),
                  version: decision.zoneVersion ?? '–',
                })}
              </span>
            )}
            {showItem && item && (
              <span class="decision__meta">
                {' '}
                · {item.position}. {item.title}
              </span>
            )}
            {canOrganise(user, meeting) && (
              <RemoveButton
                confirmText={t('meetings.decisions.removeConfirm')}
                busy={change.busy}
                onRemove={() => void change.run(() => api.deleteDecision(meeting.id, decision.id))}
              />
            )}
            {change.error && <p class="field-error">{change.error}</p>}
          </li>
        );
      })}
    </ul>
  );
}

function AddDecision({
  session,
  meeting,
  item,
}: {
  session: MeetingSessionStore;
  meeting: Meeting;
  item: AgendaItem | null;
}) {
  const zones = useFeature(zonesFeature);
  const zonesState = useStore(zones);
  const { t, language } = useI18n();
  const api = useFeature(meetingsApiFeature);
  const change = useMeetingChange(session);
  const ids = { text: useId(), zone: useId() };
  const [text, setText] = useState('');
  const [zoneId, setZoneId] = useState<string | null>(item?.zoneId ?? null);
  const zoneOptions = useMemo(
    () =>
      [...zonesState.zones.values()]
        .map((zone) => ({ id: zone.properties.id, name: zone.properties.name }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [zonesState.revision, language],
  );
  const zone = zoneId ? zones.get(zoneId) : undefined;

  return (
    <OpenableForm
      openLabel={t('meetings.decisions.add')}
      submitLabel={t('meetings.decisions.save')}
      testId="decision-form"
      canSubmit={text.trim() !== ''}
      busy={change.busy}
      error={change.error}
      onSubmit={async () => {
        const done = await change.run(() =>
          api.addDecision(meeting.id, { text, agendaItemId: item?.id ?? null, zoneId }),
        );
        if (done) setText('');
        return done !== undefined;
      }}
    >
      <div class="field">
        <label for={ids.text}>{t('meetings.decisions.text')}</label>
        <textarea
          id={ids.text}
          rows={2}
          required
          maxLength={MEETING_LIMITS.maxDecision}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <IdentityHint text={text} />
      </div>
      <div class="field">
        <label for={ids.zone}>{t('meetings.decisions.zone')}</label>
        <select
          id={ids.zone}
          value={zoneId ?? ''}
          onChange={(event) => setZoneId(event.currentTarget.value || null)}
        >
          <option value="">{t('meetings.place.none')}</option>
          {zoneOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        {zone && (
          <p class="field-hint">
            {t('meetings.decisions.zoneVersionHint', { version: zone.properties.version })}
          </p>
        )}
      </div>
    </OpenableForm>
  );
}

export function ActionList({
  session,
  meeting,
  actions,
  showItem = false,
}: {
  session: MeetingSessionStore;
  meeting: Meeting;
  actions: ActionItem[];
  showItem?: boolean;
}) {
  const { user } = useSessionBase();
  const directory = useFeature(directoryFeature);
  useStore(directory);
  const { t, language } = useI18n();
  const api = useFeature(meetingsApiFeature);
  const change = useMeetingChange(session);
  if (actions.length === 0) return null;
  const organiser = canOrganise(user, meeting);
  return (
    <ul class="action-list" aria-label={t('meetings.actions.title')}>
      {actions.map((action) => {
        const item = meeting.agenda.find((candidate) => candidate.id === action.agendaItemId);
        const mayMark = organiser || action.ownerId === user.id;
        return (
          <li
            key={action.id}
            class={`action${action.overdue ? ' action--overdue' : ''}${action.status === 'done' ? ' action--done' : ''}`}
            data-testid="action"
          >
            <label class="action__check">
              <input
                type="checkbox"
                checked={action.status === 'done'}
                disabled={!mayMark || change.busy}
                onChange={(event) =>
                  void change.run(() =>
                    api.updateAction(meeting.id, action.id, {
                      version: action.version,
                      status: event.currentTarget.checked ? 'done' : 'open',
                    }),
                  )
                }
              />
              <span class="action__title">{action.title}</span>
            </label>
            <span class="action__meta">
              {t('meetings.actions.ownerDue', {
                owner: directory.personName(action.ownerId) ?? t('meetings.live.someone'),
                date: formatDate(`${action.dueDate}T12:00:00Z`, language),
              })}
              {action.overdue && <span class="badge badge--overdue">{t('meetings.actions.overdue')}</span>}
              {showItem && item && (
                <>
                  {' '}
                  · {item.position}. {item.title}
                </>
              )}
            </span>
            {organiser && (
              <RemoveButton
                confirmText={t('meetings.actions.removeConfirm', { title: action.title })}
                busy={change.busy}
                onRemove={() => void change.run(() => api.deleteAction(meeting.id, action.id))}
              />
            )}
          </li>
        );
      })}
      {change.error && (
        <li class="field-error" role="alert">
          {change.error}
        </li>
      )}
    </ul>
  );
}

function AddAction({
  session,
  meeting,
  item,
}: {
  session: MeetingSessionStore;
  meeting: Meeting;
  item: AgendaItem | null;
}) {
  const directory = useFeature(directoryFeature);
  const directoryState = useStore(directory);
  const { t, language } = useI18n();
  const api = useFeature(meetingsApiFeature);
  const change = useMeetingChange(session);
  const ids = { title: useId(), owner: useId(), due: useId() };
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const people = actionOwnerCandidates(meeting, directoryState.people, language, (id) =>
    directory.organisationName(id),
  );

  return (
    <OpenableForm
      openLabel={t('meetings.actions.add')}
      submitLabel={t('meetings.actions.save')}
      testId="action-form"
      canSubmit={title.trim() !== '' && ownerId !== '' && dueDate !== ''}
      busy={change.busy}
      error={change.error}
      onSubmit={async () => {
        const done = await change.run(() =>
          api.addAction(meeting.id, { title, ownerId, dueDate, agendaItemId: item?.id ?? null }),
        );
        if (done) setTitle('');
        return done !== undefined;
      }}
    >
      <div class="field">
        <label for={ids.title}>{t('meetings.actions.what')}</label>
        <input
          id={ids.title}
          type="text"
          required
          maxLength={MEETING_LIMITS.maxActionTitle}
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <IdentityHint text={title} />
      </div>
      <div class="field">
        <label for={ids.owner}>{t('meetings.actions.owner')}</label>
        <select
          id={ids.owner}
          required
          value={ownerId}
          onChange={(event) => setOwnerId(event.currentTarget.value)}
        >
          <option value="">{t('meetings.live.choosePerson')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={ids.due}>{t('meetings.actions.due')}</label>
        <input
          id={ids.due}
          type="date"
          required
          value={dueDate}
          onInput={(event) => setDueDate(event.currentTarget.value)}
        />
      </div>
    </OpenableForm>
  );
}
