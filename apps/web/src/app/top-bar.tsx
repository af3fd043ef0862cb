import type { User } from '@samverkan/contracts';
import { useState } from 'preact/hooks';
import { ROLE_LABEL } from '../auth/role-label';
import { LanguageSwitch } from '../i18n/language-switch';
import { useI18n } from '../i18n/use-i18n';
import { useServices } from './services';

export function TopBar({ user }: { user: User }) {
  const { session } = useServices();
  const { t } = useI18n();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    await session.signOut();
  };

  return (
    <header class="top-bar">
      <p class="top-bar__brand brand-name">{t('app.name')}</p>
      <div class="top-bar__user" data-testid="signed-in-user">
        <span class="visually-hidden">{t('shell.signedInAs')} </span>
        <span class="top-bar__name">{user.displayName}</span>
        <span class="top-bar__role">
          {t(ROLE_LABEL[user.role])}
          {user.canSign && <span class="badge">{t('role.signatory')}</span>}
        </span>
      </div>
      <div class="top-bar__language">
        <LanguageSwitch tone="dark" />
      </div>
      <button
        type="button"
        class="top-bar__sign-out button button--on-dark"
        onClick={signOut}
        aria-busy={signingOut}
      >
        {t(signingOut ? 'shell.signingOut' : 'shell.signOut')}
      </button>
    </header>
  );
}
