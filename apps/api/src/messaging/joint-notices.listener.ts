import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DOMAIN_EVENTS, JointChannelNoticeEvent } from '../common/domain-events';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ROOMS } from '../realtime/rooms';
import { ChannelsRepository } from './channels.repository';
import { Clock } from '../common/clock';
import { MessagesRepository } from './messages.repository';
import { toMessageDto } from './messaging.mapper';
import { clientIdForNoticeKey, SYSTEM_AUTHOR } from '../common/system-author';

/** Posts automatic notices (from other modules' jobs) on the joint channel, once per notice key. */
@Injectable()
export class JointNoticesListener {
  private readonly logger = new Logger(JointNoticesListener.name);

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly messages: MessagesRepository,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  @OnEvent(DOMAIN_EVENTS.jointChannelNotice, { async: true, promisify: true })
  async post(notice: JointChannelNoticeEvent): Promise<void> {
    try {
      const jointId = await this.channels.jointChannelId();
      const row = await this.messages.insert(
        { id: SYSTEM_AUTHOR.userId, organisationId: SYSTEM_AUTHOR.organisationId, role: 'coordinator', organisationKind: 'coordination' },
        { channelId: jointId, clientId: clientIdForNoticeKey(notice.key), body: notice.body, priority: 'normal' },
        this.clock.now(),
      );
      // Null: this key was posted before (a rerun, or another instance was first).
      if (row) this.publisher.publish('message:new', [ROOMS.channel(jointId)], toMessageDto(row));
    } catch (error) {
      this.logger.error(`Could not post the notice ${notice.key}: ${(error as Error).message}`);
    }
  }
}
