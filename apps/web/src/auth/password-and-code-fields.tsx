import { useId } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';

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
