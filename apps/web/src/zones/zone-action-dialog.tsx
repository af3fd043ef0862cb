import { ZONE_LIMITS, type ZoneFeature } from '@samverkan/contracts';
import { describeSchedule, suspensionUntilProblem, type SuspensionUntilProblem } from '@samverkan/geo';
import { checkText } from '@samverkan/text';
import { useId, useState } from 'preact/hooks';
import { ApiError, apiErrorText } from '../api/api-error';
import { samverkanApiFeature } from '../api/api-feature';
import { useFeature } from '../session/feature-registry';
import { Dialog } from '../ui/dialog';
import type { MessageKey } from '../i18n/dictionary';
import { fromLocalInputValue } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { IdentityHint } from '../ui/identity-hint';
import { versionInForce } from './zone-display';
import type { ApprovalSide } from './zone-permissions';
import { validityText } from './zone-timing-text';
import { ZoneDiffView } from './zone-diff-view';
import { zonesFeature } from './zones-feature';

export type ZoneAction = 'approve' | 'suspend' | 'withdraw';

const REASON_MAX = 2000;

/** The end time's refusals, the app's check and the api's `reason` codes alike, in the user's language. */
const UNTIL_PROBLEM_TEXT: Record<SuspensionUntilProblem, MessageKey> = {
  not_in_future: 'suspension.error.notInFuture',
  too_far_ahead: 'suspension.error.tooFarAhead',
};
const isUntilProblem = (reason: string | undefined): reason is SuspensionUntilProblem =>
  reason === 'not_in_future' || reason === 'too_far_ahead';

const TEXT: Record<ZoneAction, { title: MessageKey; lead: MessageKey; confirm: MessageKey }> = {
  approve: {
    title: 'zoneAction.approve.title',
    lead: 'zoneAction.approve.lead',
    confirm: 'zoneAction.approve.confirm',
  },
  suspend: {
    title: 'zoneAction.suspend.title',
    lead: 'zoneAction.suspend.lead',
    confirm: 'zoneAction.suspend.confirm',
  },
  withdraw: {
    title: 'zoneAction.withdraw.title',
    lead: 'zoneAction.withdraw.lead',
    confirm: 'zoneAction.withdraw.confirm',
  },
};

/**
 * Confirms an approval, suspension or withdrawal, naming exactly what is agreed or stopped: the zone, its
 * version and its hours. Suspending and withdrawing need a reason.
 */
