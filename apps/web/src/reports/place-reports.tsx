import type { FieldReport } from '@samverkan/contracts';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { reportsHref } from '../state/routes';
import { ReportCard } from './report-card';
import { ReportForm } from './report-form';
import { useReportList } from './use-report-list';
import { useUpcomingMeetings } from './use-upcoming-meetings';
import './reports.css';

/** How many reports the panel shows before linking to the full list. */
const PANEL_REPORTS = 5;

/**
 * For a site's or a zone's detail panel: the "Report" button (the form opens in place, with the site or
 * zone already chosen) and the latest field reports about it, with their status.
 */
export function PlaceReports({ siteId, zoneId }: { siteId?: string; zoneId?: string }) {
  const { t } = useI18n();
  const { state, changeStatus } = useReportList({
    siteId: zoneId ? null : (siteId ?? null),
    zoneId: zoneId ?? null,
    period: '90d',
  });
  const meetings = useUpcomingMeetings();
  const [writing, setWriting] = useState(false);
  const [sent, setSent] = useState<FieldReport | null>(null);
  const shown = state.reports.slice(0, PANEL_REPORTS);

  return (
    <section class="place-reports" aria-labelledby="place-reports-title" data-testid="place-reports">
      <div class="place-reports__header">
        <h3 id="place-reports-title">{t('reports.panel.title')}</h3>
        {!writing && (
          <button
            type="button"
            class="button button--primary button--small"
            onClick={() => (setSent(null), setWriting(true))}
          >
            {t('reports.panel.report')}
          </button>
        )}
      </div>
      <p role="status" class={sent ? 'notice place-reports__sent' : 'visually-hidden'}>
        {sent ? t('reports.form.sent') : ''}
      </p>
      {writing && (
        <ReportForm
          place={{ siteId: zoneId ? null : siteId, zoneId }}
          onDone={(report) => {
            setWriting(false);
            setSent(report);
          }}
          onCancel={() => setWriting(false)}
        />
      )}
      {state.status === 'loading' && state.reports.length === 0 && (
        <p class="muted">{t('reports.list.loading')}</p>
      )}
      {state.status === 'error' && (
        <p class="field-error">
          {t(state.failure === 'network' ? 'reports.list.failedNetwork' : 'reports.list.failedServer')}
        </p>
      )}
      {state.status === 'ready' && state.reports.length === 0 && (
        <p class="muted">{t('reports.panel.none')}</p>
      )}
      <div class="report-list">
        {shown.map((report) => (
          <ReportCard
            key={report.id}
            report={report}
            state={state}
            onChangeStatus={changeStatus}
            context={{ siteId, zoneId }}
            meetings={meetings}
          />
        ))}
      </div>
      {(siteId || zoneId) && state.reports.length > 0 && (
        <a class="place-reports__all" href={reportsHref(siteId ?? null)}>
          {state.reports.length > PANEL_REPORTS
            ? t('reports.panel.allCount', { count: state.reports.length })
            : t('reports.panel.all')}
        </a>
      )}
    </section>
  );
}
