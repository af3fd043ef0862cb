import { useState } from 'preact/hooks';
import { LanguageSwitch } from '../i18n/language-switch';
import { useI18n } from '../i18n/use-i18n';
import { passkeysSupported } from './passkey-ceremony';
import { PasskeysSection } from './passkeys-section';
import { SecondFactorSetup } from './second-factor-setup';
import type { SecondFactorContext } from './second-factor.api';
import './second-factor.css';

/** What a user whose role requires a second factor sees until they have one: the set-up, or signing out. */
export function RequiredSetupPage(context: SecondFactorContext) {
  const { session } = context;
  const { t } = useI18n();
  const [signingOut, setSigningOut] = useState(false);

  return (
    <div class="plain-page">
      <div class="plain-page__language">
        <LanguageSwitch />
      </div>
      <main class="plain-page__main" id="main">
        <header class="sign-in__brand">
          <p class="brand-name">{t('app.name')}</p>
        </header>
        <div class="card sign-in__form">
          <h1>{t('mfa.setup.title')}</h1>
          <p class="notice">{t('mfa.setup.required')}</p>
          <SecondFactorSetup {...context} />
          {passkeysSupported() && <PasskeysSection {...context} />}
          <p class="second-factor__back">
            <button
              type="button"
              class="link-button"
              aria-busy={signingOut}
              onClick={() => {
                setSigningOut(true);
                void session.signOut();
              }}
            >
              {t(signingOut ? 'shell.signingOut' : 'shell.signOut')}
            </button>
          </p>
        </div>
      </main>
    </div>
  );
}
