import type { Polygon } from '@samverkan/contracts';
import { InstanceCaches } from '../common/instance-caches';
import type { UnitOfWork } from '../database/transaction-events';
import { ZONE_CHECK_INDEX, ZoneCheckIndex } from './zone-check-index';
import type { CheckableZone, ZonesRepository } from './zones.repository';

const square = (lng: number, lat: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]],
});

const zone = (zoneId: string, name: string): CheckableZone => ({
  zone: {
    zoneId,
    version: 1,
    name,
    siteId: 'site',
    siteName: 'Platsen',
    status: 'agreed',
    agreedVersion: 1,
    suspension: null,
    schedule: null,
    validFrom: null,
    validUntil: null,
    terms: { clauses: [], text: '' },
  },
  geometry: square(13, 55.6, 0.001),
});

/** The index over a repository whose reads the test lets finish one by one. */
function setUp(redisUrl: string | null = null) {
  const reads: { resolve: (zones: CheckableZone[]) => void }[] = [];
  const repository = {
    findCheckableZones: () => new Promise<CheckableZone[]>((resolve) => reads.push({ resolve })),
  } as unknown as ZonesRepository;
  const unitOfWork = { onInTransaction: () => undefined } as unknown as UnitOfWork;
  const index = new ZoneCheckIndex(repository, unitOfWork, { redisUrl }, new InstanceCaches());
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { index, reads, settle };
}

afterEach(() => jest.useRealTimers());

describe('ZoneCheckIndex', () => {
  it('sends the first check to the database and answers the next ones from memory', async () => {
    const { index, reads, settle } = setUp();
    expect(index.near(55.6, 13, 100)).toBeNull();
    expect(reads).toHaveLength(1);
    reads[0].resolve([zone('a', 'A')]);
    await settle();
    expect(index.near(55.6, 13, 100)).toEqual([expect.objectContaining({ zone: expect.objectContaining({ zoneId: 'a' }), inside: true, distanceMeters: 0 })]);
    expect(index.near(55.6, 13, 100)![0]).not.toHaveProperty('geometry');
    expect(index.near(55.6, 13, 100)![0].zone).not.toHaveProperty('geometry');
  });

  it('keeps no index read before a change that came while it was read', async () => {
    const { index, reads, settle } = setUp();
    index.near(55.6, 13, 100);
    index.forgetHere({});
    reads[0].resolve([zone('a', 'Före ändringen')]);
    await settle();
    // The next check finds no index, asks the database, and has it built again from what changed.
    expect(index.near(55.6, 13, 100)).toBeNull();
    expect(reads).toHaveLength(2);
    reads[1].resolve([zone('a', 'Efter ändringen')]);
    await settle();
    expect(index.near(55.6, 13, 100)).toEqual([expect.objectContaining({ zone: expect.objectContaining({ name: 'Efter ändringen' }) })]);
  });

  it('with several instances, trusts nothing until linked, nothing while the link is down, and waits out its quiet time after a change', async () => {
    jest.useFakeTimers();
    const { index, reads, settle } = setUp('redis://127.0.0.1:6379');
    expect(index.near(55.6, 13, 100)).toBeNull();
    expect(reads).toHaveLength(0);

    const forgotten: unknown[] = [];
    index.link({ forget: async (scope) => (forgotten.push(scope), true) });
    index.linkUp();
    expect(index.near(55.6, 13, 100)).toBeNull();
    expect(reads).toHaveLength(0);
    jest.advanceTimersByTime(ZONE_CHECK_INDEX.quietMs);
    expect(reads).toHaveLength(0);
    expect(index.near(55.6, 13, 100)).toBeNull();
    expect(reads).toHaveLength(1);
    reads[0].resolve([zone('a', 'A')]);
    await settle();
    expect(index.near(55.6, 13, 100)).toHaveLength(1);

    index.afterCommit();
    expect(forgotten).toEqual([{}]);
    expect(index.near(55.6, 13, 100)).toBeNull();
    jest.advanceTimersByTime(ZONE_CHECK_INDEX.quietMs - 1);
    expect(index.near(55.6, 13, 100)).toBeNull();
    expect(reads).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(index.near(55.6, 13, 100)).toBeNull();
    expect(reads).toHaveLength(2);
    reads[1].resolve([zone('a', 'A')]);
    await settle();
    expect(index.near(55.6, 13, 100)).toHaveLength(1);

    index.linkDown();
    expect(index.near(55.6, 13, 100)).toBeNull();
    expect(reads).toHaveLength(2);
  });
});
