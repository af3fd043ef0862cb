import { awaitsSignatureOf, isReviewDue, reviewDateOf, type User, type ZoneFeature } from '@samverkan/contracts';

/**
 * What a signatory has to act on: versions that wait for their side's signature, and zones whose review date is
 * within 30 days or past (`today` is a Stockholm date). Sorted by name.
 */
export function zoneQueues(
  zones: Iterable<ZoneFeature>,
  user: Pick<User, 'role' | 'organisationId' | 'canSign'> | null,
  today: string,
): { awaiting: ZoneFeature[]; reviewDue: ZoneFeature[] } {
  const open = [...zones].filter((zone) => zone.properties.status !== 'withdrawn');
  const byName = (a: ZoneFeature, b: ZoneFeature) => a.properties.name.localeCompare(b.properties.name);
  return {
    awaiting: user ? open.filter((zone) => awaitsSignatureOf(user, zone.properties)).sort(byName) : [],
    reviewDue: open.filter((zone) => isReviewDue(reviewDateOf(zone.properties), today)).sort(byName),
  };
}
