import type { Role, SiteFeature, User } from '@samverkan/contracts';
import { defineAppFeature } from '../session/feature-registry';
import { GuideCache } from './guide-cache';
import { createNaloxoneApi, type NaloxoneApi } from './naloxone-api';
import { NaloxoneSitesStore } from './naloxone-sites.store';

// What the naloxone views share while the app runs: the api, the saved guide and the saved list of
// naloxone sites (both readable offline).

export interface NaloxoneFeature {
  api: NaloxoneApi;
  guideCache: GuideCache;
  sites: NaloxoneSitesStore;
}

/** As long as the page, not the session: the guide saved on this device is read signed out too (offline). */
export const naloxoneFeature = defineAppFeature('naloxone', ({ apiFetch, storage }): NaloxoneFeature => {
  const api = createNaloxoneApi(apiFetch);
  return { api, guideCache: new GuideCache(storage), sites: new NaloxoneSitesStore(api, storage) };
});

export const NALOXONE_ROUTE = '#/naloxone';

// Who may do what; the api decides, these only keep the app from offering what it would refuse.

const WRITERS: readonly Role[] = ['service', 'coordinator'];

export const canWriteGuide = (user: Pick<User, 'role'>) => WRITERS.includes(user.role);

export const canPublishGuide = (user: Pick<User, 'role' | 'canSign'>) =>
  user.role === 'service' && user.canSign;

/** Police register, change and use their organisation's kits. */
export const managesKits = (user: Pick<User, 'role'>) => user.role === 'police';

/** Police see their own kits; coordinators and administrators see every organisation's. */
export const seesKitList = (user: Pick<User, 'role'>) =>
  user.role === 'police' || user.role === 'coordinator' || user.role === 'admin';

/** The resupply counts: police (their own), coordinators, administrators, and the staff of naloxone sites. */
export function seesKitStats(
  user: Pick<User, 'role' | 'organisationId'>,
  naloxoneSites: readonly SiteFeature[],
): boolean {
  if (user.role !== 'service') return true;
  return naloxoneSites.some((site) => site.properties.organisationId === user.organisationId);
}
