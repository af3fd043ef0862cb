import type { User } from './people';

// Who creates, edits, moves, hands over and deletes sites. Pure rules, so the api's services and the web app
// (which controls to offer) share them. Everyone signed in reads every site: the map is shared.

export type SiteEditor = Pick<User, 'role' | 'organisationId'>;

/** Null when `user` may change the sites (and the zones around them) of `organisationId`; else the 403's reason. */
export function manageSitesProblem(user: SiteEditor, organisationId: string): string | null {
  switch (user.role) {
    case 'admin':
    case 'coordinator':
      return null;
    case 'service':
      return user.organisationId === organisationId
        ? null
        : "Service staff change only their own organisation's sites and zones";
    case 'police':
      return 'Police users do not edit sites or zones; they approve or suspend agreements';
  }
}

/** Service staff add sites for their own organisation; coordinators and admins for any service organisation. */
export function canCreateSites(user: Pick<User, 'role'>): boolean {
  return user.role !== 'police';
}

/** Coordinators and admins name the organisation of a new site and hand sites to another organisation. */
export function choosesSiteOrganisation(user: Pick<User, 'role'>): boolean {
  return user.role === 'admin' || user.role === 'coordinator';
}

/** Codes in the `reason` of the api's refusals of a site change (409), for clients to say in the user's language. */
export const SITE_CONFLICT_REASONS = {
  /** A move would leave zones of the site more than 2 km from it. */
  zonesOutOfReach: 'zones_out_of_reach',
  /** Deleting is refused while a zone of the site is under an agreement. */
  zonesUnderAgreement: 'zones_under_agreement',
} as const;
