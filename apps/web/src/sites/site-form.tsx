import { SITE_TYPES, choosesSiteOrganisation, type ListedSite } from '@samverkan/contracts';
import { describeSchedule } from '@samverkan/geo';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { PanelFrame } from '../ui/panel-frame';
import { useI18n } from '../i18n/use-i18n';
import { MAP_COMMANDS, MAP_EVENTS } from '../map/map-events';
import { useMapReadyCount } from '../map/use-map-ready';
import { useStore } from '../state/use-store';
import { IdentityHint } from '../ui/identity-hint';
import { ScheduleEditor } from '../zones/schedule-editor';
import { knownPlacesMatching } from './known-places';
import { isStaleSite, siteErrorText } from './site-errors';
import {
  draftFromSite,
  emptySiteDraft,
  openingScheduleOf,
  toCreateSiteRequest,
  toUpdateSiteRequest,
  validateSiteDraft,
  type SiteDraft,
  type SiteDraftField,
  type SiteDraftProblem,
} from './site-form.model';
import { SITE_TYPE_LOOKS } from './site-types';
import { samverkanApiFeature } from '../api/api-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { sitesFeature } from './sites-feature';
import { panelFeature } from '../state/panel-feature';
import { directoryFeature } from '../people/directory-feature';
import { mapCommandsFeature, mapEventsFeature } from '../map/map-feature';

type Props = { mode: 'create' } | { mode: 'edit'; siteId: string };

/**
 * Adding a site (placed by a click on the map) or editing one: name, type, address, opening hours (the zones'
 * schedule editor) and description; coordinators and admins also choose the running organisation, which
 * hands an existing site over. The shared rules check the draft before sending; the api's refusals are said
 * in the user's language, and a stale version (409) reloads the form with what someone else saved.
 */
