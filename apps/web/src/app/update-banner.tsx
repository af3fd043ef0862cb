import { useI18n } from '../i18n/use-i18n';
import { appUpdateFeature } from '../pwa/app-update';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';

/** "A new version is ready: Reload": the new version waits for the user instead of switching under them. */
export function UpdateBanner() {
  const updates = useFeature(appUpdateFeature);
  const state = useStore(updates);
  const { t } = useI18n();
  if (state.status === 'current') return null;
  return (
    <p class="update-banner" role="status" data-testid="update-banner">
      <span>{t('update.ready')}</span>
      <button
        type="button"
        class="button button--small"
        onClick={() => updates.reload()}
        disabled={state.status === 'reloading'}
      >
        {t('update.reload')}
      </button>
    </p>
  );
}
