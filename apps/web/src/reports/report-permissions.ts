import {
  changeReportStatusProblem,
  type FieldReport,
  type ReportStatus,
  type User,
} from '@samverkan/contracts';

/** The rule the api applies (libs/contracts, report-access.ts), so the app only offers what will be allowed. */
export function canChangeReportStatus(
  user: Pick<User, 'role' | 'organisationId'>,
  report: Pick<FieldReport, 'organisationId'>,
  siteOrganisationId: string | null,
): boolean {
  return changeReportStatusProblem(user, report, siteOrganisationId) === null;
}

/** The status changes offered for a report: forward along open → discussed → closed, or back to open. */
export function statusChangesFrom(status: ReportStatus): ReportStatus[] {
  switch (status) {
    case 'open':
      return ['discussed', 'closed'];
    case 'discussed':
      return ['closed', 'open'];
    case 'closed':
      return ['open'];
  }
}
