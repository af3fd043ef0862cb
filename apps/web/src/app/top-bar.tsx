import type { User } from '@samverkan/contracts';
import { useState } from 'preact/hooks';
import { ROLE_LABEL } from '../auth/role-label';
import { Icon } from '../ui/icons';
import { SecondFactorDialog } from '../auth/second-factor-dialog';
import { LanguageSwitch } from '../i18n/language-switch';
import { useI18n } from '../i18n/use-i18n';
import { useAppBase } from '../session/feature-registry';
import type { Route } from '../state/routes';
import { PushSettingsButton, PushSettingsDialog } from '../pwa/push-settings-dialog';
import { ConnectionIndicator, OfflineBadge } from './connection-indicator';
import type { Router } from './router';

export function TopBar({ user, page, router }: { user: User; page: Route; router: Router }) {
  const { session, apiFetch } = useAppBase();
  const { t } = useI18n();
  const [signingOut, setSigningOut] = useState(false);
  const [secondFactorOpen, setSecondFactorOpen] = useState(false);
  const [pushOpen, setPushOpen] = useState(false);

  const signOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    await session.signOut();
  };

  return (
    <header class="top-bar">
      <p class="top-bar__brand brand-name">{t('app.name')}</p>
      {/* Every role gets the nav, with the field reports and naloxone pages. */}
      <nav class="top-bar__nav" aria-label={t('nav.label')}>
        <a href={router.href('map')} aria-current={page === 'map' ? 'page' : undefined}>
          {t('nav.map')}
        </a>
        <a href={router.href('reports')} aria-current={page === 'reports' ? 'page' : undefined}>
          {t('reports.nav')}
        </a>
        <a
          href={router.href('meetings')}
          aria-current={page === 'meetings' || page === 'meeting' ? 'page' : undefined}
        >
          {t('meetings.nav')}
        </a>
        <a href={router.href('naloxone')} aria-current={page === 'naloxone' ? 'page' : undefined}>
          {t('naloxone.nav')}
        </a>
        {user.role === 'admin' && (
          <a href={router.href('admin')} aria-current={page === 'admin' ? 'page' : undefined}>
            {t('nav.admin')}
          </a>
        )}
      </nav>
      <div class="top-bar__status">
        <ConnectionIndicator />
        <OfflineBadge />
        <PushSettingsButton onOpen={() => setPushOpen(true)} />
        {pushOpen && <PushSettingsDialog onClose={() => setPushOpen(false)} />}
      </div>
      <div class="top-bar__user" data-testid="signed-in-user">
        <span class="visually-hidden">{t('shell.signedInAs')} </span>
        <span class="top-bar__name">{user.displayName}</span>
        <span class="top-bar__role">
          <span class="top-bar__role-text">{t(ROLE_LABEL[user.role])}</span>
          {user.canSign && <span class="badge">{t('role.signatory')}</span>}
        </span>
        <button type="button" class="top-bar__second-factor" onClick={() => setSecondFactorOpen(true)}>
          <Icon name="key" />
          <span class="top-bar__second-factor-text">{t('mfa.settings.open')}</span>
        </button>
        {secondFactorOpen && (
          <SecondFactorDialog
            user={user}
            session={session}
            apiFetch={apiFetch}
            onClose={() => setSecondFactorOpen(false)}
          />
        )}
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
