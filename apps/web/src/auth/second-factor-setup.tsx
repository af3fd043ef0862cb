import type { TotpSetupResponse } from '@samverkan/contracts';
import QRCode from 'qrcode';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { apiErrorText } from '../api/api-error';
import { useI18n } from '../i18n/use-i18n';
import { RecoveryCodes } from './recovery-codes';
import { secondFactorApi, type SecondFactorContext } from './second-factor.api';

/** The secret in groups of four, as authenticator apps ask for it to be typed. */
function groupedSecret(secret: string): string {
  return secret
    .replace(/=+$/, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

/**
 * Turning on the second factor: start, scan the QR code (or type the key), confirm with a code, then keep the
 * ten recovery codes. The session learns of it only when the user is done with the codes, so a required
 * set-up does not leave the page before they are kept.
 */
export function SecondFactorSetup({ session, apiFetch }: SecondFactorContext) {
  const { t } = useI18n();
  const api = useMemo(() => secondFactorApi(apiFetch), [apiFetch]);
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const ids = { code: useId(), error: useId(), secret: useId() };

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSetup(await api.setup());
    } catch (caught) {
      setError(apiErrorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (setup && canvasRef.current) {
      QRCode.toCanvas(canvasRef.current, setup.otpauthUrl, {
        width: 200,
        margin: 2,
        errorCorrectionLevel: 'M',
      }).catch(() => undefined);
    }
  }, [setup]);

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setError(t('mfa.setup.missingCode'));
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setRecoveryCodes((await api.confirm(code.replace(/\s/g, ''))).recoveryCodes);
    } catch (caught) {
      setError(apiErrorText(caught, t));
      codeRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const done = async () => {
    try {
      session.userChanged(await api.me());
    } catch (caught) {
      setError(apiErrorText(caught, t));
    }
  };

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => void done()} />;

  const errorBox = (
    <div role="alert" id={ids.error} class={error ? 'form-error' : 'form-error form-error--empty'}>
      {error}
    </div>
  );

  if (!setup) {
    return (
      <div class="second-factor__start">
        <p>{t('mfa.setup.intro')}</p>
        {errorBox}
        <button type="button" class="button button--primary" aria-busy={busy} onClick={() => void start()}>
          {t(busy ? 'mfa.setup.starting' : 'mfa.setup.start')}
        </button>
      </div>
    );
  }

  return (
    <form
      class="second-factor__setup"
      onSubmit={confirm}
      noValidate
      aria-describedby={error ? ids.error : undefined}
    >
      <p>{t('mfa.setup.scan')}</p>
      <canvas ref={canvasRef} class="second-factor__qr" role="img" aria-label={t('mfa.setup.qrLabel')} />
      <p id={ids.secret}>{t('mfa.setup.manual')}</p>
      <p>
        <code class="second-factor__secret" data-testid="totp-secret" aria-describedby={ids.secret}>
          {groupedSecret(setup.secret)}
        </code>
      </p>
      {errorBox}
      <div class="field">
        <label for={ids.code}>{t('mfa.setup.code')}</label>
        <input
          ref={codeRef}
          id={ids.code}
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          value={code}
          aria-invalid={error !== null}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button button--primary" aria-busy={busy} aria-disabled={busy}>
        {t(busy ? 'mfa.setup.confirming' : 'mfa.setup.confirm')}
      </button>
    </form>
  );
}
