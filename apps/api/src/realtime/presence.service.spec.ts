import { PRESENCE_BATCH_MS, PresenceService } from './presence.service';
import type { RealtimePublisher } from './realtime.publisher';

describe('PresenceService', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setUp() {
    const sent: unknown[][] = [];
    const publisher = {
      publish: (...args: unknown[]) => sent.push(args),
      socketsIn: async () => [],
    } as unknown as RealtimePublisher;
    return { presence: new PresenceService(publisher), sent };
  }

  it('tells each user’s organisation at once, and everyone in one batch however many came online together', () => {
    const { presence, sent } = setUp();
    for (let i = 0; i < 100; i++) presence.connected({ id: `u${i}`, organisationId: `o${i % 10}` });
    presence.connected({ id: 'u1', organisationId: 'o1' }); // a second tab: no news

    expect(sent).toHaveLength(100);
    expect(sent[1]).toEqual(['presence', ['org:o1'], { userId: 'u1', online: true }]);
    jest.advanceTimersByTime(PRESENCE_BATCH_MS);
    expect(sent).toHaveLength(101);
    expect(sent[100]).toEqual([
      'presence:batch',
      'everyone',
      { online: Array.from({ length: 100 }, (_, i) => `u${i}`), offline: [] },
    ]);
    jest.advanceTimersByTime(10 * PRESENCE_BATCH_MS);
    expect(sent).toHaveLength(101);
  });

  it('says offline after the last tab closed and nobody came back within the grace period', async () => {
    const { presence, sent } = setUp();
    presence.connected({ id: 'u1', organisationId: 'o1' });
    presence.connected({ id: 'u2', organisationId: 'o1' });
    jest.advanceTimersByTime(PRESENCE_BATCH_MS);
    sent.length = 0;
    presence.disconnected({ id: 'u1', organisationId: 'o1' });
    presence.disconnected({ id: 'u2', organisationId: 'o1' });
    presence.connected({ id: 'u2', organisationId: 'o1' }); // a reload
    await jest.advanceTimersByTimeAsync(2000);
    jest.advanceTimersByTime(PRESENCE_BATCH_MS);

    expect(sent).toEqual([
      ['presence', ['org:o1'], { userId: 'u1', online: false }],
      ['presence:batch', 'everyone', { online: [], offline: ['u1'] }],
    ]);
  });
});
