import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { RealtimePublisher } from '../../realtime/realtime.publisher';
import { ROOMS } from '../../realtime/rooms';
import { ChannelsService } from '../channels.service';
import { AlertEscalatedEvent, ESCALATION_EVENTS } from './escalation.events';

/**
 * Once a step committed: each target gets the `alert` again, marked with the step (members of the channel or
 * not); the channel's members and the author get `alert:escalated`, so views of the alert follow.
 */
@Injectable()
export class EscalationPushesListener {
  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly channels: ChannelsService,
  ) {}

  @OnEvent(ESCALATION_EVENTS.alertEscalated, { async: true, promisify: true })
  async onEscalated(event: AlertEscalatedEvent): Promise<void> {
    const { message, step, of, at, userIds, state } = event;
    if (userIds.length > 0) {
      this.publisher.publish('alert', userIds.map(ROOMS.user), { ...message, escalation: { step, of } });
    }
    const audience = await this.channels.audienceOf(message.channelId);
    const payload = { messageId: message.id, channelId: message.channelId, step, of, at, userIds, state };
    this.publisher.publish(
      'alert:escalated',
      audience === 'everyone' ? 'everyone' : [...audience, ROOMS.user(message.authorId)],
      payload,
    );
  }
}
