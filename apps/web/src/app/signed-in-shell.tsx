import type { User } from '@samverkan/contracts';
import { useEffect, useState } from 'preact/hooks';
import { AdminPage } from '../admin/admin-page';
import { AlertBanner } from '../chat/alert-banner';
import { useI18n } from '../i18n/use-i18n';
import { MapScreen } from '../map/map-screen';
import { NaloxonePage } from '../naloxone/naloxone-page';
import { ReportsPage } from '../reports/reports-page';
import { useStore } from '../state/use-store';
import { Router } from './router';
import { useServices } from './services';
import { ConnectionBanner } from './connection-indicator';
import { TopBar } from './top-bar';
import { createWorkspace, WorkspaceContext } from './workspace';

/** The frame every signed-in view lives in: the top bar, urgent alerts, and the map or an admin page. */
export function SignedInShell({ user }: { user: User }) {
  const services = useServices();
  const { t } = useI18n();
  const [workspace] = useState(() => createWorkspace(services, user, window));
  const [router] = useState(() => new Router(window));
  const route = useStore(router);
  useEffect(
    () => () => {
      workspace.dispose();
      router.dispose();
    },
    [],
  );
  // Issue 8: the reports and naloxone pages are for every role.
  const page = route === 'admin' ? (user.role === 'admin' ? 'admin' : 'map') : route;

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div class={`shell shell--${page}`}>
        <a class="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <TopBar user={user} page={page} router={router} />
        <ConnectionBanner />
        <AlertBanner />
        <main id="main" class="shell__main" tabIndex={-1}>
          {page === 'admin' ? (
            <AdminPage />
          ) : page === 'reports' ? (
            <ReportsPage />
          ) : page === 'naloxone' ? (
            <NaloxonePage user={user} />
          ) : (
            <MapScreen />
          )}
        </main>
      </div>
    </WorkspaceContext.Provider>
  );
}
