import {
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  type FieldReport,
  type ReportCategory,
  type ReportStatus,
} from '@samverkan/contracts';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { REPORT_CATEGORY_LOOKS, REPORT_STATUS_LABEL } from './report-categories';
import { ReportCard } from './report-card';
import { ReportCounts } from './report-counts';
import { ReportForm } from './report-form';
import { REPORT_PERIODS, type ReportPeriod } from './report-period';
import { useReportList } from './use-report-list';
import { useUpcomingMeetings } from './use-upcoming-meetings';
import './reports.css';
import { sitesFeature } from '../sites/sites-feature';
import { useFeature } from '../session/feature-registry';

const PERIOD_LABEL = {
  '7d': 'reports.period.7d',
  '30d': 'reports.period.30d',
  '90d': 'reports.period.90d',
  '365d': 'reports.period.365d',
} as const satisfies Record<ReportPeriod, string>;

type Tab = 'list' | 'counts';

/** The field reports page (`#/reports`): the list with its filters and status changes, and the counts. */
export function ReportsPage({ siteId }: { siteId: string | null }) {
  const { t, language } = useI18n();
  const sites = useFeature(sitesFeature);
  const sitesState = useStore(sites);
  const ids = { site: useId(), category: useId(), status: useId(), period: useId() };
  const { store, state, changeStatus } = useReportList({ siteId });
  const meetings = useUpcomingMeetings();
  const [tab, setTab] = useState<Tab>('list');
  const [writing, setWriting] = useState(false);
  const [sent, setSent] = useState<FieldReport | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { filter } = state;

  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  // "All reports for this site" from a panel while this page is open changes only the location's site.
  useEffect(() => {
    if (siteId !== store.value.filter.siteId) void store.setFilter({ siteId, zoneId: null });
  }, [siteId]);

  const siteOptions = useMemo(
    () =>
      [...sitesState.sites.values()].sort((a, b) =>
        a.properties.name.localeCompare(b.properties.name, language),
      ),
    [sitesState.revision, language],
  );

  return (
    <div class="reports-page" data-testid="reports-page">
      <div class="reports-page__header">
        <h1 ref={heading} tabIndex={-1}>
          {t('reports.page.title')}
        </h1>
        {!writing && (
          <button
            type="button"
            class="button button--primary"
            onClick={() => (setSent(null), setWriting(true))}
          >
            {t('reports.page.new')}
          </button>
        )}
      </div>
      <p role="status" class={sent ? 'notice' : 'visually-hidden'}>
        {sent ? t('reports.form.sent') : ''}
      </p>
      {writing && (
        <div class="card reports-page__form">
          <ReportForm
            place={{ siteId: filter.siteId }}
            onDone={(report) => {
              setWriting(false);
              setSent(report);
            }}
            onCancel={() => setWriting(false)}
          />
        </div>
      )}

      <div class="report-filters" role="group" aria-label={t('reports.filter.label')}>
        <div class="report-filters__field">
          <label for={ids.site}>{t('reports.filter.site')}</label>
          <select
            id={ids.site}
            value={filter.siteId ?? ''}
            onChange={(event) =>
              void store.setFilter({ siteId: event.currentTarget.value || null, zoneId: null })
            }
          >
            <option value="">{t('reports.filter.allSites')}</option>
            {siteOptions.map((site) => (
              <option key={site.properties.id} value={site.properties.id}>
                {site.properties.name}
              </option>
            ))}
          </select>
        </div>
        <div class="report-filters__field">
          <label for={ids.category}>{t('reports.filter.category')}</label>
          <select
            id={ids.category}
            value={filter.category ?? ''}
            onChange={(event) =>
              void store.setFilter({ category: (event.currentTarget.value || null) as ReportCategory | null })
            }
          >
            <option value="">{t('reports.filter.allCategories')}</option>
            {REPORT_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(REPORT_CATEGORY_LOOKS[category].label)}
              </option>
            ))}
          </select>
        </div>
        <div class="report-filters__field">
          <label for={ids.status}>{t('reports.filter.status')}</label>
          <select
            id={ids.status}
            value={filter.status ?? ''}
            onChange={(event) =>
              void store.setFilter({ status: (event.currentTarget.value || null) as ReportStatus | null })
            }
          >
            <option value="">{t('reports.filter.allStatuses')}</option>
            {REPORT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(REPORT_STATUS_LABEL[status])}
              </option>
            ))}
          </select>
        </div>
        <div class="report-filters__field">
          <label for={ids.period}>{t('reports.filter.period')}</label>
          <select
            id={ids.period}
            value={filter.period}
            onChange={(event) => void store.setFilter({ period: event.currentTarget.value as ReportPeriod })}
          >
            {REPORT_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(PERIOD_LABEL[period])}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div class="tab-strip" role="tablist" aria-label={t('reports.page.views')}>
        {(['list', 'counts'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`reports-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`reports-tabpanel-${name}`}
            class="tab-strip__option"
            onClick={() => setTab(name)}
          >
            {t(name === 'list' ? 'reports.page.listTab' : 'reports.page.countsTab')}
          </button>
        ))}
      </div>

      {tab === 'list' ? (
        <div role="tabpanel" id="reports-tabpanel-list" aria-labelledby="reports-tab-list">
          {state.status === 'loading' && <p class="muted">{t('reports.list.loading')}</p>}
          {state.status === 'error' && (
            <div class="form-error" role="alert">
              {t(state.failure === 'network' ? 'reports.list.failedNetwork' : 'reports.list.failedServer')}{' '}
              <button type="button" class="link-button" onClick={() => void store.load()}>
                {t('app.retry')}
              </button>
            </div>
          )}
          {state.status === 'ready' && (
            <p class="muted" aria-live="polite">
              {state.reports.length === 0
                ? t('reports.list.none')
                : state.reports.length === 1
                  ? t('reports.list.countOne')
                  : t('reports.list.count', { count: state.reports.length })}
            </p>
          )}
          <div class="report-list">
            {state.reports.map((report) => (
              <ReportCard
                key={report.id}
                report={report}
                state={state}
                onChangeStatus={changeStatus}
                meetings={meetings}
              />
            ))}
          </div>
        </div>
      ) : (
        <div role="tabpanel" id="reports-tabpanel-counts" aria-labelledby="reports-tab-counts">
          {(filter.category || filter.status) && <p class="notice">{t('reports.counts.filtersNote')}</p>}
          <ReportCounts period={filter.period} siteId={filter.siteId ?? undefined} />
        </div>
      )}
    </div>
  );
}
