import type { OrganisationKind, Role, User } from './people';
import type { FieldReport } from './reports';

// Who sees and changes which field reports. Pure rules, so the api's reports service (and through it the
// meetings module) and the web app (which controls to show) share them.

/**
 * Police organisations, coordinators and administrators see every report; everyone else sees their own
 * organisation's reports and the reports about their organisation's sites and zones.
 */
export function seesEveryReport(user: { role: Role; organisationKind: OrganisationKind }): boolean {
  return (
    user.role === 'admin' || user.role === 'coordinator' || organisationSeesEveryReport(user.organisationKind)
  );
}

/**
 * Whether every member of an organisation of this kind sees every report (what a meeting may show it): police
 * organisations, and coordination organisations, which only coordinators and admins can belong to. A service
 * organisation's staff see only its own reports and those about its sites and zones.
 */
export function organisationSeesEveryReport(kind: OrganisationKind): boolean {
  return kind === 'police' || kind === 'coordination';
}

/**
 * A report's status is changed by the author's organisation, the organisation of the site it is about, or
 * a coordinator (not an administrator of another organisation). Null when allowed, else the reason (the 403's message).
 */
export function changeReportStatusProblem(
  user: Pick<User, 'role' | 'organisationId'>,
  report: Pick<FieldReport, 'organisationId'>,
  siteOrganisationId: string | null,
): string | null {
  if (user.role === 'coordinator') return null;
  if (user.organisationId === report.organisationId) return null;
  if (siteOrganisationId !== null && user.organisationId === siteOrganisationId) return null;
  return "Only the author's organisation, the site's organisation or a coordinator changes a report's status";
}
