import { ZONE_CLAUSES, ZONE_LIMITS, type ListedSite } from '@samverkan/contracts';
import { describeSchedule } from '@samverkan/geo';
import { useEffect, useId, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, apiErrorText, refusalTexts } from '../api/api-error';
import { PanelFrame } from '../ui/panel-frame';
import { useI18n } from '../i18n/use-i18n';
import { IdentityHint } from '../ui/identity-hint';
import { MAP_COMMANDS, MAP_EVENTS } from '../map/map-events';
import { useMapReadyCount } from '../map/use-map-ready';
import { useStore } from '../state/use-store';
import { ScheduleEditor } from './schedule-editor';
import {
  DEFAULT_RADIUS_METERS,
  draftFromZone,
  emptyDraft,
  hoursFromSite,
  scheduleOf,
  toCreateRequest,
  toUpdateRequest,
  validateDraft,
  type DraftField,
  type DraftProblem,
  type ZoneDraft,
} from './zone-form.model';
import { canManageZonesOf, sideOf } from './zone-permissions';
import { samverkanApiFeature } from '../api/api-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { zonesFeature } from './zones-feature';
import { sitesFeature } from '../sites/sites-feature';
import { panelFeature } from '../state/panel-feature';
import { mapCommandsFeature, mapEventsFeature } from '../map/map-feature';

type ServerError =
  { kind: 'invalid'; messages: string[] } | { kind: 'stale' } | { kind: 'other'; message: string };

type Props = { mode: 'create'; siteId: string | null } | { mode: 'edit'; zoneId: string };

/**
 * Proposing a zone, or a new version of one: the shape is drawn on the map (Leaflet-Geoman), the rest is typed
 * here. The shared validators check it before sending; the api's 400 is shown beside the form, and a 409 (someone
 * else saved a newer version first) offers to reload.
 */
