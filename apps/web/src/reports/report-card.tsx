import type { FieldReport, ReportStatus } from '@samverkan/contracts';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { sitesFeature } from '../sites/sites-feature';
import { useStore } from '../state/use-store';
import { zonesFeature } from '../zones/zones-feature';
import { ReportAgendaControl } from './report-agenda-control';
import { REPORT_CATEGORY_LOOKS, REPORT_STATUS_LABEL } from './report-categories';
import { canChangeReportStatus, statusChangesFrom } from './report-permissions';
import type { ReportsListState } from './reports-list.store';
import type { UpcomingMeetingsStore } from './upcoming-meetings.store';

const STATUS_ACTION = {
  open: 'reports.action.reopen',
  discussed: 'reports.action.discussed',
  closed: 'reports.action.close',
} as const satisfies Record<ReportStatus, string>;

const CHANGE_ERROR = {
  conflict: 'reports.changeError.conflict',
  forbidden: 'reports.changeError.forbidden',
  network: 'reports.changeError.network',
  server: 'reports.changeError.server',
} as const;

/** One field report: what, when, where, who (the organisation, never the person), and its status. */
export function ReportCard({
  report,
  state,
  onChangeStatus,
  context = {},
  meetings,
}: {
  report: FieldReport;
  state: Pick<ReportsListState, 'saving' | 'changeError'>;
  onChangeStatus: (report: FieldReport, status: ReportStatus) => void;
  /** Shown in a site's or zone's panel: that place goes without saying. */
  context?: { siteId?: string; zoneId?: string };
  /** The list's upcoming meetings: with them, the card offers to put the report on a meeting's agenda. */
  meetings?: UpcomingMeetingsStore;
}) {
  const { user } = useSessionBase();
  const sites = useFeature(sitesFeature);
  const zones = useFeature(zonesFeature);
  const directory = useFeature(directoryFeature);
  useStore(directory);
  const { t, language } = useI18n();
  const look = REPORT_CATEGORY_LOOKS[report.category];
  const site = report.siteId ? sites.get(report.siteId) : undefined;
  const zone = report.zoneId ? zones.get(report.zoneId) : undefined;
  const siteOrganisationId = site?.properties.organisationId ?? null;
  const mayChange = canChangeReportStatus(user, report, siteOrganisationId);
  const saving = state.saving.has(report.id);
  const error = state.changeError?.reportId === report.id ? state.changeError.reason : null;
  const organisation = directory.organisationName(report.organisationId);
  const siteName = site?.properties.name ?? t('reports.card.unknownSite');
  const placeText = context.zoneId
    ? null
    : zone || report.zoneId
      ? `${zone?.properties.name ?? t('reports.card.unknownZone')}${context.siteId ? '' : ` (${siteName})`}`
      : report.siteId
        ? context.siteId
          ? null
          : siteName
        : t('reports.card.noPlace');

  return (
    <article
      class="report-card"
      data-testid="report-card"
      data-report-id={report.id}
      style={{ '--category-color': look.color }}
    >
      <header class="report-card__header">
        <span class="report-card__category">
          <span class="category-dot" aria-hidden="true" />
          {t(look.label)}
        </span>
        <span class={`report-status report-status--${report.status}`}>
          {t(REPORT_STATUS_LABEL[report.status])}
        </span>
      </header>
      <p class="report-card__meta">
        <time dateTime={report.occurredAt}>{formatDateTime(report.occurredAt, language)}</time>
        {placeText && <> · {placeText}</>}
      </p>
      <p class="report-card__body">{report.body}</p>
      <p class="report-card__author">
        {organisation ? t('reports.card.from', { organisation }) : null}
        {report.kitId && <span class="report-card__kit"> {t('reports.card.kitUse')}</span>}
      </p>
      {mayChange && (
        <div class="report-card__actions" role="group" aria-label={t('reports.card.changeStatus')}>
          {statusChangesFrom(report.status).map((status) => (
            <button
              key={status}
              type="button"
              class="button button--small button--secondary"
              disabled={saving}
              aria-busy={saving}
              onClick={() => onChangeStatus(report, status)}
            >
              {t(STATUS_ACTION[status])}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          {t(CHANGE_ERROR[error])}
        </p>
      )}
      {meetings && (
        <ReportAgendaControl
          report={report}
          placeName={zone?.properties.name ?? site?.properties.name ?? null}
          meetings={meetings}
        />
      )}
    </article>
  );
}
