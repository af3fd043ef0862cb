import { manageSitesProblem } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';

// Who may change what on the shared map. Everyone signed in reads every site and zone. Each function
// returns null when the action is allowed, or the reason it is not (the message of the 403).

export type ApprovalSide = 'police' | 'service';

/** Create, edit and delete the sites of a service organisation and the zones around them (the rule is shared with the web app). */
export function cannotManage(user: AuthUser, organisationId: string): string | null {
  return manageSitesProblem(user, organisationId);
}

/**
 * The side a user signs for: a police signatory for the police side, a service signatory for the service
 * side of the zones around their own organisation's sites. Coordinators and administrators sign for neither.
 */
export function approvalSideOf(user: AuthUser, organisationId: string): { side: ApprovalSide } | { denied: string } {
  if (user.role === 'admin' || user.role === 'coordinator') {
    return { denied: 'Coordinators and administrators do not approve for a side; a police and a service signatory do' };
  }
  if (!user.canSign) return { denied: 'Only a signatory of their organisation may approve an agreement' };
  if (user.role === 'police') return { side: 'police' };
  if (user.organisationId !== organisationId) {
    return { denied: "A service signatory approves only the zones around their own organisation's sites" };
  }
  return { side: 'service' };
}

/** Suspension takes effect at once: any signatory of either side (service: their own zones), and coordinators. */
export function cannotSuspend(user: AuthUser, organisationId: string): string | null {
  switch (user.role) {
    case 'admin':
    case 'coordinator':
      return null;
    case 'police':
      return user.canSign ? null : 'Only a police signatory may suspend a zone';
    case 'service':
      if (!user.canSign) return 'Only a service signatory may suspend a zone';
      return user.organisationId === organisationId ? null : "A service signatory suspends only their own organisation's zones";
  }
}

/** Withdrawal ends a zone: a signatory of the service that owns it, or a coordinator. */
export function cannotWithdraw(user: AuthUser, organisationId: string): string | null {
  switch (user.role) {
    case 'admin':
    case 'coordinator':
      return null;
    case 'police':
      return 'Police users suspend a zone; withdrawing it is for the service that owns it or a coordinator';
    case 'service':
      if (!user.canSign) return 'Only a service signatory may withdraw a zone';
      return user.organisationId === organisationId ? null : "A service signatory withdraws only their own organisation's zones";
  }
}
