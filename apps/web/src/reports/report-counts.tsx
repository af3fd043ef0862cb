import type { ReportStats } from '@samverkan/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import type { ReportPeriod } from './report-period';
import { siteCountRows } from './report-stats';
import { ReportStatsStore } from './report-stats.store';
import { ReportWeekChart } from './report-week-chart';
import { reportsFeature } from './reports-feature';
import './reports.css';

/** Reports per site, most first (counts only). */
export function ReportSiteTable({ stats }: { stats: ReportStats }) {
  const { t } = useI18n();
  const rows = siteCountRows(stats);
  if (rows.length === 0) return null;
  return (
    <table class="report-table" data-testid="report-site-table">
      <caption>{t('reports.counts.bySite')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.counts.site')}</th>
          <th scope="col" class="report-table__number">
            {t('reports.counts.reports')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.siteId ?? 'none'}>
            <th scope="row">{row.name ?? t('reports.counts.noSite')}</th>
            <td class="report-table__number">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The counts over a period: the week chart and the site table. */
export function ReportCounts({ period, siteId }: { period?: ReportPeriod; siteId?: string }) {
  const { api } = useFeature(reportsFeature);
  const { t } = useI18n();
  const [store] = useState(() => new ReportStatsStore(api));
  const state = useStore(store);
  useEffect(() => {
    void store.load({ period, siteId });
  }, [period, siteId]);
  useEffect(() => () => store.dispose(), [store]);

  return (
    <section class="report-counts" aria-label={t('reports.counts.title')} data-testid="report-counts">
      {state.status === 'loading' && <p class="muted">{t('reports.list.loading')}</p>}
      {state.status === 'error' && (
        <p class="field-error">
          {t(state.failure === 'network' ? 'reports.list.failedNetwork' : 'reports.list.failedServer')}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <ReportWeekChart stats={state.byWeek} title={t('reports.counts.byWeek')} />
          <ReportSiteTable stats={state.bySite} />
        </>
      )}
    </section>
  );
}
