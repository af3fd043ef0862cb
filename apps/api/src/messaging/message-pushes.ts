import { Injectable } from '@nestjs/common';
import type { Message } from '@samverkan/contracts';
import { ROOMS } from './channel-access';
import { ChannelsService } from './channels.service';
import { SocketServerRef } from './socket.types';

/**
 * How a stored message reaches the connected users, whoever wrote it (a user through `message:send`, or the
 * api's own notices): `message:new` to the channel's room, and an urgent one as `alert` to every member.
 */
@Injectable()
export class MessagePushes {
  constructor(
    private readonly ref: SocketServerRef,
    private readonly channels: ChannelsService,
  ) {}

  async stored(message: Message): Promise<void> {
    const server = this.ref.server;
    if (!server) return;
    server.to(ROOMS.channel(message.channelId)).emit('message:new', message);
    if (message.priority === 'urgent') {
      const audience = await this.channels.audienceOf(message.channelId);
      (audience === 'everyone' ? server : server.to(audience)).emit('alert', message);
    }
  }
}
