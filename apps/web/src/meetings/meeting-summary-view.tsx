import type { Meeting, MeetingSummary, ReportStats } from '@samverkan/contracts';
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { ReportSiteTable } from '../reports/report-counts';
import { ReportWeekChart } from '../reports/report-week-chart';
import { reportsFeature } from '../reports/reports-feature';
import { useFeature } from '../session/feature-registry';
import { sitesFeature } from '../sites/sites-feature';
import { meetingErrorText } from './meeting-errors';
import { meetingsApiFeature } from './meetings-feature';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | { status: 'ready'; summary: MeetingSummary; bySite: ReportStats | null };

/** The summary's reports per week in the shape the reports chart reads. */
export function weekStatsOf(summary: MeetingSummary): ReportStats {
  return {
    since: summary.since,
    until: summary.until,
    groupBy: 'week',
    groups: summary.reports.byWeek.map((week) => ({
      key: week.week,
      count: week.count,
      categories: week.categories,
    })),
  };
}

/** Seconds as "4 min" or "1 h 5 min". */
function duration(seconds: number, t: ReturnType<typeof useI18n>['t']): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return t('meetings.summary.minutes', { minutes });
  return t('meetings.summary.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * "Since last meeting", for the meeting's organisations: zones proposed, agreed, suspended; urgent alerts and
 * how soon they were acknowledged; open and overdue actions; field reports per week and per site. Counts only.
 */
export function MeetingSummaryView({ meeting }: { meeting: Meeting }) {
  const api = useFeature(meetingsApiFeature);
  const reports = useFeature(reportsFeature);
  const sites = useFeature(sitesFeature);
  const { t, language } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoaded({ status: 'loading' });
    void (async () => {
      try {
        const summary = await api.summary(meeting.id, abort.signal);
        // Reports per site only where there are reports to show. A period without length (the previous meeting
        // of the series still ahead) has none, and the reports api refuses such a range.
        const stats =
          summary.reports.total > 0
            ? await reports.api
                .stats({ groupBy: 'site', since: summary.since, until: summary.until }, abort.signal)
                .catch(() => null)
            : null;
        // The table covers the meeting's organisations' sites, as the rest of the summary does.
        const bySite = stats && {
          ...stats,
          groups: stats.groups.filter((group) => {
            const site = sites.get(group.key);
            return site !== undefined && meeting.organisationIds.includes(site.properties.organisationId);
          }),
        };
        if (!abort.signal.aborted) setLoaded({ status: 'ready', summary, bySite });
      } catch (error) {
        if (!abort.signal.aborted) setLoaded({ status: 'failed', error: meetingErrorText(error, t) });
      }
    })();
    return () => abort.abort();
  }, [meeting.id, meeting.startsAt, meeting.organisationIds.join(), attempt]);

  if (loaded.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (loaded.status === 'failed')
    return (
      <div class="form-error" role="alert">
        {loaded.error}{' '}
        <button type="button" class="link-button" onClick={() => setAttempt(attempt + 1)}>
          {t('app.retry')}
        </button>
      </div>
    );

  const { summary, bySite } = loaded;
  const period = t(
    summary.basis === 'previous_meeting' ? 'meetings.summary.sincePrevious' : 'meetings.summary.fallback',
    {
      since: formatDate(summary.since, language),
      until: formatDate(summary.until, language),
    },
  );

  return (
    <section class="meeting-summary" data-testid="meeting-summary" aria-label={t('meetings.tab.summary')}>
      <p class="muted">{period}</p>
      <p class="field-hint">{t('meetings.summary.countsOnly')}</p>
      <dl class="summary-grid">
        <SummaryFigure label={t('meetings.summary.zonesProposed')} value={summary.zones.proposed} />
        <SummaryFigure label={t('meetings.summary.zonesAgreed')} value={summary.zones.agreed} />
        <SummaryFigure label={t('meetings.summary.zonesSuspended')} value={summary.zones.suspended} />
        <SummaryFigure label={t('meetings.summary.zonesWithdrawn')} value={summary.zones.withdrawn} />
        {summary.zonesDueForReview !== undefined && (
          <SummaryFigure label={t('meetings.summary.zonesDueForReview')} value={summary.zonesDueForReview} />
        )}
        <SummaryFigure label={t('meetings.summary.alerts')} value={summary.alerts.total} />
        <SummaryFigure
          label={t('meetings.summary.alertsUnacknowledged')}
          value={summary.alerts.unacknowledged}
        />
        <SummaryFigure label={t('meetings.summary.actionsOpen')} value={summary.actions.open} />
        <SummaryFigure
          label={t('meetings.summary.actionsOverdue')}
          value={summary.actions.overdue}
          warn={summary.actions.overdue > 0}
        />
        <SummaryFigure label={t('meetings.summary.actionsDone')} value={summary.actions.doneInPeriod} />
        <SummaryFigure label={t('meetings.summary.reports')} value={summary.reports.total} />
      </dl>
      {summary.alerts.medianAckSeconds !== null && summary.alerts.maxAckSeconds !== null && (
        <p>
          {t('meetings.summary.ackTimes', {
            median: duration(summary.alerts.medianAckSeconds, t),
            max: duration(summary.alerts.maxAckSeconds, t),
          })}
        </p>
      )}
      {summary.reports.total > 0 ? (
        <>
          <ReportWeekChart stats={weekStatsOf(summary)} title={t('meetings.summary.reportsByWeek')} />
          {bySite && <ReportSiteTable stats={bySite} />}
        </>
      ) : (
        <p class="muted">{t('meetings.summary.noReports')}</p>
      )}
    </section>
  );
}

function SummaryFigure({ label, value, warn = false }: { label: string; value: number; warn?: boolean }) {
  return (
    <div class={`summary-figure${warn ? ' summary-figure--warn' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
