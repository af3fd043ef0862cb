import { REPORT_CATEGORIES, REPORT_LIMITS, type FieldReport } from '@samverkan/contracts';
import { codePointLength } from '@samverkan/text';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, failureKindOf } from '../api/api-error';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { REPORT_CATEGORY_LOOKS } from './report-categories';
import {
  identifyingProblem,
  newReportDraft,
  occurredAtBounds,
  serverProblemsOf,
  toCreateReportRequest,
  validateReportDraft,
  type ReportDraft,
  type ReportField,
  type ReportPlace,
  type ServerProblem,
} from './report-form.model';
import { REPORT_EVENTS, reportsFeature } from './reports-feature';
import './reports.css';
import { sitesFeature } from '../sites/sites-feature';
import { useFeature } from '../session/feature-registry';
import { zonesFeature } from '../zones/zones-feature';

/**
 * The field report form, made to be filled in within a minute on a phone: a tap on the category, the time
 * already set to now, the place already set when opened from a site's or zone's panel, a short text. The
 * identity guard runs here before anything is sent.
 */
export function ReportForm({
  place = {},
  onDone,
  onCancel,
}: {
  place?: ReportPlace;
  onDone: (report: FieldReport) => void;
  onCancel?: () => void;
}) {
  const { api, events } = useFeature(reportsFeature);
  const sites = useFeature(sitesFeature);
  const zones = useFeature(zonesFeature);
  const sitesState = useStore(sites);
  const { t, language } = useI18n();
  const ids = {
    form: useId(),
    category: useId(),
    place: useId(),
    when: useId(),
    body: useId(),
    privacy: useId(),
    count: useId(),
  };
  const [draft, setDraft] = useState<ReportDraft>(() => newReportDraft(place, new Date()));
  const [choosingPlace, setChoosingPlace] = useState(!place.siteId && !place.zoneId);
  const [showProblems, setShowProblems] = useState(false);
  const [serverProblems, setServerProblems] = useState<ServerProblem[]>([]);
  const [failure, setFailure] = useState<'network' | 'server' | null>(null);
  const [sending, setSending] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const now = new Date();
  const bounds = occurredAtBounds(now);
  const problems = showProblems ? validateReportDraft(draft, now, language) : [];
  // The identity warning shows while typing, before any attempt to send.
  const liveIdentity = showProblems ? null : identifyingProblem(draft.body, language);
  const problemOf = (field: ReportField) =>
    problems.find((problem) => problem.field === field) ?? (field === 'body' ? liveIdentity : null);
  const serverProblemOf = (field: ReportField) => serverProblems.find((problem) => problem.field === field);
  const generalServerProblems = serverProblems.filter((problem) => problem.field === null);

  const siteOptions = useMemo(
    () =>
      [...sitesState.sites.values()].sort((a, b) =>
        a.properties.name.localeCompare(b.properties.name, language),
      ),
    [sitesState.revision, language],
  );
  const zone = draft.zoneId ? zones.get(draft.zoneId) : undefined;
  const siteId = draft.siteId ?? zone?.properties.siteId ?? null;
  const siteName = siteId ? sites.get(siteId)?.properties.name : undefined;

  const change = (update: Partial<ReportDraft>) => {
    setDraft((current) => ({ ...current, ...update }));
    setServerProblems([]);
    setFailure(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    const found = validateReportDraft(draft, new Date(), language);
    setShowProblems(true);
    if (found.length > 0) {
      document.getElementById(`${ids.form}-${found[0].field}`)?.focus();
      return;
    }
    setSending(true);
    setServerProblems([]);
    setFailure(null);
    try {
      const report = await api.create(toCreateReportRequest(draft));
      events.emit(REPORT_EVENTS.created, report);
      onDone(report);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const refused = serverProblemsOf(error, t);
        setServerProblems(refused);
        const field = refused.find((problem) => problem.field)?.field;
        if (field) document.getElementById(`${ids.form}-${field}`)?.focus();
      } else {
        setFailure(failureKindOf(error));
      }
    } finally {
      setSending(false);
    }
  };

  const fieldError = (field: ReportField) => {
    const problem = problemOf(field);
    const refused = serverProblemOf(field);
    if (!problem && !refused) return null;
    return (
      <p class="field-error" id={`${ids.form}-${field}-error`}>
        {problem
          ? t(problem.message, problem.params)
          : t('reports.form.serverRefused', { message: refused!.message })}
      </p>
    );
  };
  const invalid = (field: ReportField) => (problemOf(field) || serverProblemOf(field) ? 'true' : undefined);
  const describedBy = (field: ReportField, ...more: string[]) =>
    [...more, problemOf(field) || serverProblemOf(field) ? `${ids.form}-${field}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const length = codePointLength(draft.body);

  return (
    <form
      class="report-form"
      onSubmit={submit}
      noValidate
      data-testid="report-form"
      aria-labelledby={`${ids.form}-title`}
    >
      <h3 class="report-form__title" id={`${ids.form}-title`}>
        {t('reports.form.title')}
      </h3>

      <div class="field">
        {choosingPlace ? (
          <>
            <label for={`${ids.form}-place`}>{t('reports.form.place')}</label>
            <select
              id={`${ids.form}-place`}
              value={draft.siteId ?? ''}
              aria-invalid={invalid('place')}
              aria-describedby={describedBy('place')}
              onChange={(event) => change({ siteId: event.currentTarget.value || null, zoneId: null })}
            >
              <option value="">{t('reports.form.noPlace')}</option>
              {siteOptions.map((site) => (
                <option key={site.properties.id} value={site.properties.id}>
                  {site.properties.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p class="report-form__place" id={`${ids.form}-place`} tabIndex={-1}>
            <span class="report-form__place-label">{t('reports.form.about')}</span>{' '}
            <strong>{zone ? zone.properties.name : (siteName ?? t('reports.form.unknownPlace'))}</strong>
            {zone && siteName && <span class="report-form__place-site"> · {siteName}</span>}{' '}
            <button type="button" class="link-button" onClick={() => setChoosingPlace(true)}>
              {t('reports.form.changePlace')}
            </button>
          </p>
        )}
        {fieldError('place')}
      </div>

      <fieldset class="report-form__categories" aria-describedby={describedBy('category')}>
        <legend id={`${ids.form}-category`}>{t('reports.form.category')}</legend>
        <div class="category-choices">
          {REPORT_CATEGORIES.map((category, index) => (
            <label
              key={category}
              class="category-choice"
              data-category={category}
              style={{ '--category-color': REPORT_CATEGORY_LOOKS[category].color }}
            >
              <input
                type="radio"
                name={`${ids.form}-category`}
                id={index === 0 ? `${ids.form}-category` : undefined}
                value={category}
                checked={draft.category === category}
                onChange={() => change({ category })}
              />
              <span class="category-choice__text">
                <span class="category-choice__label">{t(REPORT_CATEGORY_LOOKS[category].label)}</span>
                <span class="category-choice__hint">{t(REPORT_CATEGORY_LOOKS[category].hint)}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldError('category')}
      </fieldset>

      <div class="field">
        <label for={`${ids.form}-occurredAt`}>{t('reports.form.when')}</label>
        <input
          id={`${ids.form}-occurredAt`}
          type="datetime-local"
          value={draft.occurredAtLocal}
          min={bounds.min}
          max={bounds.max}
          aria-invalid={invalid('occurredAt')}
          aria-describedby={describedBy('occurredAt')}
          onInput={(event) => change({ occurredAtLocal: event.currentTarget.value })}
        />
        {fieldError('occurredAt')}
      </div>

      <div class="field">
        <label for={`${ids.form}-body`}>{t('reports.form.body')}</label>
        <p class="privacy-reminder" id={`${ids.form}-privacy`}>
          {t('reports.form.privacy')}
        </p>
        <textarea
          id={`${ids.form}-body`}
          ref={bodyRef}
          rows={4}
          value={draft.body}
          aria-invalid={invalid('body')}
          aria-describedby={describedBy('body', `${ids.form}-privacy`, `${ids.form}-count`)}
          onInput={(event) => change({ body: event.currentTarget.value })}
        />
        <p
          class={`char-count${length > REPORT_LIMITS.maxBody ? ' char-count--over' : ''}`}
          id={`${ids.form}-count`}
        >
          {t('reports.form.count', { length, max: REPORT_LIMITS.maxBody })}
        </p>
        {fieldError('body')}
      </div>

      <div
        role="alert"
        class={failure || generalServerProblems.length > 0 ? 'form-error' : 'form-error form-error--empty'}
      >
        {failure && t(failure === 'network' ? 'reports.form.failedNetwork' : 'reports.form.failedServer')}
        {generalServerProblems.map((problem) => (
          <span key={problem.message}>{t('reports.form.serverRefused', { message: problem.message })}</span>
        ))}
      </div>

      <div class="report-form__actions">
        <button type="submit" class="button button--primary" aria-busy={sending}>
          {t(sending ? 'reports.form.sending' : 'reports.form.send')}
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {t('reports.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
