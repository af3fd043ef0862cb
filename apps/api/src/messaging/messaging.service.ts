import { ForbiddenException, HttpException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { canSeeAlertStatus, MESSAGE_LIMITS } from '@samverkan/contracts';
import type { AlertAck, Message } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { ChannelsService } from './channels.service';
import { HistoryQueryDto, MessageSendDto } from './dto/messaging.dto';
import { MessageBatcher } from './message-batcher';
import { toAlertAckDto, toMessageDto } from './messaging.mapper';
import { MessagesRepository } from './messages.repository';
import { SendRateLimiter } from './send-rate-limiter';

/** Alerts older than this are not listed on connect: an urgent message is about now. */
const PENDING_ALERT_DAYS = 7;
const MAX_PENDING_ALERTS = 100;

@Injectable()
export class MessagingService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly batcher: MessageBatcher,
    private readonly channels: ChannelsService,
    private readonly rateLimiter: SendRateLimiter,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores a message and answers it once stored. The same clientId from the same author answers the stored
   * message (`created: false`) instead of storing a second one, whatever happened to the first answer.
   */
  async send(user: AuthUser, input: MessageSendDto): Promise<{ message: Message; created: boolean }> {
    if (!this.rateLimiter.take(user.id)) {
      // A resend of a stored message is never refused: answering it costs nothing and tells the client it is safe.
      const stored = await this.messages.findByClientId(user.id, input.clientId);
      if (stored) return { message: toMessageDto(stored), created: false };
      const retryAfterSeconds = this.rateLimiter.retryAfterSeconds(user.id);
      throw new HttpException(
        {
          message: `Too many messages: ${this.rateLimiter.describe()}; try again in ${retryAfterSeconds} s`,
          retryAfterSeconds,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    // Stored together with the sends that arrive with it, answered once committed (MessageBatcher).
    const inserted = await this.batcher
      .insert(
        user,
        {
          channelId: input.channelId,
          clientId: input.clientId,
          body: input.body,
          priority: input.priority ?? 'normal',
        },
        this.clock.now(),
      )
      .catch((error: unknown) => {
        this.rateLimiter.giveBack(user.id);
        throw error;
      });
    if (inserted) return { message: toMessageDto(inserted), created: true };
    this.rateLimiter.giveBack(user.id);
    const stored = await this.messages.findByClientId(user.id, input.clientId);
    if (stored) return { message: toMessageDto(stored), created: false };
    const channel = await this.channels.requireVisible(user, input.channelId);
    if (channel.archived)
      throw new ForbiddenException(
        'This channel is archived (its site or zone was deleted): it takes no new messages',
      );
    // The channel was writable a moment ago and the clientId unused: a concurrent change (archived, access lost).
    throw new ForbiddenException('This channel does not take your messages now');
  }

  /** Every message after `sinceSeq` (up to 500), or the latest 50 without it; with the channel's newest seq. */
  async catchUp(
    user: AuthUser,
    channelId: string,
    sinceSeq: number | undefined,
  ): Promise<{ messages: Message[]; lastSeq: number }> {
    const channel = await this.channels.requireVisible(user, channelId);
    const rows =
      sinceSeq === undefined
        ? await this.messages.page(channelId, { limit: MESSAGE_LIMITS.defaultHistoryPage })
        : await this.messages.page(channelId, { afterSeq: sinceSeq, limit: MESSAGE_LIMITS.maxCatchUp });
    return {
      messages: rows.map(toMessageDto),
      lastSeq: Math.max(Number(channel.last_seq), ...rows.map((row) => Number(row.seq))),
    };
  }

  async history(user: AuthUser, channelId: string, query: HistoryQueryDto): Promise<Message[]> {
    await this.channels.requireVisible(user, channelId);
    if (query.afterSeq !== undefined && query.beforeSeq !== undefined && query.beforeSeq <= query.afterSeq) {
      throw badRequest('beforeSeq', 'must be greater than afterSeq', 'ends_before_start');
    }
    const rows = await this.messages.page(channelId, {
      afterSeq: query.afterSeq,
      beforeSeq: query.beforeSeq,
      limit: query.limit ?? MESSAGE_LIMITS.defaultHistoryPage,
    });
    return rows.map(toMessageDto);
  }

  /** Moves the user's read position; returns it when it moved (for the `message:read` broadcast), else null. */
  async markRead(user: AuthUser, channelId: string, seq: number): Promise<number | null> {
    const channel = await this.channels.requireVisible(user, channelId);
    if (seq > Number(channel.last_seq)) {
      throw badRequest('seq', `is beyond the channel's last message (${channel.last_seq})`, 'out_of_range');
    }
    return this.messages.markRead(user.id, channelId, seq);
  }

  /**
   * Records that the user has seen an urgent message; `created: false` when they already had. Those who see the
   * channel may, and those an escalation step was sent to. Anyone but the author ends the escalation.
   */
  async acknowledgeAlert(
    user: AuthUser,
    messageId: string,
  ): Promise<{ ack: AlertAck; message: Message; created: boolean }> {
    const row = await this.messages.findWithAlertAccess(user, messageId);
    if (!row || !canSeeAlertStatus({ seesChannel: row.sees_channel, wasTarget: row.was_target }))
      throw new NotFoundException(`No message with id ${messageId}`);
    if (row.priority !== 'urgent')
      throw badRequest(
        'messageId',
        'names a message that is not urgent: only alerts are acknowledged',
        'unknown_reference',
      );
    const inserted = await this.messages.insertAck(messageId, user.id, user.organisationId);
    const ack =
      inserted ?? (await this.messages.acksOf(messageId)).find((stored) => stored.user_id === user.id);
    if (!ack)
      throw new Error(`The acknowledgement of ${messageId} by ${user.id} was neither stored nor found`);
    return { ack: toAlertAckDto(ack), message: toMessageDto(row), created: inserted !== null };
  }

  /** Who has acknowledged an urgent message of a channel the user can see. */
  async acknowledgements(user: AuthUser, channelId: string, messageId: string): Promise<AlertAck[]> {
    await this.channels.requireVisible(user, channelId);
    const row = await this.messages.findVisible(user, messageId);
    if (!row || row.channel_id !== channelId)
      throw new NotFoundException(`No message with id ${messageId} in this channel`);
    return (await this.messages.acksOf(messageId)).map(toAlertAckDto);
  }

  async pendingAlerts(user: AuthUser, now = new Date()): Promise<Message[]> {
    const since = new Date(now.getTime() - PENDING_ALERT_DAYS * 24 * 3600 * 1000);
    return (await this.messages.pendingAlerts(user, since, MAX_PENDING_ALERTS)).map(toMessageDto);
  }
}
