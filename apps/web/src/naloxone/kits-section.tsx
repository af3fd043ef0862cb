import type { Kit, User } from '@samverkan/contracts';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, apiErrorText, failureKindOf } from '../api/api-error';
import { directoryFeature } from '../people/directory-feature';
import { useFeature } from '../session/feature-registry';
import { Dialog } from '../ui/dialog';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { REPORT_EVENTS, reportsFeature } from '../reports/reports-feature';
import { useStore } from '../state/use-store';
import { isInService, kitDraftProblems, kitMark, sortKits, type KitDraft, type KitField } from './kit-marks';
import type { KitReplacementsStore } from './kit-replacements.store';
import { KitsStore } from './kits.store';
import { managesKits, naloxoneFeature } from './naloxone-feature';
import './naloxone.css';

const MARK_LABEL = {
  expired: 'naloxone.kits.mark.expired',
  expiring: 'naloxone.kits.mark.expiring',
  ok: 'naloxone.kits.mark.ok',
  used: 'naloxone.kits.mark.used',
  discarded: 'naloxone.kits.mark.discarded',
} as const;

const ACTION_ERROR = {
  conflict: 'naloxone.kits.actionError.conflict',
  invalid: 'naloxone.kits.actionError.invalid',
  forbidden: 'naloxone.kits.actionError.forbidden',
  network: 'naloxone.kits.actionError.network',
  server: 'naloxone.kits.actionError.server',
} as const;

const EMPTY_DRAFT: KitDraft = { label: '', batch: '', expiresOn: '' };

