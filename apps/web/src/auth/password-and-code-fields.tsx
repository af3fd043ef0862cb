import type { ConfirmWithSecondFactor, PasskeyRequestOptions } from '@samverkan/contracts';
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { passkeyErrorText, signWithPasskey } from './passkey-ceremony';

/**
 * The state of a form confirmed by the password and a code, or the password and a passkey: `confirm(false)` with
 * the code typed, `confirm(true)` with a passkey signed for `confirmOptions`; `act` does the change. A missing field
 * or a refusal shows as `error` in the user's language.
 */
export function usePasswordAndCodeConfirmation(
  confirmOptions: () => Promise<PasskeyRequestOptions>,
  act: (confirmation: ConfirmWithSecondFactor) => Promise<void>,
) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async (withPasskey: boolean) => {
    if (busy) return;
    if (!password || (!withPasskey && !code.trim())) {
      setError(t(password ? 'mfa.settings.missing' : 'mfa.passkeys.missingPassword'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await act(
        withPasskey
          ? { currentPassword: password, passkey: await signWithPasskey(await confirmOptions()) }
          : { currentPassword: password, code: code.trim() },
      );
    } catch (caught) {
      setError(passkeyErrorText(caught, t));
      setBusy(false);
    }
  };

  return { password, setPassword, code, setCode, busy, error, confirm };
}

/**
 * The password and a code (from the authenticator app, or a recovery code): what turning the second factor off or
 * removing a passkey asks for.
 */
export function PasswordAndCodeFields({
  password,
  code,
  onPassword,
  onCode,
}: {
  password: string;
  code: string;
  onPassword: (password: string) => void;
  onCode: (code: string) => void;
}) {
  const { t } = useI18n();
  const ids = { password: useId(), code: useId() };
  return (
    <>
      <div class="field">
        <label for={ids.password}>{t('mfa.settings.password')}</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(event) => onPassword(event.currentTarget.value)}
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
          onInput={(event) => onCode(event.currentTarget.value)}
        />
      </div>
    </>
  );
}
