import type { ConnectionStatus } from '../api/socket-client';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/use-i18n';
import { onlineFeature } from '../pwa/online.store';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { useStore } from '../state/use-store';

const TEXT: Record<ConnectionStatus, MessageKey> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  closed: 'connection.closed',
};

/** The live connection's state, in words and a shape (a filled dot, or a ring while trying). */
export function ConnectionIndicator() {
  const { socket } = useSessionBase();
  const { t } = useI18n();
  const { status } = useStore(socket.connection);
  return (
    <p
      class={`connection connection--${status}`}
      role="status"
      data-testid="connection-state"
      data-status={status}
    >
      <span class="connection__dot" aria-hidden="true" />
      <span class="connection__text">{t(TEXT[status])}</span>
    </p>
  );
}

/** "Offline" beside the connection's state while the phone has no network at all. */
export function OfflineBadge() {
  const online = useStore(useFeature(onlineFeature));
  const { t } = useI18n();
  if (online) return null;
  return (
    <span class="badge badge--offline" data-testid="offline-badge">
      {t('offline.badge')}
    </span>
  );
}

/** A band under the top bar while the live connection is down, saying what still works. */
export function ConnectionBanner() {
  const { socket } = useSessionBase();
  const online = useStore(useFeature(onlineFeature));
  const { t } = useI18n();
  const { status } = useStore(socket.connection);
  if (online && status !== 'reconnecting') return null;
  return (
    <p class="connection-banner" data-testid="connection-banner">
      <span class="connection-banner__dot" aria-hidden="true" />
      {t(online ? 'connection.banner' : 'offline.explain')}
    </p>
  );
}
