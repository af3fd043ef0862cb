import type { User } from '@samverkan/contracts';
import { useId, useMemo, useState } from 'preact/hooks';
import { apiErrorText } from '../api/api-error';
import { useI18n } from '../i18n/use-i18n';
import { Dialog } from '../ui/dialog';
import { SecondFactorSetup } from './second-factor-setup';
import { secondFactorApi, type SecondFactorContext } from './second-factor.api';
import './second-factor.css';

/** The user's own second factor, from the top bar: turn it on, or off with the password and a code. */
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
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { password: useId(), code: useId(), error: useId(), title: useId() };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!password || !code.trim()) {
      setError(t('mfa.settings.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.disable({ currentPassword: password, code: code.trim() });
      session.userChanged(await api.me());
    } catch (caught) {
      setError(apiErrorText(caught, t));
      setBusy(false);
    }
  };

  return (
    <form class="second-factor__turn-off" onSubmit={submit} noValidate aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('mfa.settings.turnOffTitle')}</h3>
      <div role="alert" id={ids.error} class={error ? 'form-error' : 'form-error form-error--empty'}>
        {error}
      </div>
      <div class="field">
        <label for={ids.password}>{t('mfa.settings.password')}</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={ids.code}>{t('mfa.settings.code')}</label>
        <input
          id={ids.code}
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellcheck={false}
          maxLength={32}
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button button--danger" aria-busy={busy} aria-disabled={busy}>
        {t(busy ? 'mfa.settings.turningOff' : 'mfa.settings.turnOff')}
      </button>
    </form>
  );
}
