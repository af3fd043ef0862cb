import { ifNoneMatchHolds, servedSnapshot, snapshotEtag } from './zone-snapshot';

describe('the zone snapshot ETag', () => {
  const zones = { zones: '[{"id":"a","name":"Zone A"}]', suspended: '[]' };

  it('is a strong tag over the zones, the same whenever they were read', () => {
    const earlier = servedSnapshot(zones, new Date('2026-01-01T00:00:00Z'));
    const later = servedSnapshot(zones, new Date('2026-06-01T12:00:00Z'));
    expect(earlier.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(later.etag).toBe(earlier.etag);
    expect(later.body).not.toBe(earlier.body);
  });

  it('changes with any change of the zones', () => {
    expect(snapshotEtag({ ...zones, zones: '[{"id":"a","name":"Zone B"}]' })).not.toBe(snapshotEtag(zones));
    expect(snapshotEtag({ ...zones, zones: '[]' })).not.toBe(snapshotEtag(zones));
    // A zone suspended, or its suspension ended: the phone must hear of it at its next refresh.
    expect(snapshotEtag({ ...zones, suspended: '[{"id":"b"}]' })).not.toBe(snapshotEtag(zones));
    // The lists are told apart: a zone moving from one to the other changes the tag.
    expect(snapshotEtag({ zones: '[]', suspended: '[{"id":"a","name":"Zone A"}]' })).not.toBe(snapshotEtag(zones));
  });

  it('puts both lists into the body as they are, beside generatedAt', () => {
    const { body } = servedSnapshot(zones, new Date('2026-01-01T00:00:00Z'));
    expect(JSON.parse(body)).toEqual({
      generatedAt: '2026-01-01T00:00:00.000Z',
      zones: [{ id: 'a', name: 'Zone A' }],
      suspended: [],
    });
  });

  it('matches If-None-Match by tag, in a list, weakly, or by *', () => {
    const etag = snapshotEtag(zones);
    expect(ifNoneMatchHolds(etag, etag)).toBe(true);
    expect(ifNoneMatchHolds(`"other", ${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHolds(`W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHolds('*', etag)).toBe(true);
    expect(ifNoneMatchHolds('"other"', etag)).toBe(false);
    expect(ifNoneMatchHolds(undefined, etag)).toBe(false);
    expect(ifNoneMatchHolds(etag.slice(1, -1), etag)).toBe(false);
  });
});