export function SiteForm(props: Props) {
  const { user } = useSessionBase();
  const api = useFeature(samverkanApiFeature);
  const sites = useFeature(sitesFeature);
  const panel = useFeature(panelFeature);
  const directory = useFeature(directoryFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const mapEvents = useFeature(mapEventsFeature);
  const { t, language } = useI18n();
  const sitesState = useStore(sites);
  const directoryState = useStore(directory);
  const editing: ListedSite | undefined =
    props.mode === 'edit' ? sitesState.sites.get(props.siteId) : undefined;
  const choosesOrganisation = choosesSiteOrganisation(user);
  // The site as the draft was made from it: its version goes with the change, so a newer one saved meanwhile
  // by someone else is refused (409) instead of silently overwritten.
  const [base, setBase] = useState<ListedSite | undefined>(editing);
  const [draft, setDraft] = useState<SiteDraft>(() =>
    editing ? draftFromSite(editing) : emptySiteDraft(choosesOrganisation ? '' : user.organisationId),
  );
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const mapReadyCount = useMapReadyCount();
  const [search, setSearch] = useState('');
  const places = useMemo(
    () => knownPlacesMatching(sitesState.sites.values(), search, language),
    [sitesState, search, language],
  );
  const ids = {
    name: useId(),
    type: useId(),
    organisation: useId(),
    address: useId(),
    phone: useId(),
    hoursText: useId(),
    hasSchedule: useId(),
    description: useId(),
    problems: useId(),
    search: useId(),
    searchHint: useId(),
  };

  const serviceOrganisations = useMemo(
    () =>
      [...directoryState.organisations.values()]
        .filter((organisation) => organisation.kind === 'service')
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [directoryState, language],
  );

  // Creating: a click on the map places the new site, and its marker can be dragged until it is saved.
  useEffect(() => {
    if (props.mode !== 'create') return;
    mapCommands.emit(MAP_COMMANDS.placeStart, { siteId: null, location: draft.location });
  }, [mapReadyCount]);

  useEffect(() => {
    if (props.mode !== 'create') return;
    const stop = mapEvents.on(MAP_EVENTS.sitePlaced, (location) =>
      setDraft((current) => ({ ...current, location })),
    );
    return () => {
      stop();
      mapCommands.emit(MAP_COMMANDS.placeStop, {});
    };
  }, []);

  const problems = validateSiteDraft(draft, props.mode);
  const shown = (field: SiteDraftField) =>
    attempted ? problems.filter((problem) => problem.field === field) : [];
  const update = (change: Partial<SiteDraft>) => setDraft((current) => ({ ...current, ...change }));
  const close = () =>
    props.mode === 'edit' ? panel.open({ kind: 'site', siteId: props.siteId }) : panel.close();

  const reload = async (siteId: string) => {
    try {
      const fresh = await api.sites.get(siteId);
      sites.upsert(fresh);
      setBase(fresh);
      setDraft(draftFromSite(fresh));
      setAttempted(false);
      setReloaded(true);
    } catch (caught) {
      setServerError(siteErrorText(caught, t, language));
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setServerError(null);
    setReloaded(false);
    if (problems.length > 0) {
      document.getElementById(ids.problems)?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved =
        props.mode === 'edit' && base
          ? await api.sites.update(props.siteId, toUpdateSiteRequest(draft, base))
          : await api.sites.create(toCreateSiteRequest(draft, choosesOrganisation));
      sites.upsert(saved);
      panel.open({ kind: 'site', siteId: saved.properties.id });
    } catch (caught) {
      setBusy(false);
      if (props.mode === 'edit' && isStaleSite(caught)) await reload(props.siteId);
      else setServerError(siteErrorText(caught, t, language));
    }
  };

  if (props.mode === 'edit' && !editing) {
    return (
      <PanelFrame title={t('siteForm.editTitle', { name: '' })} onClose={() => panel.close()}>
        <p>{sitesState.status === 'loading' ? t('common.loading') : t('site.gone')}</p>
      </PanelFrame>
    );
  }

  return (
    <PanelFrame
      title={editing ? t('siteForm.editTitle', { name: editing.properties.name }) : t('siteForm.createTitle')}
      onClose={close}
      testId="site-form"
    >
      <form class="zone-form" onSubmit={submit} noValidate>
        {!reloaded && editing && base && editing.properties.version !== base.properties.version && (
          <div class="notice notice--warning" role="status" data-testid="site-form-changed">
            {t('siteForm.changedMeanwhile')}{' '}
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => reload(editing.properties.id)}
            >
              {t('siteForm.reload')}
            </button>
          </div>
        )}
        {reloaded && (
          <p class="notice notice--warning" role="status" data-testid="site-form-reloaded">
            {t('siteForm.reloaded')}
          </p>
        )}
        {props.mode === 'create' && (
          <div class="field">
            <p>
              <strong>{t('siteForm.location')}</strong>
            </p>
            <p class="field__hint" data-testid="site-place-hint">
              {t(draft.location ? 'siteForm.placed' : 'siteForm.placeHint')}
            </p>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => mapCommands.emit(MAP_COMMANDS.placeAtCentre, {})}
            >
              {t('siteForm.placeAtCentre')}
            </button>
            <FieldProblems problems={shown('location')} />
            <label for={ids.search}>{t('siteForm.search')}</label>
            <input
              id={ids.search}
              type="search"
              autoComplete="off"
              value={search}
              aria-describedby={ids.searchHint}
              onInput={(event) => setSearch(event.currentTarget.value)}
            />
            <p id={ids.searchHint} class="field__hint">
              {t('siteForm.searchHint')}
            </p>
            {search.trim().length >= 2 && (
              <ul class="feature-list" data-testid="site-search-results" aria-live="polite">
                {places.length === 0 && <li>{t('siteForm.searchNone')}</li>}
                {places.map((place) => (
                  <li key={place.properties.id}>
                    <button
                      type="button"
                      class="feature-list__item"
                      onClick={() =>
                        mapCommands.emit(MAP_COMMANDS.focusSite, { siteId: place.properties.id })
                      }
                    >
                      <span class="feature-list__text">
                        <span class="feature-list__name">{place.properties.name}</span>
                        {place.properties.address && (
                          <span class="feature-list__detail">{place.properties.address}</span>
                        )}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div class="field">
          <label for={ids.name}>{t('siteForm.name')}</label>
          <input
            id={ids.name}
            type="text"
            value={draft.name}
            aria-invalid={shown('name').length > 0}
            onInput={(event) => update({ name: event.currentTarget.value })}
          />
          <FieldProblems problems={shown('name')} />
        </div>

        <div class="field">
          <label for={ids.type}>{t('siteForm.type')}</label>
          <select
            id={ids.type}
            value={draft.type}
            aria-invalid={shown('type').length > 0}
            onChange={(event) => update({ type: event.currentTarget.value as SiteDraft['type'] })}
          >
            <option value="">{t('siteForm.chooseType')}</option>
            {SITE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(SITE_TYPE_LOOKS[type].label)}
              </option>
            ))}
          </select>
          <FieldProblems problems={shown('type')} />
        </div>

        {choosesOrganisation && (
          <div class="field">
            <label for={ids.organisation}>{t('siteForm.organisation')}</label>
            <select
              id={ids.organisation}
              value={draft.organisationId}
              aria-invalid={shown('organisation').length > 0}
              onChange={(event) => update({ organisationId: event.currentTarget.value })}
            >
              <option value="">{t('siteForm.chooseOrganisation')}</option>
              {serviceOrganisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
            {base && draft.organisationId !== base.properties.organisationId && (
              <p class="field__hint" role="status">
                {t('siteForm.handOverHint', {
                  name: directory.organisationName(draft.organisationId) ?? '–',
                })}
              </p>
            )}
            <FieldProblems problems={shown('organisation')} />
          </div>
        )}

        <div class="field">
          <label for={ids.address}>{t('siteForm.address')}</label>
          <input
            id={ids.address}
            type="text"
            autoComplete="off"
            value={draft.address}
            onInput={(event) => update({ address: event.currentTarget.value })}
          />
          <FieldProblems problems={shown('address')} />
        </div>

        <div class="field">
          <label for={ids.phone}>{t('siteForm.phone')}</label>
          <input
            id={ids.phone}
            type="tel"
            autoComplete="off"
            inputMode="tel"
            value={draft.phone}
            onInput={(event) => update({ phone: event.currentTarget.value })}
          />
          <p class="field__hint">{t('siteForm.phoneHint')}</p>
          <FieldProblems problems={shown('phone')} />
        </div>

        <fieldset class="field">
          <legend>{t('siteForm.schedule')}</legend>
          <div class="checkbox">
            <input
              id={ids.hasSchedule}
              type="checkbox"
              checked={draft.hasSchedule}
              onChange={(event) => update({ hasSchedule: event.currentTarget.checked })}
            />
            <label for={ids.hasSchedule}>{t('siteForm.hasSchedule')}</label>
          </div>
          {draft.hasSchedule ? (
            <>
              <ScheduleEditor
                windows={draft.windows}
                onChange={(windows) => update({ windows })}
                invalid={shown('schedule').length > 0}
              />
              <p class="schedule-preview" data-testid="schedule-preview">
                <span class="visually-hidden">{t('zoneForm.inWords')} </span>
                {describeSchedule(openingScheduleOf(draft), language).join('; ')}
              </p>
            </>
          ) : (
            <p class="field__hint">{t('siteForm.noScheduleHint')}</p>
          )}
          <FieldProblems problems={shown('schedule')} />
        </fieldset>

        <div class="field">
          <label for={ids.hoursText}>{t('siteForm.openingHoursText')}</label>
          <textarea
            id={ids.hoursText}
            rows={2}
            value={draft.openingHours}
            onInput={(event) => update({ openingHours: event.currentTarget.value })}
          />
          <p class="field__hint">{t('siteForm.openingHoursTextHint')}</p>
          <FieldProblems problems={shown('openingHours')} />
        </div>

        <div class="field">
          <label for={ids.description}>{t('siteForm.description')}</label>
          <textarea
            id={ids.description}
            rows={4}
            value={draft.description}
            onInput={(event) => update({ description: event.currentTarget.value })}
          />
          <p class="field__hint">{t('siteForm.descriptionHint')}</p>
          <IdentityHint text={draft.description} />
          <FieldProblems problems={shown('description')} />
        </div>

        <div
          id={ids.problems}
          tabIndex={-1}
          role="alert"
          class={attempted && problems.length > 0 ? 'form-error' : 'form-error form-error--empty'}
        >
          {attempted && problems.length > 0 && t('zoneForm.fixProblems', { count: problems.length })}
        </div>
        <div
          role="alert"
          class={serverError ? 'form-error' : 'form-error form-error--empty'}
          data-testid="site-form-server-error"
        >
          {serverError && <p>{serverError}</p>}
        </div>

        <div class="form-actions">
          <button type="button" class="button button--secondary" onClick={close}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            class="button button--primary"
            aria-busy={busy}
            data-testid="site-form-submit"
          >
            {busy && <span class="spinner" aria-hidden="true" />}
            {t(props.mode === 'edit' ? 'siteForm.submitEdit' : 'siteForm.submitCreate')}
          </button>
        </div>
      </form>
    </PanelFrame>
  );
}

function FieldProblems({ problems }: { problems: SiteDraftProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul class="field-problems">
      {problems.map((problem) => (
        <li key={problem.message}>{t(problem.message, problem.params)}</li>
      ))}
    </ul>
  );
}
