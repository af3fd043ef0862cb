import type { User } from '@samverkan/contracts';
import { useEffect, useState } from 'preact/hooks';
import { AdminPage } from '../admin/admin-page';
import { AlertBanner } from '../chat/alert-banner';
import { useI18n } from '../i18n/use-i18n';
import { MeetingRoom } from '../meetings/meeting-room';
import { MeetingsPage } from '../meetings/meetings-page';
import { NaloxonePage } from '../naloxone/naloxone-page';
import { ReportsPage } from '../reports/reports-page';
import { FeatureRegistryContext, useFeatureRegistry } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { useStore } from '../state/use-store';
import { MapScreen } from './map-screen';
import { Router } from './router';
import { ConnectionBanner } from './connection-indicator';
import { createSignedInSession } from './signed-in-session';
import { TopBar } from './top-bar';

/** The frame every signed-in view lives in: the top bar, urgent alerts, and the map or an admin page. */
export function SignedInShell({ user }: { user: User }) {
  const app = useFeatureRegistry();
  const { t } = useI18n();
  const [session] = useState(() => createSignedInSession(app, user));
  const [router] = useState(() => new Router(window));
  const location = useStore(router);
  useEffect(
    () => () => {
      session.dispose();
      router.dispose();
    },
    [],
  );
  // The reports, naloxone and meetings pages are for every role (each meeting shows only to its organisations'
  // members and coordinators).
  const { route, meetingId, siteId, channelId, zoneId } = location;
  // A channel's or a zone's link (a tapped notification) opens it beside the map; the address then goes back to
  // the map's, so Back and a reload do not open it again.
  useEffect(() => {
    if (!channelId) return;
    session.registry.get(panelFeature).open({ kind: 'messages', channelId });
    router.settle();
  }, [channelId]);
  useEffect(() => {
    if (!zoneId) return;
    session.registry.get(panelFeature).open({ kind: 'zone', zoneId });
    router.settle();
  }, [zoneId]);
  const page = route === 'admin' ? (user.role === 'admin' ? 'admin' : 'map') : route;

  return (
    <FeatureRegistryContext.Provider value={session.registry}>
      {/* A meeting's page is the map with the meeting beside it: it takes the map page's full-height frame. */}
      <div class={`shell shell--${page}${page === 'meeting' ? ' shell--map' : ''}`}>
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
            <ReportsPage siteId={siteId} />
          ) : page === 'naloxone' ? (
            <NaloxonePage user={user} />
          ) : page === 'meetings' ? (
            <MeetingsPage />
          ) : page === 'meeting' && meetingId ? (
            <MeetingRoom key={meetingId} meetingId={meetingId} map={<MapScreen offerCheck={false} />} />
          ) : (
            <MapScreen />
          )}
        </main>
      </div>
    </FeatureRegistryContext.Provider>
  );
}
