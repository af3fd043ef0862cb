import { useId, useRef, useState } from 'preact/hooks';
import { ApiError, apiErrorText } from '../api/api-error';
import { LanguageSwitch } from '../i18n/language-switch';
import './second-factor.css';
import { useI18n } from '../i18n/use-i18n';
import { passkeyErrorText, passkeysSupported, signWithPasskey } from './passkey-ceremony';
import type { SessionStore } from './session.store';

/** The sign-in's second step: a code from the authenticator app, a recovery code, or a passkey. */
export function SecondStepPage({ session }: { session: SessionStore }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [usingPasskey, setUsingPasskey] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const ids = { code: useId(), hint: useId(), error: useId() };

  /** Too slow, or too many wrong answers: the password must be given again. */
  const signInEnded = (caught: unknown) =>
    caught instanceof ApiError && caught.details.some((detail) => detail.reason === 'sign_in_expired');

  const usePasskey = async () => {
    if (submitting || usingPasskey) return;
    setUsingPasskey(true);
    setError(null);
    try {
      const response = await signWithPasskey(await session.passkeySignInOptions());
      await session.signInWithPasskey(response);
    } catch (caught) {
      setUsingPasskey(false);
      if (signInEnded(caught)) {
        session.cancelSecondStep('code-expired');
        return;
      }
      setError(passkeyErrorText(caught, t));
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (submitting) return;
    if (!code.trim()) {
      setError(t('mfa.step.missingCode'));
      codeRef.current?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      // The shell replaces this page once the session is signed in.
      await session.signInWithCode(code.trim());
    } catch (caught) {
      setSubmitting(false);
      if (signInEnded(caught)) {
        session.cancelSecondStep('code-expired');
        return;
      }
      setError(apiErrorText(caught, t));
      setCode('');
      codeRef.current?.focus();
    }
  };

  return (
    <div class="plain-page">
      <div class="plain-page__language">
        <LanguageSwitch />
      </div>
      <main class="plain-page__main" id="main">
        <header class="sign-in__brand">
          <p class="brand-name">{t('app.name')}</p>
          <p class="sign-in__tagline">{t('mfa.name')}</p>
        </header>
        <form
          class="card sign-in__form"
          onSubmit={submit}
          noValidate
          aria-describedby={error ? ids.error : undefined}
        >
          <h1>{t('mfa.step.title')}</h1>
          <p>{t('mfa.step.intro')}</p>
          <div role="alert" id={ids.error} class={error ? 'form-error' : 'form-error form-error--empty'}>
            {error}
          </div>
          <div class="field">
            <label for={ids.code}>{t('mfa.step.code')}</label>
            {/* Text, not numeric: a recovery code has letters. */}
            <input
              ref={codeRef}
              id={ids.code}
              name="code"
              type="text"
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellcheck={false}
              autoFocus
              required
              maxLength={32}
              value={code}
              aria-describedby={ids.hint}
              aria-invalid={error !== null}
              onInput={(event) => setCode(event.currentTarget.value)}
            />
            <p class="field__hint" id={ids.hint}>
              {t('mfa.step.hint')}
            </p>
          </div>
          <button
            type="submit"
            class="button button--primary button--block"
            aria-busy={submitting}
            aria-disabled={submitting}
          >
            {submitting && <span class="spinner" aria-hidden="true" />}
            {t(submitting ? 'mfa.step.submitting' : 'mfa.step.submit')}
          </button>
          {passkeysSupported() && (
            <>
              <p class="second-factor__or">{t('mfa.step.or')}</p>
              <button
                type="button"
                class="button button--secondary button--block"
                aria-busy={usingPasskey}
                aria-disabled={usingPasskey}
                onClick={() => void usePasskey()}
              >
                {usingPasskey && <span class="spinner" aria-hidden="true" />}
                {t(usingPasskey ? 'mfa.step.passkeyBusy' : 'mfa.step.passkey')}
              </button>
            </>
          )}
          <p class="second-factor__back">
            <button type="button" class="link-button" onClick={() => session.cancelSecondStep()}>
              {t('mfa.step.back')}
            </button>
          </p>
        </form>
      </main>
    </div>
  );
}
