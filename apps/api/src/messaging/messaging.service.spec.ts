import { NotFoundException } from '@nestjs/common';
import { MESSAGE_LIMITS } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { refusalOf, strictFake } from '../common/spec-helpers';
import type { ChannelsService } from './channels.service';
import type { Clock } from '../common/clock';
import { MessageBatcher } from './message-batcher';
import type { BatchedSend, HistoryWindow, MessagesRepository, NewMessage } from './messages.repository';
import { MessagingService } from './messaging.service';
import type { AlertAckRow, ChannelRow, MessageRow } from './messaging.rows';
import { SendRateLimiter } from './send-rate-limiter';

// The service's decisions around storing and reading messages: resends, the send limit, why a send stored
// nothing, read positions and alert acknowledgements. Who may see or write to a channel and the gap-free seq are
// SQL (CAN_SEE_CHANNEL, SEND_SQL), covered by the e2e tests; here the fakes decide visibility.

const author: AuthUser = {
  id: 'user-police',
  email: 'polis@example.org',
  displayName: 'Polis',
  role: 'police',
  canSign: false,
  organisationId: 'org-police',
  disabled: false,
  mfaEnabled: false,
  mfaRequired: false,
  organisationKind: 'police',
  sessionId: 'session-1',
};

function channel(id: string, changes: Partial<ChannelRow> = {}): ChannelRow {
  return {
    id,
    kind: 'site',
    name: 'Sprututbytet',
    ref_id: 'site-1',
    last_seq: 0,
    archived: false,
    escalation_policy_id: null,
    ...changes,
  };
}

function setUp(options: { limit?: number } = {}) {
  const channels: ChannelRow[] = [channel('open'), channel('archived', { archived: true, last_seq: 7 })];
  /** Channels the author may see but no longer write to (access changed while sending). */
  const readOnly = new Set(['archived']);
  const messages: MessageRow[] = [];
  const acks: AlertAckRow[] = [];
  const reads = new Map<string, number>();
  let insertFails: Error | null = null;

  const insert = async (user: AuthUser, message: NewMessage) => {
    if (insertFails) throw insertFails;
    const target = channels.find((entry) => entry.id === message.channelId);
    const resend = messages.some(
      (stored) => stored.author_id === user.id && stored.client_id === message.clientId,
    );
    if (!target || readOnly.has(target.id) || resend) return null;
    target.last_seq += 1;
    const row: MessageRow = {
      id: `message-${messages.length + 1}`,
      channel_id: target.id,
      seq: target.last_seq,
      client_id: message.clientId,
      author_id: user.id,
      author_name: user.displayName,
      organisation_id: user.organisationId,
      body: message.body,
      priority: message.priority,
      created_at: new Date('2026-12-06T10:00:00Z'),
    };
    messages.push(row);
    return row;
  };
  const repository = strictFake<MessagesRepository>('MessagesRepository', {
    insert,
    insertBatch: async (sends: readonly BatchedSend[]) => {
      const rows: (MessageRow | null)[] = [];
      for (const { author: user, message } of sends) rows.push(await insert(user as AuthUser, message));
      return rows;
    },
    findByClientId: async (authorId: string, clientId: string) =>
      messages.find((stored) => stored.author_id === authorId && stored.client_id === clientId) ?? null,
    page: async (channelId: string, window: HistoryWindow) => {
      const inChannel = messages.filter((stored) => stored.channel_id === channelId);
      const after = inChannel.filter(
        (stored) => window.afterSeq === undefined || stored.seq > window.afterSeq,
      );
      return window.afterSeq === undefined ? after.slice(-window.limit) : after.slice(0, window.limit);
    },
    markRead: async (userId: string, channelId: string, seq: number) => {
      const key = `${userId}/${channelId}`;
      if ((reads.get(key) ?? 0) >= seq) return null;
      reads.set(key, seq);
      return seq;
    },
    findVisible: async (_: AuthUser, messageId: string) =>
      messages.find((stored) => stored.id === messageId) ?? null,
    findWithAlertAccess: async (_: AuthUser, messageId: string) => {
      const found = messages.find((stored) => stored.id === messageId);
      return found ? { ...found, sees_channel: true, was_target: false } : null;
    },
    insertAck: async (messageId: string, userId: string, organisationId: string) => {
      if (acks.some((ack) => ack.message_id === messageId && ack.user_id === userId)) return null;
      const ack = {
        message_id: messageId,
        user_id: userId,
        organisation_id: organisationId,
        acked_at: new Date('2026-12-06T10:05:00Z'),
      };
      acks.push(ack);
      return ack;
    },
    acksOf: async (messageId: string) => acks.filter((ack) => ack.message_id === messageId),
  });
  const channelsService = strictFake<ChannelsService>('ChannelsService', {
    requireVisible: async (_: AuthUser, channelId: string) => {
      const found = channels.find((entry) => entry.id === channelId);
      if (!found) throw new NotFoundException(`No channel with id ${channelId}`);
      return found;
    },
  });
  let now = Date.parse('2026-12-06T10:00:00Z');
  const limiter = new SendRateLimiter(options.limit ?? 20, 10_000, () => now);
  const clock = { now: () => new Date(now) } as Clock;
  const service = new MessagingService(
    repository,
    new MessageBatcher(repository),
    channelsService,
    limiter,
    clock,
  );
  return {
    service,
    messages,
    channels,
    readOnly,
    failInsertWith: (error: Error | null) => (insertFails = error),
    advance: (ms: number) => (now += ms),
  };
}

