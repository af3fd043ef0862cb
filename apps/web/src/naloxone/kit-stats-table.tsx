import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { KitStatsStore } from './kit-stats.store';
import { naloxoneFeature } from './naloxone-feature';
import './naloxone.css';

/** Kits per police organisation (counts only), so a naloxone site can plan resupply. */
export function KitStatsTable() {
  const { api } = useFeature(naloxoneFeature);
  const { t } = useI18n();
  const [store] = useState(() => new KitStatsStore(api));
  const state = useStore(store);
  useEffect(() => void store.load(), [store]);

  return (
    <section class="kit-stats" aria-labelledby="kit-stats-title" data-testid="kit-stats">
      <h2 id="kit-stats-title">{t('naloxone.kitStats.title')}</h2>
      <p class="muted">{t('naloxone.kitStats.intro')}</p>
      {state.status === 'loading' && <p class="muted">{t('naloxone.kits.loading')}</p>}
      {state.status === 'error' && (
        <p class="field-error">
          {t(state.failure === 'network' ? 'naloxone.kits.failedNetwork' : 'naloxone.kits.failedServer')}
        </p>
      )}
      {state.status === 'ready' && state.stats.length === 0 && (
        <p class="muted">{t('naloxone.kitStats.none')}</p>
      )}
      {state.status === 'ready' && state.stats.length > 0 && (
        <ul class="kit-stats__list">
          {state.stats.map((row) => (
            <li key={row.organisationId} class="kit-stats__organisation" data-testid="kit-stats-organisation">
              <h3 class="kit-stats__name">{row.organisationName}</h3>
              <dl class="kit-stats__numbers">
                <div>
                  <dt>{t('naloxone.kitStats.inService')}</dt>
                  <dd>{row.inService}</dd>
                </div>
                <div class={row.expiringWithin60Days > 0 ? 'kit-stats__number--warning' : undefined}>
                  <dt>{t('naloxone.kitStats.expiring')}</dt>
                  <dd>{row.expiringWithin60Days}</dd>
                </div>
                <div class={row.expired > 0 ? 'kit-stats__number--danger' : undefined}>
                  <dt>{t('naloxone.kitStats.expired')}</dt>
                  <dd>{row.expired}</dd>
                </div>
                <div>
                  <dt>{t('naloxone.kitStats.used')}</dt>
                  <dd>{row.usedByMonth.reduce((sum, month) => sum + month.count, 0)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
