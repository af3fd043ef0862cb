import type { FieldReport, ReportStatus, User } from '@samverkan/contracts';

// Mirrors the api's rule (apps/api/src/reports/report-rules.ts) so the app only offers what will be
// allowed; the api still decides.

/** The author's organisation, the organisation of the site the report is about, or a coordinator. */
export function canChangeReportStatus(
  user: Pick<User, 'role' | 'organisationId'>,
  report: Pick<FieldReport, 'organisationId'>,
  siteOrganisationId: string | null,
): boolean {
  if (user.role === 'coordinator') return true;
  if (user.organisationId === report.organisationId) return true;
  return siteOrganisationId !== null && user.organisationId === siteOrganisationId;
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