const send = (clientId: string, changes: object = {}) => ({
  channelId: 'open',
  clientId,
  body: 'Hej',
  ...changes,
});

describe('MessagingService', () => {
  describe('send', () => {
    it('stores a message once: a resend with the same clientId answers the stored one', async () => {
      const { service, messages } = setUp();

      const first = await service.send(author, send('client-1'));
      const again = await service.send(author, send('client-1', { body: 'Hej igen' }));

      expect(first).toMatchObject({ created: true, message: { seq: 1, body: 'Hej', priority: 'normal' } });
      expect(again).toEqual({ created: false, message: first.message });
      expect(messages).toHaveLength(1);
    });

    it('refuses more than the limit with 429 naming the wait, but still answers resends of stored messages', async () => {
      const { service, advance } = setUp({ limit: 2 });
      await service.send(author, send('a'));
      await service.send(author, send('b'));
      advance(3_000);

      const refusal = await refusalOf(service.send(author, send('c')));

      expect(refusal).toMatchObject({ status: 429, message: expect.stringContaining('try again in 7 s') });
      expect(await service.send(author, send('a'))).toMatchObject({ created: false });
      advance(7_000);
      expect(await service.send(author, send('c'))).toMatchObject({ created: true });
    });

    it('does not count resends and failed sends against the limit', async () => {
      const { service, failInsertWith } = setUp({ limit: 1 });
      await expect(service.send(author, send('x', { channelId: 'archived' }))).rejects.toThrow();
      failInsertWith(new Error('connection lost'));
      await expect(service.send(author, send('y'))).rejects.toThrow('connection lost');
      failInsertWith(null);

      expect(await service.send(author, send('z'))).toMatchObject({ created: true });
    });

    it('explains why nothing was stored: 404 for a channel the user cannot see, 403 for an archived one', async () => {
      const { service, messages } = setUp();

      expect((await refusalOf(service.send(author, send('1', { channelId: 'hidden' })))).status).toBe(404);
      expect(await refusalOf(service.send(author, send('2', { channelId: 'archived' })))).toMatchObject({
        status: 403,
        message: expect.stringContaining('archived'),
      });
      expect(messages).toEqual([]);
    });

    it('refuses with 403 when a visible, open channel stopped taking the author’s messages meanwhile', async () => {
      const { service, channels, readOnly } = setUp();
      // Still visible and not archived when checked, but the insert (which checks write access itself) stored nothing.
      channels.push(channel('lost-access'));
      readOnly.add('lost-access');

      expect(await refusalOf(service.send(author, send('3', { channelId: 'lost-access' })))).toMatchObject({
        status: 403,
        message: 'This channel does not take your messages now',
      });
    });
  });

  describe('reading', () => {
    it("catches up from a seq and answers the channel's newest seq", async () => {
      const { service } = setUp();
      for (const clientId of ['1', '2', '3']) await service.send(author, send(clientId));

      const caughtUp = await service.catchUp(author, 'open', 1);

      expect(caughtUp.messages.map((message) => message.seq)).toEqual([2, 3]);
      expect(caughtUp.lastSeq).toBe(3);
      expect((await service.catchUp(author, 'archived', undefined)).lastSeq).toBe(7);
    });

    it('refuses a history window that is empty by construction, and a channel the user cannot see', async () => {
      const { service } = setUp();
      expect(await refusalOf(service.history(author, 'open', { afterSeq: 5, beforeSeq: 5 }))).toMatchObject({
        status: 400,
        fields: ['beforeSeq'],
      });
      expect(
        (await refusalOf(service.history(author, 'hidden', { limit: MESSAGE_LIMITS.defaultHistoryPage })))
          .status,
      ).toBe(404);
    });

    it('moves the read position forward only, and never past the last message', async () => {
      const { service } = setUp();
      await service.send(author, send('1'));
      await service.send(author, send('2'));

      expect(await service.markRead(author, 'open', 2)).toBe(2);
      expect(await service.markRead(author, 'open', 1)).toBeNull();
      expect(await refusalOf(service.markRead(author, 'open', 3))).toMatchObject({
        status: 400,
        fields: ['seq'],
      });
    });
  });

  describe('alerts', () => {
    it('acknowledges an urgent message once; acknowledging again answers the first acknowledgement', async () => {
      const { service } = setUp();
      const { message } = await service.send(author, send('alert', { priority: 'urgent' }));

      const first = await service.acknowledgeAlert(author, message.id);
      const again = await service.acknowledgeAlert(author, message.id);

      expect(first).toMatchObject({ created: true, ack: { messageId: message.id, userId: author.id } });
      expect(again).toEqual({ ...first, created: false });
    });

    it('refuses to acknowledge a normal message (400) or one the user cannot see (404)', async () => {
      const { service } = setUp();
      const { message } = await service.send(author, send('normal'));

      expect(await refusalOf(service.acknowledgeAlert(author, message.id))).toMatchObject({
        status: 400,
        fields: ['messageId'],
      });
      expect((await refusalOf(service.acknowledgeAlert(author, 'unknown'))).status).toBe(404);
    });

    it('lists acknowledgements only under the channel the message belongs to', async () => {
      const { service } = setUp();
      const { message } = await service.send(author, send('alert', { priority: 'urgent' }));
      await service.acknowledgeAlert(author, message.id);

      expect(await service.acknowledgements(author, 'open', message.id)).toHaveLength(1);
      expect((await refusalOf(service.acknowledgements(author, 'archived', message.id))).status).toBe(404);
    });
  });
});
