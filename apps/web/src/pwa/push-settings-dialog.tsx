import { useEffect } from 'preact/hooks';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icons';
import { zoneSoonFeature } from '../zones/zone-soon-feature';
import type { ZoneSoonState } from '../zones/zone-soon.store';
import { pushFeature } from './push-feature';
import type { PushSettingsState } from './push-settings.store';

const NOTICE: Partial<Record<PushSettingsState['status'], MessageKey>> = {
  'home-screen': 'push.iosHomeScreen',
  unsupported: 'push.unsupported',
  denied: 'push.denied',
  failed: 'push.failed',
};

const ZONE_SOON_NOTICE: Partial<Record<ZoneSoonState['status'], MessageKey>> = {
  unsupported: 'zoneSoon.unsupported',
  denied: 'push.denied',
  'no-position': 'zoneSoon.noPosition',
};

/** "Tell me when a zone near me comes into force": worked out on the phone while the app is open. */
function ZoneSoonSetting() {
  const zoneSoon = useFeature(zoneSoonFeature);
  const state = useStore(zoneSoon);
  const { t } = useI18n();
  const notice = ZONE_SOON_NOTICE[state.status];
  return (
    <div class="push-settings__zone-soon" data-testid="zone-soon-setting">
      {state.status !== 'unsupported' && (
        <SettingToggle
          label={t('zoneSoon.toggle')}
          status={state.status}
          turn={(on) => (on ? zoneSoon.enable() : zoneSoon.disable())}
        />
      )}
      <p>{t('zoneSoon.why')}</p>
      {notice && (
        <p class="notice" role="status">
          {t(notice)}
        </p>
      )}
    </div>
  );
}

/** One notification setting's checkbox: ticked when on, held while the change is under way. */
function SettingToggle({ label, status, turn }: { label: string; status: string; turn: (on: boolean) => unknown }) {
  return (
    <label class="push-settings__toggle">
      <input
        type="checkbox"
        checked={status === 'on'}
        disabled={status === 'busy'}
        onChange={(event) => void turn((event.currentTarget as HTMLInputElement).checked)}
      />{' '}
      {label}
    </label>
  );
}

/**
 * The device's notification settings, from the top bar: urgent alerts pushed by the server (when it sends pushes)
 * and the phone's own notice of zones coming into force. Permission is asked only when one is turned on.
 */
export function PushSettingsDialog({ onClose }: { onClose: () => void }) {
  const push = useFeature(pushFeature);
  const state = useStore(push);
  const { t } = useI18n();
  useEffect(() => void push.load(), []);
  const notice = NOTICE[state.status];
  const canToggle = state.status === 'on' || state.status === 'off' || state.status === 'failed';
  const pushes = state.status !== 'loading' && state.status !== 'unavailable';
  return (
    <Dialog title={t('push.title')} onClose={onClose}>
      <div class="push-settings" data-testid="push-settings">
        {pushes && <p>{t('push.why')}</p>}
        {canToggle || state.status === 'busy' ? (
          <SettingToggle label={t('push.toggle')} status={state.status} turn={(on) => (on ? push.enable() : push.disable())} />
        ) : null}
        {notice && (
          <p class="notice" role="status">
            {t(notice)}
          </p>
        )}
        <ZoneSoonSetting />
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onClose}>
            {t('push.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/**
 * The top bar's "Notifications" button, a bell beside the connection's state: shown once the server has said
 * whether it sends pushes, when it does or when this browser can show the phone's own zone notices.
 */
export function PushSettingsButton({ onOpen }: { onOpen: () => void }) {
  const push = useFeature(pushFeature);
  const state = useStore(push);
  const zoneSoon = useStore(useFeature(zoneSoonFeature));
  const { t } = useI18n();
  useEffect(() => void push.load(), []);
  // Until the server has said whether it sends pushes (and when there is nothing to set), an empty space of the
  // button's size holds its place: the top bar must not change its height under the user's fingers (or a pen
  // drawing a zone) when the answer comes.
  const nothingToSet = state.status === 'unavailable' && zoneSoon.status === 'unsupported';
  if (state.status === 'loading' || nothingToSet) {
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
