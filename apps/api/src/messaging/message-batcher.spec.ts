import type { AuthUser } from '../auth/auth-user';
import { strictFake } from '../common/spec-helpers';
import { MessageBatcher } from './message-batcher';
import type { BatchedSend, MessagesRepository, NewMessage } from './messages.repository';
import type { MessageRow } from './messaging.rows';

// When sends are stored together and how each caller is answered. The statement itself (seqs, resends,
// visibility) is SQL, covered by the e2e tests.

const author = { id: 'u1', organisationId: 'o1', role: 'service', organisationKind: 'service' } as AuthUser;
const now = new Date('2026-12-07T08:00:00Z');
const message = (body: string): NewMessage => ({ channelId: 'c1', clientId: `client-${body}`, body, priority: 'normal' });

function row(body: string, seq: number): MessageRow {
  return {
    id: `m-${body}`,
    channel_id: 'c1',
    seq,
    client_id: `client-${body}`,
    author_id: 'u1',
    author_name: 'U1',
    organisation_id: 'o1',
    body,
    priority: 'normal',
    created_at: now,
  };
}

function setUp(options: { batchFails?: boolean; refuse?: string } = {}) {
  const calls: string[][] = [];
  let seq = 0;
  /** The first store holds until released, so that later sends queue behind it. */
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const storeOne = (body: string) => {
    if (body === options.refuse) throw new Error('a send the database refuses');
    return body === 'resend' ? null : row(body, ++seq);
  };
  const repository = strictFake<MessagesRepository>('MessagesRepository', {
    insert: async (_: AuthUser, sent: NewMessage) => {
      calls.push([sent.body]);
      if (calls.length === 1) await held;
      return storeOne(sent.body);
    },
    insertBatch: async (sends: readonly BatchedSend[]) => {
      calls.push(sends.map((send) => send.message.body));
      if (options.batchFails) throw new Error('the batch failed');
      return sends.map((send) => storeOne(send.message.body));
    },
  });
  return { batcher: new MessageBatcher(repository), calls, release };
}

describe('MessageBatcher', () => {
  it('stores a lone send at once, and the sends that arrive meanwhile together, answering each its own row', async () => {
    const { batcher, calls, release } = setUp();
    const first = batcher.insert(author, message('a'), now);
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['b', 'resend', 'c'].map((body) => batcher.insert(author, message(body), now));
    release();

    expect(await first).toMatchObject({ body: 'a', seq: 1 });
    expect(await Promise.all(later)).toEqual([row('b', 2), null, row('c', 3)]);
    expect(calls).toEqual([['a'], ['b', 'resend', 'c']]);
  });

  it('stores a failed batch one send at a time, so only the bad send fails', async () => {
    const { batcher, calls, release } = setUp({ batchFails: true, refuse: 'bad' });
    release();
    const sends = ['a', 'bad', 'b'].map((body) => batcher.insert(author, message(body), now));

    const settled = await Promise.allSettled(sends);

    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
  });
});