export function ZoneForm(props: Props) {
  const { user } = useSessionBase();
  const api = useFeature(samverkanApiFeature);
  const zones = useFeature(zonesFeature);
  const sites = useFeature(sitesFeature);
  const panel = useFeature(panelFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const mapEvents = useFeature(mapEventsFeature);
  const { t, language } = useI18n();
  const sitesState = useStore(sites);
  const zonesState = useStore(zones);
  const editing = props.mode === 'edit' ? zonesState.zones.get(props.zoneId) : undefined;
  const [baseVersion, setBaseVersion] = useState(editing?.properties.version ?? 0);
  const [draft, setDraft] = useState<ZoneDraft>(() =>
    editing ? draftFromZone(editing) : emptyDraft(props.mode === 'create' ? props.siteId : null),
  );
  const [restart, setRestart] = useState(0);
  const mapReadyCount = useMapReadyCount();
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  // A new zone's hours follow the chosen site's opening hours until the user changes them.
  const [hoursTouched, setHoursTouched] = useState(props.mode === 'edit');
  const [approveNow, setApproveNow] = useState(false);
  const ids = {
    site: useId(),
    name: useId(),
    radius: useId(),
    from: useId(),
    until: useId(),
    notes: useId(),
    reviewBy: useId(),
    termsText: useId(),
    always: useId(),
    approve: useId(),
    problems: useId(),
  };

  const manageable = useMemo(
    () =>
      [...sitesState.sites.values()]
        .filter((site) => canManageZonesOf(user, site.properties.organisationId))
        .sort((a, b) => a.properties.name.localeCompare(b.properties.name, language)),
    [sitesState, user, language],
  );
  const site: ListedSite | undefined = draft.siteId ? sitesState.sites.get(draft.siteId) : undefined;

  const organisationId = editing?.properties.organisationId ?? site?.properties.organisationId;
  const signsFor = organisationId ? sideOf(user, { organisationId }) : null;

  // Before the browser paints: otherwise, for a frame, the note says the hours come from the chosen site while
  // the preview still shows the hours from before it was chosen.
  useLayoutEffect(() => {
    if (!hoursTouched) setDraft((current) => ({ ...current, ...hoursFromSite(site) }));
  }, [site?.properties.id, site?.properties.openingSchedule]);

  // With one site to choose from, it is chosen.
  useEffect(() => {
    if (!draft.siteId && manageable.length === 1)
      setDraft((current) => ({ ...current, siteId: manageable[0].properties.id }));
  }, [manageable.length]);

  // The map follows the form: drawing starts over when the site, the kind of shape or a reload changes it.
  useEffect(() => {
    if (!site) return;
    const [lng, lat] = site.geometry.coordinates;
    const editingZoneId = props.mode === 'edit' ? props.zoneId : null;
    mapCommands.emit(MAP_COMMANDS.focusSite, { siteId: site.properties.id });
    mapCommands.emit(
      MAP_COMMANDS.drawStart,
      draft.shape.kind === 'circle'
        ? { kind: 'circle', center: { lat, lng }, radiusMeters: draft.shape.radiusMeters, editingZoneId }
        : { kind: 'polygon', geometry: draft.shape.geometry, editingZoneId },
    );
  }, [site?.properties.id, draft.shape.kind, restart, mapReadyCount]);

  useEffect(() => {
    const stops = [
      mapEvents.on(MAP_EVENTS.shapeDrawn, ({ geometry }) =>
        setDraft((current) => ({ ...current, shape: { kind: 'polygon', geometry } })),
      ),
      mapEvents.on(MAP_EVENTS.radiusDragged, ({ radiusMeters }) =>
        setDraft((current) =>
          current.shape.kind === 'circle' ? { ...current, shape: { kind: 'circle', radiusMeters } } : current,
        ),
      ),
    ];
    return () => {
      stops.forEach((stop) => stop());
      mapCommands.emit(MAP_COMMANDS.drawStop, {});
    };
  }, []);

  const problems = validateDraft(draft, site);
  const problemsFor = (field: DraftField) => problems.filter((problem) => problem.field === field);
  // Shape problems show as soon as there is a shape; the rest once the user tries to send.
  const shown = (field: DraftField) =>
    attempted || (field === 'shape' && (draft.shape.kind === 'circle' || draft.shape.geometry !== null))
      ? problemsFor(field)
      : [];
  const stale = props.mode === 'edit' && editing !== undefined && editing.properties.version !== baseVersion;
  const drawingPolygon =
    draft.shape.kind === 'polygon' && draft.shape.geometry === null && site !== undefined;

  const update = (change: Partial<ZoneDraft>) => setDraft((current) => ({ ...current, ...change }));
  const close = () =>
    props.mode === 'edit' ? panel.open({ kind: 'zone', zoneId: props.zoneId }) : panel.close();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setServerError(null);
    if (problems.length > 0) {
      document.getElementById(ids.problems)?.focus();
      return;
    }
    setBusy(true);
    // Recorded by the api in the same transaction as the proposal: no proposal without the approval asked for.
    const approval = signsFor && approveNow ? { approve: true } : {};
    try {
      const saved =
        props.mode === 'edit'
          ? await api.zones.update(props.zoneId, { ...toUpdateRequest(draft, baseVersion), ...approval })
          : await api.zones.create({ ...toCreateRequest(draft), ...approval });
      zones.upsert(saved);
      panel.open({ kind: 'zone', zoneId: saved.properties.id });
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 409 && props.mode === 'edit')
        setServerError({ kind: 'stale' });
      else if (caught instanceof ApiError && caught.status === 400)
        setServerError({ kind: 'invalid', messages: refusalTexts(caught, t) });
      else setServerError({ kind: 'other', message: apiErrorText(caught, t, language) });
    }
  };

  const reload = async () => {
    if (props.mode !== 'edit') return;
    try {
      const fresh = await api.zones.get(props.zoneId);
      zones.upsert(fresh);
      setDraft(draftFromZone(fresh));
      setBaseVersion(fresh.properties.version);
      setServerError(null);
      setAttempted(false);
      setRestart((count) => count + 1);
    } catch {
      setServerError({ kind: 'other', message: t('error.network') });
    }
  };

  const title =
    props.mode === 'edit'
      ? t('zoneForm.editTitle', { name: editing?.properties.name ?? '' })
      : t('zoneForm.createTitle');
  if (props.mode === 'edit' && !editing) {
    return (
      <PanelFrame title={t('zoneForm.editTitle', { name: '' })} onClose={() => panel.close()}>
        <p>{zonesState.status === 'loading' ? t('common.loading') : t('zone.gone')}</p>
      </PanelFrame>
    );
  }

  return (
    <PanelFrame title={title} onClose={close} testId="zone-form">
      <form class="zone-form" onSubmit={submit} noValidate>
        {stale && serverError?.kind !== 'stale' && (
          <div class="notice notice--warning" role="status">
            {t('zoneForm.changedMeanwhile')}{' '}
            <button type="button" class="button button--secondary button--small" onClick={reload}>
              {t('zoneForm.reload')}
            </button>
          </div>
        )}

        <div class="field">
          <label for={ids.site}>{t('zoneForm.site')}</label>
          {props.mode === 'edit' ? (
            <p id={ids.site}>{site?.properties.name ?? '–'}</p>
          ) : manageable.length === 0 ? (
            <p id={ids.site} class="form-error">
              {t('zoneForm.noSites')}
            </p>
          ) : (
            <select
              id={ids.site}
              value={draft.siteId ?? ''}
              aria-invalid={shown('site').length > 0}
              onChange={(event) => update({ siteId: event.currentTarget.value || null })}
            >
              <option value="">{t('zoneForm.chooseSite')}</option>
              {manageable.map((candidate) => (
                <option key={candidate.properties.id} value={candidate.properties.id}>
                  {candidate.properties.name}
                </option>
              ))}
            </select>
          )}
          <FieldProblems problems={shown('site')} />
        </div>

        <fieldset class="field" disabled={!site}>
          <legend>{t('zoneForm.shape')}</legend>
          <div class="segmented">
            <label>
              <input
                type="radio"
                name="shape"
                checked={draft.shape.kind === 'polygon'}
                onChange={() =>
                  update({
                    shape: {
                      kind: 'polygon',
                      geometry: editing && props.mode === 'edit' ? editing.geometry : null,
                    },
                  })
                }
              />
              {t('zoneForm.shape.polygon')}
            </label>
            <label>
              <input
                type="radio"
                name="shape"
                checked={draft.shape.kind === 'circle'}
                onChange={() => update({ shape: { kind: 'circle', radiusMeters: DEFAULT_RADIUS_METERS } })}
              />
              {t('zoneForm.shape.circle')}
            </label>
          </div>
          {draft.shape.kind === 'polygon' ? (
            <>
              <p class="field__hint" data-testid="draw-hint">
                {t(drawingPolygon ? 'zoneForm.draw.hint' : 'zoneForm.draw.editHint')}
              </p>
              <div class="action-row">
                {drawingPolygon ? (
                  <>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() => mapCommands.emit(MAP_COMMANDS.drawFinish, {})}
                    >
                      {t('zoneForm.draw.finish')}
                    </button>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() => mapCommands.emit(MAP_COMMANDS.drawUndo, {})}
                    >
                      {t('zoneForm.draw.undo')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    onClick={() => mapCommands.emit(MAP_COMMANDS.drawRedraw, {})}
                  >
                    {t('zoneForm.draw.again')}
                  </button>
                )}
              </div>
            </>
          ) : (
            <div class="field field--inline">
              <label for={ids.radius}>{t('zoneForm.radius')}</label>
              <input
                id={ids.radius}
                type="number"
                inputMode="numeric"
                min={ZONE_LIMITS.minRadiusMeters}
                max={ZONE_LIMITS.maxRadiusMeters}
                step={5}
                value={draft.shape.radiusMeters}
                aria-invalid={shown('shape').length > 0}
                onInput={(event) => {
                  const radiusMeters = event.currentTarget.valueAsNumber;
                  update({ shape: { kind: 'circle', radiusMeters } });
                  if (
                    radiusMeters >= ZONE_LIMITS.minRadiusMeters &&
                    radiusMeters <= ZONE_LIMITS.maxRadiusMeters
                  ) {
                    mapCommands.emit(MAP_COMMANDS.drawRadius, { radiusMeters });
                  }
                }}
              />
              <span class="field__hint">{t('zoneForm.radiusHint')}</span>
            </div>
          )}
          <FieldProblems problems={shown('shape')} />
        </fieldset>

        <div class="field">
          <label for={ids.name}>{t('zoneForm.name')}</label>
          <input
            id={ids.name}
            type="text"
            value={draft.name}
            aria-invalid={shown('name').length > 0}
            onInput={(event) => update({ name: event.currentTarget.value })}
          />
          <FieldProblems problems={shown('name')} />
        </div>

        <fieldset class="field">
          <legend>{t('zoneForm.hours')}</legend>
          <div class="checkbox">
            <input
              id={ids.always}
              type="checkbox"
              checked={draft.always}
              onChange={(event) => {
                setHoursTouched(true);
                update({ always: event.currentTarget.checked });
              }}
            />
            <label for={ids.always}>{t('zoneForm.always')}</label>
          </div>
          {!draft.always && (
            <ScheduleEditor
              windows={draft.windows}
              onChange={(windows) => {
                setHoursTouched(true);
                update({ windows });
              }}
              invalid={shown('schedule').length > 0}
            />
          )}
          <p class="schedule-preview" data-testid="schedule-preview">
            <span class="visually-hidden">{t('zoneForm.inWords')} </span>
            {describeSchedule(scheduleOf(draft), language).join('; ')}
          </p>
          {!hoursTouched && site && (
            <p class="field__hint" data-testid="hours-source">
              {t(site.properties.openingSchedule ? 'zoneForm.hoursFromSite' : 'zoneForm.hoursNoSiteSchedule')}
            </p>
          )}
          <FieldProblems problems={shown('schedule')} />
        </fieldset>

        <fieldset class="field">
          <legend>{t('zoneForm.validity')}</legend>
          <div class="field-pair">
            <div class="field">
              <label for={ids.from}>{t('zoneForm.validFrom')}</label>
              <input
                id={ids.from}
                type="datetime-local"
                value={draft.validFrom}
                onInput={(event) => update({ validFrom: event.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for={ids.until}>{t('zoneForm.validUntil')}</label>
              <input
                id={ids.until}
                type="datetime-local"
                value={draft.validUntil}
                onInput={(event) => update({ validUntil: event.currentTarget.value })}
              />
            </div>
          </div>
          <p class="field__hint">{t('zoneForm.validityHint')}</p>
          <FieldProblems problems={shown('validity')} />
        </fieldset>

        <div class="field">
          <label for={ids.notes}>{t('zoneForm.notes')}</label>
          <textarea
            id={ids.notes}
            rows={3}
            value={draft.notes}
            onInput={(event) => update({ notes: event.currentTarget.value })}
          />
          <p class="field__hint">{t('zoneForm.notesHint')}</p>
          <IdentityHint text={draft.notes} />
          <FieldProblems problems={shown('notes')} />
        </div>

        <fieldset class="field" data-testid="zone-terms">
          <legend>{t('zoneForm.terms')}</legend>
          {ZONE_CLAUSES.map((clause) => (
            <label key={clause.key} class="checkbox">
              <input
                type="checkbox"
                checked={draft.clauses.includes(clause.key)}
                onChange={(event) =>
                  update({
                    clauses: event.currentTarget.checked
                      ? [...draft.clauses, clause.key]
                      : draft.clauses.filter((key) => key !== clause.key),
                  })
                }
              />{' '}
              {clause[language]}
            </label>
          ))}
          <label for={ids.termsText}>{t('zoneForm.termsText')}</label>
          <textarea
            id={ids.termsText}
            rows={2}
            value={draft.termsText}
            onInput={(event) => update({ termsText: event.currentTarget.value })}
          />
          <IdentityHint text={draft.termsText} />
          <FieldProblems problems={shown('terms')} />
        </fieldset>

        <div class="field">
          <label for={ids.reviewBy}>{t('zoneForm.reviewBy')}</label>
          <input
            id={ids.reviewBy}
            type="date"
            value={draft.reviewBy}
            onInput={(event) => update({ reviewBy: event.currentTarget.value })}
          />
          <p class="field__hint">{t('zoneForm.reviewByHint')}</p>
          <FieldProblems problems={shown('reviewBy')} />
        </div>

        {signsFor && (
          <div class="field">
            <div class="checkbox">
              <input
                id={ids.approve}
                type="checkbox"
                checked={approveNow}
                onChange={(event) => setApproveNow(event.currentTarget.checked)}
              />
              <label for={ids.approve}>
                {t(signsFor === 'police' ? 'zoneForm.approveNow.police' : 'zoneForm.approveNow.service')}
              </label>
            </div>
            <p class="field__hint">{t('zoneForm.approveNowHint')}</p>
          </div>
        )}

        <div
          id={ids.problems}
          tabIndex={-1}
          role="alert"
          class={attempted && problems.length > 0 ? 'form-error' : 'form-error form-error--empty'}
        >
          {attempted && problems.length > 0 && t('zoneForm.fixProblems', { count: problems.length })}
        </div>
        <ServerErrorBox error={serverError} onReload={reload} />

        <div class="form-actions">
          <button type="button" class="button button--secondary" onClick={close}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            class="button button--primary"
            aria-busy={busy}
            data-testid="zone-form-submit"
          >
            {busy && <span class="spinner" aria-hidden="true" />}
            {t(props.mode === 'edit' ? 'zoneForm.submitEdit' : 'zoneForm.submitCreate')}
          </button>
        </div>
        <p class="field__hint">{t('zoneForm.approvalNote')}</p>
      </form>
    </PanelFrame>
  );
}

function FieldProblems({ problems }: { problems: DraftProblem[] }) {
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

function ServerErrorBox({ error, onReload }: { error: ServerError | null; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <div
      role="alert"
      class={error ? 'form-error' : 'form-error form-error--empty'}
      data-testid="zone-form-server-error"
    >
      {error?.kind === 'stale' && (
        <>
          <p>{t('zoneForm.conflict')}</p>
          <button type="button" class="button button--secondary button--small" onClick={onReload}>
            {t('zoneForm.reload')}
          </button>
        </>
      )}
      {error?.kind === 'invalid' && (
        <>
          <p>{t('zoneForm.refused')}</p>
          <p class="form-error__detail">{error.messages[0]}</p>
          {error.messages.length > 1 && (
            <ul>
              {error.messages.slice(1).map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {error?.kind === 'other' && <p>{error.message}</p>}
    </div>
  );
}