/** Register or change a kit: label (a unit or vehicle), batch and expiry day. */
function KitForm({
  kit,
  onSave,
  onCancel,
}: {
  kit?: Kit;
  onSave: (draft: KitDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<KitDraft>(
    kit ? { label: kit.label, batch: kit.batch, expiresOn: kit.expiresOn } : EMPTY_DRAFT,
  );
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const problems = checked ? kitDraftProblems(draft) : {};

  const submit = async (event: Event) => {
    event.preventDefault();
    setChecked(true);
    const found = kitDraftProblems(draft);
    const first = Object.keys(found)[0] as KitField | undefined;
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    setRefusal(null);
    try {
      await onSave(draft);
    } catch (error) {
      setRefusal(
        error instanceof ApiError && error.status === 409
          ? t('naloxone.kits.actionError.conflict')
          : error instanceof ApiError && error.status === 400
            ? t('naloxone.kits.form.refused', { message: apiErrorText(error, t) })
            : t(
                failureKindOf(error) === 'network'
                  ? 'naloxone.kits.actionError.network'
                  : 'naloxone.kits.actionError.server',
              ),
      );
    } finally {
      setSaving(false);
    }
  };

  const field = (name: KitField, label: string, type: 'text' | 'date', hint?: string) => (
    <div class="field">
      <label for={`${id}-${name}`}>{label}</label>
      {hint && (
        <p class="field-hint" id={`${id}-${name}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={`${id}-${name}`}
        // Preact's types tie each input type to its own attributes; these two take the same ones here.
        type={type as 'text'}
        value={draft[name]}
        aria-invalid={problems[name] ? 'true' : undefined}
        aria-describedby={
          [hint ? `${id}-${name}-hint` : '', problems[name] ? `${id}-${name}-error` : '']
            .filter(Boolean)
            .join(' ') || undefined
        }
        onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
      />
      {problems[name] && (
        <p class="field-error" id={`${id}-${name}-error`}>
          {t(problems[name])}
        </p>
      )}
    </div>
  );

  return (
    <form class="kit-form" onSubmit={submit} noValidate data-testid="kit-form">
      {field('label', t('naloxone.kits.form.label'), 'text', t('naloxone.kits.form.labelHint'))}
      {field('batch', t('naloxone.kits.form.batch'), 'text')}
      {field('expiresOn', t('naloxone.kits.form.expiresOn'), 'date')}
      <div role="alert" class={refusal ? 'form-error' : 'form-error form-error--empty'}>
        {refusal}
      </div>
      <div class="form-actions">
        <button type="submit" class="button button--primary" aria-busy={saving}>
          {t(kit ? 'naloxone.kits.form.save' : 'naloxone.kits.form.register')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('naloxone.kits.form.cancel')}
        </button>
      </div>
    </form>
  );
}

function expiryText(
  kit: Kit,
  t: ReturnType<typeof useI18n>['t'],
  language: ReturnType<typeof useI18n>['language'],
): string {
  const date = formatDate(`${kit.expiresOn}T12:00:00Z`, language);
  if (!isInService(kit)) return t('naloxone.kits.expiresOn', { date });
  if (kit.expired) return t('naloxone.kits.expiredOn', { date });
  if (kit.daysUntilExpiry === 0) return t('naloxone.kits.expiresToday', { date });
  return t('naloxone.kits.expiresIn', { date, days: kit.daysUntilExpiry });
}

/**
 * The police organisation's naloxone kits: register one, see those expiring within 60 days and the expired
 * ones marked, and record a use in two taps (which creates the overdose response report). Coordinators see
 * every organisation's kits, read only. `replacements` (the "get a new kit" reminder) is asked again after each
 * use and registration; a new `addRequest` opens the form to register a kit.
 */
export function KitsSection({
  user,
  replacements,
  addRequest = 0,
}: {
  user: User;
  replacements?: KitReplacementsStore;
  addRequest?: number;
}) {
  const { api } = useFeature(naloxoneFeature);
  const reports = useFeature(reportsFeature);
  const directory = useFeature(directoryFeature);
  useStore(directory);
  const { t, language } = useI18n();
  const [store] = useState(() => new KitsStore(api));
  const state = useStore(store);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Kit | null>(null);
  const [showOld, setShowOld] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const mayManage = managesKits(user);

  useEffect(() => void store.load(), [store]);
  const addCard = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (addRequest > 0 && mayManage) setAdding(true);
  }, [addRequest, mayManage]);
  // Asked for from the reminder above: bring the form into view with its first field ready.
  useEffect(() => {
    if (adding && addRequest > 0) addCard.current?.querySelector('input')?.focus();
  }, [adding, addRequest]);

  const kits = sortKits(state.kits);
  const current = kits.filter(isInService);
  const old = kits.filter((kit) => !isInService(kit));
  const attention = current.filter((kit) => kitMark(kit) !== 'ok').length;

  const recordUse = async (kit: Kit) => {
    setConfirming(null);
    const response = await store.use(kit);
    if (response) {
      reports.events.emit(REPORT_EVENTS.created, response.report);
      setDone(t('naloxone.kits.used', { label: kit.label }));
      await replacements?.load();
    }
  };

  const row = (kit: Kit) => {
    const mark = kitMark(kit);
    const saving = state.saving.has(kit.id);
    const error = state.kitError?.kitId === kit.id ? state.kitError.reason : null;
    if (editing === kit.id) {
      return (
        <li key={kit.id} class="kit kit--editing">
          <KitForm
            kit={kit}
            onSave={async (draft) => {
              await store.edit(kit, draft);
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        </li>
      );
    }
    return (
      <li key={kit.id} class={`kit kit--${mark}`} data-testid="kit" data-kit-mark={mark}>
        <div class="kit__heading">
          <span class="kit__label">{kit.label}</span>
          <span class={`kit-mark kit-mark--${mark}`}>{t(MARK_LABEL[mark])}</span>
        </div>
        <p class="kit__details">
          {t('naloxone.kits.batch', { batch: kit.batch })} · {expiryText(kit, t, language)}
          {user.role !== 'police' && directory.organisationName(kit.organisationId) && (
            <> · {directory.organisationName(kit.organisationId)}</>
          )}
        </p>
        {mayManage && isInService(kit) && (
          <div class="kit__actions">
            <button
              type="button"
              class="button button--danger"
              disabled={saving}
              aria-busy={saving}
              onClick={() => (setDone(null), setConfirming(kit))}
            >
              {t('naloxone.kits.use')}
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              disabled={saving}
              onClick={() => setEditing(kit.id)}
            >
              {t('naloxone.kits.edit')}
            </button>
            {mark === 'expired' && (
              <button
                type="button"
                class="button button--secondary button--small"
                disabled={saving}
                onClick={() => void store.discard(kit)}
              >
                {t('naloxone.kits.discard')}
              </button>
            )}
          </div>
        )}
        {error && (
          <p class="field-error" role="alert">
            {t(ACTION_ERROR[error])}
          </p>
        )}
      </li>
    );
  };

  return (
    <section class="kits" aria-labelledby="kits-title" data-testid="kits">
      <div class="kits__header">
        <h2 id="kits-title">{t('naloxone.kits.title')}</h2>
        {mayManage && !adding && (
          <button type="button" class="button button--primary button--small" onClick={() => setAdding(true)}>
            {t('naloxone.kits.add')}
          </button>
        )}
      </div>
      {adding && (
        <div class="card kits__add" ref={addCard}>
          <KitForm
            onSave={async (draft) => {
              await store.create(draft);
              setAdding(false);
              const wasReminded = (replacements?.value.pending.length ?? 0) > 0;
              await replacements?.load();
              if (wasReminded && replacements?.value.pending.length === 0) setDone(t('naloxone.replacement.done'));
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      <p role="status" class={done ? 'notice' : 'visually-hidden'}>
        {done ?? ''}
      </p>
      {state.status === 'loading' && <p class="muted">{t('naloxone.kits.loading')}</p>}
      {state.status === 'error' && (
        <p class="field-error">
          {t(state.failure === 'network' ? 'naloxone.kits.failedNetwork' : 'naloxone.kits.failedServer')}
        </p>
      )}
      {state.status === 'ready' && current.length === 0 && (
        <p class="muted">{t(mayManage ? 'naloxone.kits.noneYet' : 'naloxone.kits.none')}</p>
      )}
      {attention > 0 && (
        <p class="kits__attention">
          {attention === 1
            ? t('naloxone.kits.attentionOne')
            : t('naloxone.kits.attention', { count: attention })}
        </p>
      )}
      <ul class="kit-list">{current.map(row)}</ul>
      {old.length > 0 && (
        <>
          <button
            type="button"
            class="link-button"
            aria-expanded={showOld}
            onClick={() => setShowOld(!showOld)}
          >
            {t(showOld ? 'naloxone.kits.hideOld' : 'naloxone.kits.showOld', { count: old.length })}
          </button>
          {showOld && <ul class="kit-list kit-list--old">{old.map(row)}</ul>}
        </>
      )}
      {confirming && (
        <Dialog title={t('naloxone.kits.confirm.title')} onClose={() => setConfirming(null)}>
          <p>{t('naloxone.kits.confirm.body', { label: confirming.label })}</p>
          <p class="muted">{t('naloxone.kits.confirm.report')}</p>
          <div class="form-actions">
            <button type="button" class="button button--danger" onClick={() => void recordUse(confirming)}>
              {t('naloxone.kits.confirm.yes')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(null)}>
              {t('naloxone.kits.confirm.no')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