export function ZoneActionDialog({
  zone,
  action,
  side,
  onClose,
}: {
  zone: ZoneFeature;
  action: ZoneAction;
  side: ApprovalSide | null;
  onClose: () => void;
}) {
  const api = useFeature(samverkanApiFeature);
  const zones = useFeature(zonesFeature);
  const { t, language } = useI18n();
  const p = zone.properties;
  const [reason, setReason] = useState('');
  // A datetime-local value, read as Stockholm time like every time the app asks for.
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  // The version the signatory is shown the proposal against (recorded with the approval).
  const [diffFrom, setDiffFrom] = useState<number | undefined>(undefined);
  const compares = action === 'approve' && p.version > 1;
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null);
  const ids = { reason: useId(), until: useId(), untilHint: useId(), error: useId() };
  const needsReason = action !== 'approve';
  const text = TEXT[action];
  // What a suspension stops is the version in force, which may be older than a pending proposal.
  const { version, name, schedule, validFrom, validUntil } = action === 'approve' ? p : versionInForce(p);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (needsReason && checkText(reason, 'reason', { min: 1, max: REASON_MAX }).length > 0) {
      setError({ text: t('zoneAction.reasonRequired', { max: REASON_MAX }), stale: false });
      return;
    }
    let untilIso: string | null = null;
    if (action === 'suspend' && until !== '') {
      untilIso = fromLocalInputValue(until);
      if (!untilIso) {
        setError({ text: t('suspension.error.untilInvalid'), stale: false });
        return;
      }
      const problem = suspensionUntilProblem(new Date(untilIso), new Date());
      if (problem) {
        setError({
          text: t(UNTIL_PROBLEM_TEXT[problem], { days: ZONE_LIMITS.maxSuspensionDays }),
          stale: false,
        });
        return;
      }
    }
    setBusy(true);
    setError(null);
    try {
      const updated =
        action === 'approve'
          ? await api.zones.approve(p.id, p.version, diffFrom)
          : action === 'suspend'
            ? await api.zones.suspend(p.id, untilIso ? { reason, until: untilIso } : { reason })
            : await api.zones.withdraw(p.id, reason);
      zones.upsert(updated);
      onClose();
    } catch (caught) {
      setBusy(false);
      const untilProblem =
        caught instanceof ApiError
          ? caught.details.find((detail) => detail.field === 'until')?.reason
          : undefined;
      if (caught instanceof ApiError && caught.status === 409)
        setError({ text: t('zoneAction.conflict'), stale: true });
      else if (isUntilProblem(untilProblem))
        setError({
          text: t(UNTIL_PROBLEM_TEXT[untilProblem], { days: ZONE_LIMITS.maxSuspensionDays }),
          stale: false,
        });
      else setError({ text: apiErrorText(caught, t, language), stale: false });
    }
  };

  const reload = async () => {
    try {
      zones.upsert(await api.zones.get(p.id));
      onClose();
    } catch {
      setError({ text: t('error.network'), stale: true });
    }
  };

  return (
    <Dialog title={t(text.title, { name })} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid={`zone-${action}-dialog`}>
        <p>
          {t(text.lead, { version, side: side ? t(side === 'police' ? 'side.police' : 'side.service') : '' })}
        </p>
        <dl class="facts facts--compact">
          <dt>{t('zone.name')}</dt>
          <dd>{name}</dd>
          <dt>{t('zone.version')}</dt>
          <dd data-testid="dialog-version">{version}</dd>
          <dt>{t('zone.hours')}</dt>
          <dd>
            {describeSchedule(schedule, language).map((line) => (
              <span key={line} class="block">
                {line}
              </span>
            ))}
          </dd>
          {(validFrom || validUntil) && (
            <>
              <dt>{t('zone.validity')}</dt>
              <dd>{validityText(validFrom, validUntil, language, t)}</dd>
            </>
          )}
        </dl>
        {compares && <ZoneDiffView zoneId={p.id} to={p.version} onLoaded={(diff) => setDiffFrom(diff.from)} />}
        {needsReason && (
          <div class="field">
            <label for={ids.reason}>{t('zoneAction.reason')}</label>
            <textarea
              id={ids.reason}
              rows={3}
              required
              value={reason}
              maxLength={REASON_MAX * 2}
              aria-invalid={error !== null && !error.stale}
              aria-describedby={error ? ids.error : undefined}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
            <IdentityHint text={reason} />
          </div>
        )}
        {action === 'suspend' && (
          <div class="field">
            <label for={ids.until}>{t('suspension.dialog.until')}</label>
            <input
              id={ids.until}
              type="datetime-local"
              value={until}
              aria-describedby={ids.untilHint}
              onInput={(event) => setUntil(event.currentTarget.value)}
              data-testid="suspend-until"
            />
            <p id={ids.untilHint} class="field__hint">
              {t('suspension.dialog.untilHint', { days: ZONE_LIMITS.maxSuspensionDays })}
            </p>
            <p class="field__hint">{t('suspension.dialog.notify')}</p>
          </div>
        )}
        <div role="alert" id={ids.error} class={error ? 'form-error' : 'form-error form-error--empty'}>
          {error?.text}
          {error?.stale && (
            <button
              type="button"
              class="button button--secondary button--small form-error__action"
              onClick={reload}
            >
              {t('zoneForm.reload')}
            </button>
          )}
        </div>
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            class={`button ${action === 'approve' ? 'button--primary' : 'button--danger'}`}
            aria-busy={busy}
          >
            {busy && <span class="spinner" aria-hidden="true" />}
            {t(text.confirm, { version })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
