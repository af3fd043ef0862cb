import { manageSitesProblem, type User, type ZoneProperties } from '@samverkan/contracts';

// What the signed-in user may do with a zone, to show only the buttons that will work. The api decides
// (apps/api/src/common/map-permissions.ts); this mirrors its rules so nobody is offered a certain 403.

export type ApprovalSide = 'police' | 'service';

export interface ZoneAbilities {
  edit: boolean;
  /** The side this user signs for on this zone, if any. */
  side: ApprovalSide | null;
  /** The user's side may approve the current version now (and has not yet). */
  approve: boolean;
  suspend: boolean;
  withdraw: boolean;
}

const coordinating = (user: User) => user.role === 'admin' || user.role === 'coordinator';

/** Service staff propose zones around their own organisation's sites; coordinators around any. */
export function canProposeZones(user: User): boolean {
  return coordinating(user) || user.role === 'service';
}

/** Whoever manages a site manages the zones around it: the one rule in libs/contracts. */
export function canManageZonesOf(user: User, organisationId: string | undefined): boolean {
  return manageSitesProblem(user, organisationId ?? '') === null;
}

export function sideOf(user: User, zone: Pick<ZoneProperties, 'organisationId'>): ApprovalSide | null {
  if (!user.canSign) return null;
  if (user.role === 'police') return 'police';
  if (user.role === 'service' && user.organisationId === zone.organisationId) return 'service';
  return null;
}

export function zoneAbilities(user: User, zone: ZoneProperties): ZoneAbilities {
  const open = zone.status !== 'withdrawn';
  const own = user.organisationId === zone.organisationId;
  const side = sideOf(user, zone);
  const approvedByMySide = zone.approvals.some(
    (approval) => approval.version === zone.version && approval.side === side,
  );
  // An agreement in force (or waiting out its hours) can be suspended at once, also while a newer version is proposed.
  const suspendable = zone.status === 'agreed' || (zone.status === 'proposed' && zone.agreedVersion !== null);
  return {
    edit: open && canManageZonesOf(user, zone.organisationId),
    side,
    approve:
      side !== null && (zone.status === 'proposed' || zone.status === 'suspended') && !approvedByMySide,
    suspend:
      suspendable &&
      (coordinating(user) || (user.canSign && (user.role === 'police' || (user.role === 'service' && own)))),
    withdraw: open && (coordinating(user) || (user.role === 'service' && user.canSign && own)),
  };
}
