import type { User } from './people';

// Who writes and publishes the naloxone guide, and who handles and counts the kits. Pure rules, so the api's
// guides and kits services (which refuse) and the web app (which tabs and buttons to show) share them.
// Everyone signed in reads the published guide.

/** Service staff and coordinators write the guide (drafts, earlier versions); officers read the published one. */
export function writesGuides(user: Pick<User, 'role'>): boolean {
  return user.role === 'service' || user.role === 'coordinator';
}

/** A signatory of a service publishes a version of the guide. */
export function publishesGuides(user: Pick<User, 'role' | 'canSign'>): boolean {
  return user.role === 'service' && user.canSign;
}

/** Kits are registered, changed and used by the police organisation that carries them. */
export function managesKits(user: Pick<User, 'role'>): boolean {
  return user.role === 'police';
}

/** Coordinators and administrators see every organisation's kits and counts. */
export function seesEveryKit(user: Pick<User, 'role'>): boolean {
  return user.role === 'admin' || user.role === 'coordinator';
}

/** A kit is seen by its own police organisation, coordinators and administrators. */
export function seesKit(
  user: Pick<User, 'role' | 'organisationId'>,
  kit: { organisationId: string },
): boolean {
  return seesEveryKit(user) || (managesKits(user) && kit.organisationId === user.organisationId);
}

/**
 * Which kits a user may list: police their own organisation's, coordinators and administrators every
 * organisation's; service staff none (a naloxone site sees the counts instead).
 */
export function kitListScope(user: Pick<User, 'role'>): 'own' | 'every' | null {
  if (managesKits(user)) return 'own';
  return seesEveryKit(user) ? 'every' : null;
}

/**
 * Whose kit counts a user may see: police their own organisation's; coordinators and administrators every
 * police organisation's; service staff every police organisation's too (to plan resupply), but only when their
 * organisation runs a naloxone site, a fact the caller looks up.
 */
export function kitStatsScope(user: Pick<User, 'role'>): 'own' | 'every' | 'naloxone_site_staff' {
  if (managesKits(user)) return 'own';
  return seesEveryKit(user) ? 'every' : 'naloxone_site_staff';
}

/** Whether `user` sees kit counts; `runsNaloxoneSite`: whether their organisation runs a naloxone site. */
export function seesKitStats(user: Pick<User, 'role'>, runsNaloxoneSite: boolean): boolean {
  return kitStatsScope(user) !== 'naloxone_site_staff' || runsNaloxoneSite;
}
