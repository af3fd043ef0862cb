import {
  approvalSideOf,
  canCreateSites,
  manageZonesProblem,
  type ApprovalSide,
  type User,
  type ZoneProperties,
} from '@samverkan/contracts';

// What the signed-in user may do with a zone, to show only the buttons that will work. The rules live once in
// libs/contracts (zone-access.ts), where the api's zones service takes them too; these names stay for the views.

export { zoneAbilities, type ApprovalSide, type ZoneAbilities } from '@samverkan/contracts';

/** Service staff propose zones around their own organisation's sites; coordinators around any. */
export function canProposeZones(user: User): boolean {
  return canCreateSites(user);
}

/** Whoever manages a site manages the zones around it. */
export function canManageZonesOf(user: User, organisationId: string | undefined): boolean {
  return manageZonesProblem(user, organisationId ?? '') === null;
}

export function sideOf(user: User, zone: Pick<ZoneProperties, 'organisationId'>): ApprovalSide | null {
  const approval = approvalSideOf(user, zone.organisationId ?? '');
  return 'side' in approval ? approval.side : null;
}
