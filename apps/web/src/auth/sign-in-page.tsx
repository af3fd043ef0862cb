import { useId, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/dictionary';
import { LanguageSwitch } from '../i18n/language-switch';
import { useI18n } from '../i18n/use-i18n';
import { useAppBase } from '../session/feature-registry';
import type { SignedOutReason } from './session.store';
import { signInErrorMessage } from './sign-in-error';

const REASON_NOTICE: Record<Exclude<SignedOutReason, null>, MessageKey> = {
  'signed-out': 'signIn.signedOut',
  expired: 'signIn.sessionEnded',
  'code-expired': 'mfa.step.expired',
};

export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const { session } = useAppBase();
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { email: useId(), password: useId(), show: useId(), error: useId() };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (submitting) return;
    if (!email.trim() || !password) {
      setError('signIn.error.missingFields');
      (email.trim() ? passwordRef : emailRef).current?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      // The shell replaces this page once the session is signed in.
      await session.signIn({ email: email.trim(), password });
    } catch (caught) {
      setError(signInErrorMessage(caught));
      setSubmitting(false);
    }
  };

  const notice = reason && !error ? REASON_NOTICE[reason] : null;
  const passwordProps = {
    ref: passwordRef,
    id: ids.password,
    name: 'password',
    autoComplete: 'current-password',
    required: true,
    value: password,
    'aria-invalid':
      error === 'signIn.error.wrongCredentials' || (error === 'signIn.error.missingFields' && !password),
    onInput: (event: Event) => setPassword((event.currentTarget as HTMLInputElement).value),
  };

  return (
    <div class="plain-page">
      <div class="plain-page__language">
        <LanguageSwitch />
      </div>
      <main class="plain-page__main" id="main">
        <header class="sign-in__brand">
          <p class="brand-name">{t('app.name')}</p>
          <p class="sign-in__tagline">{t('app.tagline')}</p>
        </header>
        <form
          class="card sign-in__form"
          onSubmit={submit}
          noValidate
          aria-describedby={error ? ids.error : undefined}
        >
          <h1>{t('signIn.title')}</h1>
          {notice && (
            <p class="notice" role="status">
              {t(notice)}
            </p>
          )}
          <div role="alert" id={ids.error} class={error ? 'form-error' : 'form-error form-error--empty'}>
            {error && t(error)}
          </div>
          <div class="field">
            <label for={ids.email}>{t('signIn.email')}</label>
            <input
              ref={emailRef}
              id={ids.email}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="username"
              autoCapitalize="none"
              spellcheck={false}
              required
              value={email}
              aria-invalid={
                error === 'signIn.error.wrongCredentials' ||
                (error === 'signIn.error.missingFields' && !email.trim())
              }
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={ids.password}>{t('signIn.password')}</label>
            {/* Two elements because Preact's types tie an input's allowed attributes to its type; Preact patches one into the other. */}
            {showPassword ? (
              <input type="text" {...passwordProps} />
            ) : (
              <input type="password" {...passwordProps} />
            )}
          </div>
          <div class="checkbox">
            <input
              id={ids.show}
              type="checkbox"
              checked={showPassword}
              onChange={(event) => setShowPassword(event.currentTarget.checked)}
            />
            <label for={ids.show}>{t('signIn.showPassword')}</label>
          </div>
          <button
            type="submit"
            class="button button--primary button--block"
            aria-busy={submitting}
            aria-disabled={submitting}
          >
            {submitting && <span class="spinner" aria-hidden="true" />}
            {t(submitting ? 'signIn.submitting' : 'signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
