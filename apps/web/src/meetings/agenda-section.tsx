import { MEETING_LIMITS, type AgendaItem, type Meeting } from '@samverkan/contracts';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { mapCommandsFeature } from '../map/map-feature';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { sitesFeature } from '../sites/sites-feature';
import { reportsHref } from '../state/routes';
import { IdentityHint } from '../ui/identity-hint';
import { MAP_COMMANDS } from '../map/map-events';
import { useStore } from '../state/use-store';
import { approvalStatusText } from '../zones/approval-status';
import { zonesFeature } from '../zones/zones-feature';
import { FormFooter, RemoveButton } from './meeting-controls';
import type { MeetingSessionStore } from './meeting-session.store';
import { canOrganise, meetingsApiFeature } from './meetings-feature';
import { MinutesEditor } from './minutes-editor';
import { ItemOutcomes } from './outcomes-section';
import { PlaceSelect } from './place-select';
import { useMeetingChange } from './use-meeting-change';

/** The agenda: items in order, each with its place on the map, minutes, decisions and actions. */
export function AgendaSection({ session, meeting }: { session: MeetingSessionStore; meeting: Meeting }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <section class="agenda" aria-label={t('meetings.tab.agenda')}>
      {meeting.agenda.length === 0 && <p class="muted">{t('meetings.agenda.empty')}</p>}
      <ol class="agenda__list">
        {meeting.agenda.map((item) => (
          <li key={item.id}>
            <AgendaItemCard session={session} meeting={meeting} item={item} />
          </li>
        ))}
      </ol>
      {meeting.agenda.length < MEETING_LIMITS.maxAgendaItems &&
        (adding ? (
          <AgendaItemForm session={session} meeting={meeting} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" class="button" onClick={() => setAdding(true)}>
            {t('meetings.agenda.add')}
          </button>
        ))}
    </section>
  );
}

