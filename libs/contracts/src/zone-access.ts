import type { User } from './people';
import { manageSitesProblem } from './site-access';
import type { ApprovalSide, ZoneProperties } from './zones';

// Who edits, approves, suspends and withdraws a zone, and in which states. Pure rules, so the api's zones
// service (which refuses) and the web app (which buttons to show) share them. Everyone signed in reads every zone.
// Each `…Problem` function answers null when allowed, else the reason (the 403's message).

export type ZoneActor = Pick<User, 'role' | 'organisationId' | 'canSign'>;

/** Whoever manages a site manages the zones around it (create, edit, import). */
export function manageZonesProblem(
  user: Pick<User, 'role' | 'organisationId'>,
  organisationId: string,
): string | null {
  return manageSitesProblem(user, organisationId);
}

/**
 * The side a user signs for on a zone of `organisationId`: a police signatory for the police side, a service
 * signatory for the service side of the zones around their own organisation's sites. Coordinators and
 * administrators sign for neither.
 */
export function approvalSideOf(
  user: ZoneActor,
  organisationId: string,
): { side: ApprovalSide } | { denied: string } {
  if (user.role === 'admin' || user.role === 'coordinator') {
    return {
      denied:
        'Coordinators and administrators do not approve for a side; a police and a service signatory do',
    };
  }
  if (!user.canSign) return { denied: 'Only a signatory of their organisation may approve an agreement' };
  if (user.role === 'police') return { side: 'police' };
  if (user.organisationId !== organisationId) {
    return { denied: "A service signatory approves only the zones around their own organisation's sites" };
  }
  return { side: 'service' };
}

/** Suspension takes effect at once: any signatory of either side (service: their own zones), and coordinators. */
export function suspendZoneProblem(user: ZoneActor, organisationId: string): string | null {
  switch (user.role) {
    case 'admin':
    case 'coordinator':
      return null;
    case 'police':
      return user.canSign ? null : 'Only a police signatory may suspend a zone';
    case 'service':
      if (!user.canSign) return 'Only a service signatory may suspend a zone';
      return user.organisationId === organisationId
        ? null
        : "A service signatory suspends only their own organisation's zones";
  }
}

/** Withdrawal ends a zone: a signatory of the service that owns it, or a coordinator. */
export function withdrawZoneProblem(user: ZoneActor, organisationId: string): string | null {
  switch (user.role) {
    case 'admin':
    case 'coordinator':
      return null;
    case 'police':
      return 'Police users suspend a zone; withdrawing it is for the service that owns it or a coordinator';
    case 'service':
      if (!user.canSign) return 'Only a service signatory may withdraw a zone';
      return user.organisationId === organisationId
        ? null
        : "A service signatory withdraws only their own organisation's zones";
  }
}

export type ZoneState = Pick<ZoneProperties, 'status' | 'agreedVersion'>;

/** Why a zone in this state cannot be suspended (the api answers 409). */
export type SuspendConflict = 'withdrawn' | 'suspended' | 'not_agreed';

/**
 * The version a suspension would hold back, or why the zone cannot be suspended now. An agreement in force (or
 * waiting out its hours) can be suspended at once, also while a newer version is proposed; a proposal that was
 * never agreed has nothing to suspend.
 */
export function suspensionTarget(zone: ZoneState): { version: number } | { conflict: SuspendConflict } {
  if (zone.status === 'withdrawn') return { conflict: 'withdrawn' };
  if (zone.status === 'suspended') return { conflict: 'suspended' };
  if (zone.agreedVersion === null) return { conflict: 'not_agreed' };
  return { version: zone.agreedVersion };
}

/** A withdrawn zone is over: nothing about it changes any more. */
export function zoneIsOpen(zone: Pick<ZoneProperties, 'status'>): boolean {
  return zone.status !== 'withdrawn';
}

export interface ZoneAbilities {
  edit: boolean;
  /** The side this user signs for on this zone, if any. */
  side: ApprovalSide | null;
  /** The user's side may approve the current version now (and has not yet). */
  approve: boolean;
  suspend: boolean;
  withdraw: boolean;
}

export type ZoneFacts = Pick<ZoneProperties, 'status' | 'version' | 'agreedVersion' | 'approvals'> & {
  /** The service organisation that owns the zone's site. */
  organisationId?: string;
};

/** What `user` may do with `zone` now: the buttons worth showing, each one the api accepts. */
export function zoneAbilities(user: ZoneActor, zone: ZoneFacts): ZoneAbilities {
  const organisationId = zone.organisationId ?? '';
  const approval = approvalSideOf(user, organisationId);
  const side = 'side' in approval ? approval.side : null;
  const approvedByMySide = zone.approvals.some(
    (given) => given.version === zone.version && given.side === side,
  );
  return {
    edit: zoneIsOpen(zone) && manageZonesProblem(user, organisationId) === null,
    side,
    // An agreed version carries both sides' approvals already; a suspension voided them.
    approve:
      side !== null && (zone.status === 'proposed' || zone.status === 'suspended') && !approvedByMySide,
    suspend: 'version' in suspensionTarget(zone) && suspendZoneProblem(user, organisationId) === null,
    withdraw: zoneIsOpen(zone) && withdrawZoneProblem(user, organisationId) === null,
  };
}

/**
 * Whether a zone's current version waits for the side this user signs for: proposed, and no standing approval
 * of that side for it. The api's `awaitingMe` list and the web app's badge share it.
 */
export function awaitsSignatureOf(
  user: ZoneActor,
  zone: Pick<ZoneProperties, 'status' | 'version' | 'approvals'> & { organisationId?: string },
): boolean {
  if (zone.status !== 'proposed' || zone.organisationId === undefined) return false;
  const side = approvalSideOf(user, zone.organisationId);
  if (!('side' in side)) return false;
  return !zone.approvals.some((approval) => approval.version === zone.version && approval.side === side.side);
}

/** The review date that counts for a zone: that of the version in force (the agreed one), else the current one's. */
export function reviewDateOf(zone: Pick<ZoneProperties, 'reviewBy' | 'agreed'>): string | null {
  return (zone.agreed ? zone.agreed.reviewBy : zone.reviewBy) ?? null;
}
