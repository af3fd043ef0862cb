import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Message } from '@samverkan/contracts';
import { DOMAIN_EVENTS } from '../common/domain-events';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ROOMS } from '../realtime/rooms';
import { channelAudience } from './channel-access';
import { ChannelsService } from './channels.service';

/**
 * How a stored message reaches the connected users, whoever wrote it (a user through `message:send`, or the
 * api's own notices): `message:new` to the channel's room, and an urgent one as `alert` to every member. It is
 * called once the message is committed; the Web Push side hears of it through after-commit events
 * (`messaging.alert-stored`, `messaging.direct-message-stored`), which never hold up or fail the send.
 */
@Injectable()
export class MessagePushes {
  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly channels: ChannelsService,
    private readonly events: EventEmitter2,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `firstTime: false` for a resend of a stored message: sockets hear it again, phones are not woken twice. */
  async stored(message: Message, options = { firstTime: true }): Promise<void> {
    this.publisher.publish('message:new', [ROOMS.channel(message.channelId)], message);
    const urgent = message.priority === 'urgent';
    // A normal message needs its channel's kind only to wake the other person of a direct channel.
    if (!urgent) {
      if (!options.firstTime || !this.config.push) return;
      const channel = await this.channels.kindOf(message.channelId);
      const recipientId =
        channel?.kind === 'direct' ? channel.directUserIds?.find((id) => id !== message.authorId) : undefined;
      if (recipientId) this.events.emit(DOMAIN_EVENTS.directMessageStored, { message, recipientId });
      return;
    }
    // An alert goes to the channel's audience as it is now (meeting channels change their organisations).
    const facts = await this.channels.audienceFactsOf(message.channelId);
    if (!facts) return;
    const audience = channelAudience(facts);
    this.publisher.publish('alert', audience, message);
    if (options.firstTime) this.events.emit(DOMAIN_EVENTS.alertStored, { message, audience });
  }
}
