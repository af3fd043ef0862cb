import { REPORT_LIMITS } from '@samverkan/contracts';
import type { OrganisationKind } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';

// Who sees and changes which field reports, and when a report may say something happened. Pure rules,
// so the service, the meetings module and the unit tests share them.

const DAY_MS = 86_400_000;

/**
 * Police organisations, coordinators and administrators see every report; everyone else sees their own
 * organisation's reports and the reports about their organisation's sites and zones.
 */
export function seesEveryReport(user: Pick<AuthUser, 'role' | 'organisationKind'>): boolean {
  return user.role === 'admin' || user.role === 'coordinator' || organisationSeesEveryReport(user.organisationKind);
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
 * a coordinator. Null when allowed, else the reason (the 403's message).
 */
export function cannotChangeStatus(
  user: Pick<AuthUser, 'role' | 'organisationId'>,
  report: { organisationId: string },
  siteOrganisationId: string | null,
): string | null {
  if (user.role === 'coordinator') return null;
  if (user.organisationId === report.organisationId) return null;
  if (siteOrganisationId !== null && user.organisationId === siteOrganisationId) return null;
  return "Only the author's organisation, the site's organisation or a coordinator changes a report's status";
}

/**
 * Why `occurredAt` cannot be accepted, or null: not in the future (a phone's clock may run a couple of
 * minutes ahead) and not older than 90 days.
 */
export function occurredAtProblem(occurredAt: Date, now: Date): string | null {
  if (occurredAt.getTime() > now.getTime() + REPORT_LIMITS.clockSkewSeconds * 1000) return 'must not be in the future';
  if (occurredAt.getTime() < now.getTime() - REPORT_LIMITS.maxAgeDays * DAY_MS) {
    return `must be within the last ${REPORT_LIMITS.maxAgeDays} days`;
  }
  return null;
}
