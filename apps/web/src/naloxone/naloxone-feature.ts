import {
  kitListScope,
  publishesGuides,
  seesKitStats as allowedKitStats,
  writesGuides,
  type SiteFeature,
  type User,
} from '@samverkan/contracts';
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

// Who may do what: the rules the api applies (libs/contracts, naloxone-access.ts), so the app only offers
// what will be allowed.

export { managesKits } from '@samverkan/contracts';

export const canWriteGuide = (user: Pick<User, 'role'>) => writesGuides(user);

export const canPublishGuide = (user: Pick<User, 'role' | 'canSign'>) => publishesGuides(user);

/** Police see their own kits; coordinators and administrators see every organisation's. */
export const seesKitList = (user: Pick<User, 'role'>) => kitListScope(user) !== null;

/** The resupply counts: police (their own), coordinators, administrators, and the staff of naloxone sites. */
export function seesKitStats(
  user: Pick<User, 'role' | 'organisationId'>,
  naloxoneSites: readonly SiteFeature[],
): boolean {
  return allowedKitStats(
    user,
    naloxoneSites.some((site) => site.properties.organisationId === user.organisationId),
  );
}
