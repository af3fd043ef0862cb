import { useEffect } from 'preact/hooks';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icons';
import { pushFeature } from './push-feature';
import type { PushSettingsState } from './push-settings.store';

const NOTICE: Partial<Record<PushSettingsState['status'], MessageKey>> = {
  'home-screen': 'push.iosHomeScreen',
  unsupported: 'push.unsupported',
  denied: 'push.denied',
  failed: 'push.failed',
};

/** The device's notification setting, from the top bar. Permission is asked only when it is turned on. */
export function PushSettingsDialog({ onClose }: { onClose: () => void }) {
  const push = useFeature(pushFeature);
  const state = useStore(push);
  const { t } = useI18n();
  useEffect(() => void push.load(), []);
  const notice = NOTICE[state.status];
  const canToggle = state.status === 'on' || state.status === 'off' || state.status === 'failed';
  return (
    <Dialog title={t('push.title')} onClose={onClose}>
      <div class="push-settings" data-testid="push-settings">
        <p>{t('push.why')}</p>
        {canToggle || state.status === 'busy' ? (
          <label class="push-settings__toggle">
            <input
              type="checkbox"
              checked={state.status === 'on'}
              disabled={state.status === 'busy'}
              onChange={(event) =>
                void ((event.currentTarget as HTMLInputElement).checked ? push.enable() : push.disable())
              }
            />{' '}
            {t('push.toggle')}
          </label>
        ) : null}
        {notice && (
          <p class="notice" role="status">
            {t(notice)}
          </p>
        )}
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onClose}>
            {t('push.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** The top bar's "Notifications" button, a bell beside the connection's state: shown only when this server sends pushes. */
export function PushSettingsButton({ onOpen }: { onOpen: () => void }) {
  const push = useFeature(pushFeature);
  const state = useStore(push);
  const { t } = useI18n();
  useEffect(() => void push.load(), []);
  // Until the server has said whether it sends pushes (and when it does not), an empty space of the button's size
  // holds its place: the top bar must not change its height under the user's fingers (or a pen drawing a zone)
  // when the answer comes.
  if (state.status === 'loading' || state.status === 'unavailable') {
    return <span class="icon-button icon-button--small top-bar__push top-bar__push--placeholder" aria-hidden="true" />;
  }
  return (
    <button
      type="button"
      class="icon-button icon-button--small top-bar__push"
      onClick={onOpen}
      aria-label={t('push.title')}
      title={t('push.title')}
      data-testid="push-settings-button"
    >
      <Icon name="bell" size={18} />
    </button>
  );
}
