import { UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Ack, IdentifyingKind, Message } from '@samverkan/contracts';
import { guardIdentifyingText } from '@samverkan/text';
import { ChannelsService } from './channels.service';
import {
  AlertAckDto,
  ChannelJoinDto,
  ChannelRefDto,
  MessageReadDto,
  MessageSendDto,
} from './dto/messaging.dto';
import { AlertEscalationService } from './escalation/alert-escalation.service';
import { MessagePushes } from './message-pushes';
import { MessagingService } from './messaging.service';
import { PresenceService } from '../realtime/presence.service';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ROOMS } from '../realtime/rooms';
import type { AppSocket } from '../realtime/socket.types';
import { WsAckExceptionFilter } from '../realtime/ws-ack.filter';

/** One typing notice per user and channel in this time: typing is a hint, not a stream. */
const TYPING_THROTTLE_MS = 2000;

/**
 * Real-time messaging on the api's port (default namespace). Every event is validated by the global pipe and
 * answered through its acknowledgement, `{ ok: true, ... }` or `{ ok: false, error }` (WsAckExceptionFilter):
 * no payload can end a connection.
 */
@UseFilters(WsAckExceptionFilter)
@WebSocketGateway({ maxHttpBufferSize: 1e6, serveClient: false })
export class MessagingGateway implements OnGatewayConnection<AppSocket> {
  private readonly lastTyping = new Map<string, number>();

  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly messaging: MessagingService,
    private readonly channels: ChannelsService,
    private readonly presence: PresenceService,
    private readonly pushes: MessagePushes,
    private readonly escalation: AlertEscalationService,
  ) {}

  /** The realtime gateway has put the connection in its rooms; here it gets the alerts it has not seen. */
  handleConnection(socket: AppSocket): void {
    void this.messaging.pendingAlerts(socket.data.user).then(
      (alerts) => this.publisher.reply(socket, 'alert:pending', { alerts }),
      () => undefined, // the client can ask again with `alert:pending`
    );
  }

  /** Joins the channel's room before reading what was missed, so nothing falls between the two. */
  @SubscribeMessage('channel:join')
  async join(
    @ConnectedSocket() socket: AppSocket,
    @MessageBody() body: ChannelJoinDto,
  ): Promise<Ack<{ messages: Message[]; lastSeq: number }>> {
    await this.channels.requireVisible(socket.data.user, body.channelId);
    await socket.join(ROOMS.channel(body.channelId));
    const { messages, lastSeq } = await this.messaging.catchUp(
      socket.data.user,
      body.channelId,
      body.sinceSeq,
    );
    return { ok: true, messages, lastSeq };
  }

  @SubscribeMessage('channel:leave')
  async leave(@ConnectedSocket() socket: AppSocket, @MessageBody() body: ChannelRefDto): Promise<Ack> {
    await socket.leave(ROOMS.channel(body.channelId));
    return { ok: true };
  }

  @SubscribeMessage('message:send')
  async send(
    @ConnectedSocket() socket: AppSocket,
    @MessageBody() body: MessageSendDto,
  ): Promise<Ack<{ message: Message; warnings?: IdentifyingKind[] }>> {
    const { message, created } = await this.messaging.send(socket.data.user, body);
    // Also after a resend: if the first broadcast was lost with a crashed instance, this one delivers it
    // (clients keep messages by id, so a second copy changes nothing).
    await this.pushes.stored(message, { firstTime: created });
    // What the guard refuses never got this far (the DTO); what it only warns about is said in the answer.
    const { warned } = guardIdentifyingText(message.body, 'chat');
    return warned.length > 0 ? { ok: true, message, warnings: warned } : { ok: true, message };
  }

  @SubscribeMessage('message:read')
  async read(@ConnectedSocket() socket: AppSocket, @MessageBody() body: MessageReadDto): Promise<Ack> {
    const user = socket.data.user;
    const seq = await this.messaging.markRead(user, body.channelId, body.seq);
    if (seq !== null) {
      // The channel's room, and the reader's other tabs (their unread counts follow).
      this.publisher.publish('message:read', [ROOMS.channel(body.channelId), ROOMS.user(user.id)], {
        channelId: body.channelId,
        userId: user.id,
        seq,
      });
    }
    return { ok: true };
  }

  @SubscribeMessage('alert:ack')
  async acknowledgeAlert(
    @ConnectedSocket() socket: AppSocket,
    @MessageBody() body: AlertAckDto,
  ): Promise<Ack> {
    const user = socket.data.user;
    const { ack, message, created } = await this.messaging.acknowledgeAlert(user, body.messageId);
    if (created) {
      // The sender sees who has seen it; so does the channel, and the acknowledger's other tabs close the alert.
      // Those an escalation step reached (members of the channel or not) see it close too.
      const targets = (await this.escalation.targetsOf(message.id)).map(ROOMS.user);
      this.publisher.publish(
        'alert:acked',
        [ROOMS.user(message.authorId), ROOMS.channel(message.channelId), ROOMS.user(user.id), ...targets],
        ack,
      );
    }
    return { ok: true };
  }

  @SubscribeMessage('alert:pending')
  async pendingAlerts(@ConnectedSocket() socket: AppSocket): Promise<Ack<{ alerts: Message[] }>> {
    return { ok: true, alerts: await this.messaging.pendingAlerts(socket.data.user) };
  }

  @SubscribeMessage('presence:list')
  async presenceList(): Promise<Ack<{ online: string[] }>> {
    return { ok: true, online: await this.presence.online() };
  }

  /** To the others in the channel's room, at most once per TYPING_THROTTLE_MS, and dropped under load (volatile). */
  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: AppSocket, @MessageBody() body: ChannelRefDto): Ack {
    const room = ROOMS.channel(body.channelId);
    if (!socket.rooms.has(room)) {
      return { ok: false, error: { code: 'forbidden', message: 'Join the channel before typing in it' } };
    }
    const userId = socket.data.user.id;
    const key = `${userId}:${body.channelId}`;
    const now = Date.now();
    if (now - (this.lastTyping.get(key) ?? 0) >= TYPING_THROTTLE_MS) {
      this.lastTyping.set(key, now);
      this.publisher.relayVolatile(socket, room, 'typing', { channelId: body.channelId, userId });
      if (this.lastTyping.size > 10_000) this.forgetOldTyping(now);
    }
    return { ok: true };
  }

  private forgetOldTyping(now: number): void {
    for (const [key, at] of this.lastTyping) if (now - at >= TYPING_THROTTLE_MS) this.lastTyping.delete(key);
  }
}
