import { memoryStorage } from '../state/safe-storage';
import { newClientId } from './client-id';
import { Outbox } from './outbox';

const ids = () => {
  let next = 0;
  return () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
};

describe('Outbox', () => {
  it('keeps unsent messages in storage, per user, so a reload loses nothing', () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, 'user-1', ids());
    const first = outbox.add('channel-1', 'Hello', 'normal');
    outbox.add('channel-2', 'Urgent one', 'urgent');

    const reloaded = new Outbox(storage, 'user-1', ids());
    expect(reloaded.pending.map((entry) => [entry.clientId, entry.body, entry.priority])).toEqual([
      [first.clientId, 'Hello', 'normal'],
      ['00000000-0000-4000-8000-000000000002', 'Urgent one', 'urgent'],
    ]);
    expect(new Outbox(storage, 'user-2').value).toEqual([]);
  });

  it('lets a message go only when the server has it, and forgets the storage when empty', () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, 'user-1', ids());
    const entry = outbox.add('channel-1', 'Hello', 'normal');
    outbox.delivered(entry.clientId);
    expect(outbox.value).toEqual([]);
    expect(storage.get('samverkan.outbox.user-1')).toBeNull();
  });

  it('marks a refused message failed, and a retry keeps its clientId', () => {
    const outbox = new Outbox(memoryStorage(), 'user-1', ids());
    const entry = outbox.add('channel-1', 'Hello', 'normal');
    outbox.failed(entry.clientId, 'body must be 1–4000 characters');
    expect(outbox.pending).toEqual([]);
    expect(outbox.forChannel('channel-1')[0]).toMatchObject({
      state: 'failed',
      error: 'body must be 1–4000 characters',
    });
    outbox.retry(entry.clientId);
    expect(outbox.pending).toEqual([
      expect.objectContaining({ clientId: entry.clientId, state: 'sending', error: null }),
    ]);
  });

  it('ignores storage it cannot read', () => {
    const storage = memoryStorage({ 'samverkan.outbox.user-1': '{not json' });
    expect(new Outbox(storage, 'user-1').value).toEqual([]);
    const mixed = memoryStorage({
      'samverkan.outbox.user-1': JSON.stringify([
        { clientId: 1 },
        { clientId: 'a', channelId: 'c', body: 'b', priority: 'normal', createdAt: 'x' },
      ]),
    });
    expect(new Outbox(mixed, 'user-1').value).toEqual([
      expect.objectContaining({ clientId: 'a', state: 'sending' }),
    ]);
  });
});

describe('newClientId', () => {
  it('makes a version 4 UUID, also where crypto.randomUUID is missing (plain http)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientId()).toMatch(uuid);
    const withoutRandomUuid = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    expect(newClientId(withoutRandomUuid)).toMatch(uuid);
  });
});
