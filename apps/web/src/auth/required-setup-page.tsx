import { useState } from 'preact/hooks';
import { useServices } from '../app/services';
import { LanguageSwitch } from '../i18n/language-switch';
import { useI18n } from '../i18n/use-i18n';
import { SecondFactorSetup } from './second-factor-setup';
import './second-factor.css';

/** What a user whose role requires a second factor sees until they have one: the set-up, or signing out. */
export function RequiredSetupPage() {
  const { session } = useServices();
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
          <SecondFactorSetup />
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
