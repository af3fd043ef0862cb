import { Injectable } from '@nestjs/common';
import type { Message } from '@samverkan/contracts';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ROOMS } from '../realtime/rooms';
import { ChannelsService } from './channels.service';

/**
 * How a stored message reaches the connected users, whoever wrote it (a user through `message:send`, or the
 * api's own notices): `message:new` to the channel's room, and an urgent one as `alert` to every member.
 */
@Injectable()
export class MessagePushes {
  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly channels: ChannelsService,
  ) {}

  async stored(message: Message): Promise<void> {
    this.publisher.publish('message:new', [ROOMS.channel(message.channelId)], message);
    if (message.priority === 'urgent') {
      this.publisher.publish('alert', await this.channels.audienceOf(message.channelId), message);
    }
  }
}