function AgendaItemCard({
  session,
  meeting,
  item,
}: {
  session: MeetingSessionStore;
  meeting: Meeting;
  item: AgendaItem;
}) {
  const { user } = useSessionBase();
  const sites = useFeature(sitesFeature);
  const zones = useFeature(zonesFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  const api = useFeature(meetingsApiFeature);
  const state = useStore(session);
  useStore(sites);
  useStore(zones);
  useStore(directory);
  const change = useMeetingChange(session);
  const [editing, setEditing] = useState(false);
  const organiser = canOrganise(user, meeting);
  const presenting = session.isPresenter;
  const current = state.currentItemId === item.id;
  const site = item.siteId ? sites.get(item.siteId) : undefined;
  const zone = item.zoneId ? zones.get(item.zoneId) : undefined;
  const last = meeting.agenda.length;
  const hasDecisions = meeting.decisions.some((decision) => decision.agendaItemId === item.id);
  const card = useRef<HTMLElement>(null);
  // The item the presenter moves to comes into view in everyone's agenda (without taking the focus).
  useEffect(() => {
    if (current) card.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [current]);

  const showOnMap = () => {
    if (item.zoneId && zone) mapCommands.emit(MAP_COMMANDS.focusZone, { zoneId: item.zoneId });
    else if (item.siteId && site) mapCommands.emit(MAP_COMMANDS.focusSite, { siteId: item.siteId });
  };
  const onMap = Boolean((item.zoneId && zone) || (item.siteId && site));

  const move = (position: number) =>
    void change.run(() => api.updateAgendaItem(meeting.id, item.id, { version: item.version, position }));

  return (
    <article
      ref={card}
      class={`agenda-item${current ? ' agenda-item--current' : ''}`}
      data-testid="agenda-item"
      data-item-id={item.id}
      aria-current={current ? 'step' : undefined}
    >
      <header class="agenda-item__header">
        <h3 class="agenda-item__title">
          <span class="agenda-item__number">{item.position}.</span> {item.title}
        </h3>
        {current && (
          <span class="badge badge--current" data-testid="current-item-badge">
            {t('meetings.agenda.current')}
          </span>
        )}
      </header>
      {(item.siteId || item.zoneId || item.reportId) && (
        <ul class="agenda-item__links">
          {item.siteId && (
            <li>
              {t('meetings.agenda.site', { name: site?.properties.name ?? t('meetings.agenda.unknown') })}
            </li>
          )}
          {item.zoneId && (
            <li>
              {t('meetings.agenda.zone', { name: zone?.properties.name ?? t('meetings.agenda.unknown') })}
              {zone && (
                <span class="agenda-item__zone-status" data-testid="agenda-zone-status">
                  {' – '}
                  {approvalStatusText(
                    zone.properties,
                    (id) => directory.organisationName(id),
                    new Date(),
                    language,
                    t,
                  )}
                </span>
              )}
            </li>
          )}
          {item.reportId && (
            <li>
              <a href={reportsHref(item.siteId)}>{t('meetings.agenda.report')}</a>
            </li>
          )}
        </ul>
      )}
      <div class="agenda-item__actions">
        {presenting && !current && (
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              showOnMap();
              void session.showItem(item.id).catch(() => undefined);
            }}
          >
            {t('meetings.agenda.presentItem')}
          </button>
        )}
        {onMap && (!presenting || current) && (
          <button type="button" class="button" onClick={showOnMap}>
            {t('meetings.agenda.showOnMap')}
          </button>
        )}
        {organiser && (
          <>
            <button
              type="button"
              class="icon-text-button"
              disabled={item.position === 1 || change.busy}
              onClick={() => move(item.position - 1)}
              aria-label={t('meetings.agenda.moveUp', { title: item.title })}
            >
              ↑
            </button>
            <button
              type="button"
              class="icon-text-button"
              disabled={item.position === last || change.busy}
              onClick={() => move(item.position + 1)}
              aria-label={t('meetings.agenda.moveDown', { title: item.title })}
            >
              ↓
            </button>
            <button
              type="button"
              class="link-button"
              onClick={() => setEditing(!editing)}
              aria-expanded={editing}
            >
              {t('meetings.agenda.edit')}
            </button>
            {hasDecisions ? (
              // The api keeps an item whose decisions are recorded: say so rather than offer what fails.
              <span class="muted">{t('meetings.agenda.keptForDecisions')}</span>
            ) : (
              <RemoveButton
                confirmText={t('meetings.agenda.removeConfirm', { title: item.title })}
                busy={change.busy}
                onRemove={() => void change.run(() => api.deleteAgendaItem(meeting.id, item.id))}
              />
            )}
          </>
        )}
      </div>
      {change.error && (
        <p class="field-error" role="alert">
          {change.error}
        </p>
      )}
      {editing && (
        <AgendaItemForm session={session} meeting={meeting} item={item} onDone={() => setEditing(false)} />
      )}
      <MinutesEditor session={session} item={item} />
      <ItemOutcomes session={session} meeting={meeting} item={item} />
    </article>
  );
}

/** Adds an item (anyone taking part), or changes one's title and place (organisers). */
function AgendaItemForm({
  session,
  meeting,
  item,
  onDone,
}: {
  session: MeetingSessionStore;
  meeting: Meeting;
  item?: AgendaItem;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const api = useFeature(meetingsApiFeature);
  const change = useMeetingChange(session);
  const titleId = useId();
  const [title, setTitle] = useState(item?.title ?? '');
  const [place, setPlace] = useState({ siteId: item?.siteId ?? null, zoneId: item?.zoneId ?? null });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!title.trim()) return;
    const done = await change.run(() =>
      item
        ? api.updateAgendaItem(meeting.id, item.id, { version: item.version, title, ...place })
        : api.addAgendaItem(meeting.id, { title, ...place }),
    );
    if (done) onDone();
  };

  return (
    <form class="card agenda-form" onSubmit={submit} data-testid="agenda-item-form">
      <div class="field">
        <label for={titleId}>{t('meetings.agenda.itemTitle')}</label>
        <input
          id={titleId}
          type="text"
          required
          maxLength={MEETING_LIMITS.maxTitle}
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <IdentityHint text={title} />
      </div>
      <PlaceSelect siteId={place.siteId} zoneId={place.zoneId} onChange={setPlace} />
      <FormFooter
        error={change.error}
        busy={change.busy}
        canSubmit={title.trim() !== ''}
        submitLabel={t(item ? 'meetings.agenda.saveItem' : 'meetings.agenda.addItem')}
        onCancel={onDone}
      />
    </form>
  );
}
