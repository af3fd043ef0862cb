import type { Role } from './people';
import {
  kitListScope,
  kitStatsScope,
  managesKits,
  publishesGuides,
  seesEveryKit,
  seesKit,
  seesKitStats,
  writesGuides,
} from './naloxone-access';

describe('who does what with the naloxone guide and kits', () => {
  // role, canSign | writes, publishes | manages kits, sees every kit, list, stats, stats without / with a naloxone site
  const table: [
    Role,
    boolean,
    boolean,
    boolean,
    boolean,
    boolean,
    string | null,
    string,
    boolean,
    boolean,
  ][] = [
    ['admin', true, false, false, false, true, 'every', 'every', true, true],
    ['coordinator', false, true, false, false, true, 'every', 'every', true, true],
    ['coordinator', true, true, false, false, true, 'every', 'every', true, true],
    ['police', false, false, false, true, false, 'own', 'own', true, true],
    ['police', true, false, false, true, false, 'own', 'own', true, true],
    ['service', false, true, false, false, false, null, 'naloxone_site_staff', false, true],
    ['service', true, true, true, false, false, null, 'naloxone_site_staff', false, true],
  ];
  it.each(table)(
    '%s (signs: %s): writes %s, publishes %s, manages kits %s, sees every kit %s, lists %s, counts %s',
    (role, canSign, writes, publishes, manages, every, list, stats, statsWithout, statsWith) => {
      const user = { role, canSign };
      expect(writesGuides(user)).toBe(writes);
      expect(publishesGuides(user)).toBe(publishes);
      expect(managesKits(user)).toBe(manages);
      expect(seesEveryKit(user)).toBe(every);
      expect(kitListScope(user)).toBe(list);
      expect(kitStatsScope(user)).toBe(stats);
      expect([seesKitStats(user, false), seesKitStats(user, true)]).toEqual([statsWithout, statsWith]);
    },
  );

  it.each([
    ['admin', 'org-x', true],
    ['coordinator', 'org-x', true],
    ['police', 'org-police', true],
    ['police', 'org-x', false],
    ['service', 'org-police', false],
  ] as [Role, string, boolean][])(
    "a police organisation's kit is seen by %s of %s: %s",
    (role, organisationId, sees) => {
      expect(seesKit({ role, organisationId }, { organisationId: 'org-police' })).toBe(sees);
    },
  );
});
