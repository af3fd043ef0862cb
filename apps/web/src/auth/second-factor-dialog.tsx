import type { User } from '@samverkan/contracts';
import { useId, useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { Dialog } from '../ui/dialog';
import { passkeysSupported } from './passkey-ceremony';
import { PasskeysSection } from './passkeys-section';
import { SecondFactorSetup } from './second-factor-setup';
import { secondFactorApi, type SecondFactorContext } from './second-factor.api';
import './second-factor.css';
import { PasswordAndCodeFields, usePasswordAndCodeConfirmation } from './password-and-code-fields';

/**
 * The user's own second factor, from the top bar: turn it on (an authenticator app, or a passkey), manage the
 * passkeys, or turn it all off with the password and a code or a passkey.
 */
export function SecondFactorDialog({
  user,
  onClose,
  ...context
}: SecondFactorContext & { user: User; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('mfa.name')} onClose={onClose}>
      <div class="second-factor__dialog">
        <p role="status">{t(user.mfaEnabled ? 'mfa.settings.on' : 'mfa.settings.off')}</p>
        {!user.mfaEnabled ? (
          <SecondFactorSetup {...context} />
        ) : user.mfaRequired ? (
          <p class="notice">{t('mfa.settings.required')}</p>
        ) : (
          <TurnOffForm {...context} />
        )}
        {passkeysSupported() && <PasskeysSection {...context} />}
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onClose}>
            {t('mfa.settings.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function TurnOffForm({ session, apiFetch }: SecondFactorContext) {
  const { t } = useI18n();
  const api = useMemo(() => secondFactorApi(apiFetch), [apiFetch]);
  const { password, setPassword, code, setCode, busy, error, confirm: turnOff } = usePasswordAndCodeConfirmation(
    api.confirmOptions,
    async (confirmation) => {
      await api.disable(confirmation);
      session.userChanged(await api.me());
    },
  );
  const ids = { error: useId(), title: useId() };

  const submit = (event: Event) => {
    event.preventDefault();
    void turnOff(false);
  };

  return (
    <form class="second-factor__turn-off" onSubmit={submit} noValidate aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('mfa.settings.turnOffTitle')}</h3>
      <div role="alert" id={ids.error} class={error ? 'form-error' : 'form-error form-error--empty'}>
        {error}
      </div>
      <PasswordAndCodeFields password={password} code={code} onPassword={setPassword} onCode={setCode} />
      <div class="second-factor__actions">
        <button type="submit" class="button button--danger" aria-busy={busy} aria-disabled={busy}>
          {t(busy ? 'mfa.settings.turningOff' : 'mfa.settings.turnOff')}
        </button>
        {passkeysSupported() && (
          <button type="button" class="button button--secondary" onClick={() => void turnOff(true)}>
            {t('mfa.passkeys.confirmWithPasskey')}
          </button>
        )}
      </div>
    </form>
  );
}
