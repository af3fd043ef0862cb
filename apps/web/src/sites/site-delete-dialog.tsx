import type { ListedSite } from '@samverkan/contracts';
import { useState } from 'preact/hooks';
import { samverkanApiFeature } from '../api/api-feature';
import { useFeature } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { Dialog } from '../ui/dialog';
import { useI18n } from '../i18n/use-i18n';
import { siteErrorText } from './site-errors';
import { sitesFeature } from './sites-feature';

/**
 * Confirms deleting a site, saying what follows: its zones without an agreement are withdrawn and its channel
 * is archived. The api refuses while a zone is under an agreement; that refusal is explained here.
 */
export function SiteDeleteDialog({ site, onClose }: { site: ListedSite; onClose: () => void }) {
  const api = useFeature(samverkanApiFeature);
  const sites = useFeature(sitesFeature);
  const panel = useFeature(panelFeature);
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { id, name } = site.properties;

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.sites.remove(id);
      sites.remove(id);
      panel.close();
    } catch (caught) {
      setBusy(false);
      setError(siteErrorText(caught, t, language));
    }
  };

  return (
    <Dialog title={t('siteDelete.title', { name })} onClose={onClose}>
      <div data-testid="site-delete-dialog">
        <p>{t('siteDelete.lead')}</p>
        <div role="alert" class={error ? 'form-error' : 'form-error form-error--empty'}>
          {error}
        </div>
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" class="button button--danger" aria-busy={busy} onClick={remove}>
            {busy && <span class="spinner" aria-hidden="true" />}
            {t('siteDelete.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
