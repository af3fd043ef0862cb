import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AlertStatisticsModule } from './alert-statistics.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PeopleModule } from '../people/people.module';
import { ChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { JointNoticesListener } from './joint-notices.listener';
import { LiveUpdatesListener } from './live-updates.listener';
import { MessagePushes } from './message-pushes';
import { MessagesRepository } from './messages.repository';
import { MessagingGateway } from './messaging.gateway';
import { MessagingService } from './messaging.service';
import { OwnedChannelsListener } from './owned-channels.listener';
import { RetentionService } from './retention.service';
import { SendRateLimiter } from './send-rate-limiter';
import { ZoneNoticesListener } from './zone-notices.listener';

/**
 * Channels and messages over HTTP and Socket.IO (through the realtime module's server and publisher).
 */
@Module({
  imports: [AuditModule, AlertStatisticsModule, PeopleModule],
  controllers: [ChannelsController],
  providers: [
    ChannelsRepository,
    MessagesRepository,
    ChannelsService,
    MessagingService,
    {
      provide: SendRateLimiter,
      inject: [APP_CONFIG],
      useFactory: ({ messageRateLimit }: AppConfig) =>
        new SendRateLimiter(messageRateLimit.messages, messageRateLimit.windowSeconds * 1000),
    },
    RetentionService,
    LiveUpdatesListener,
    OwnedChannelsListener,
    JointNoticesListener,
    MessagePushes,
    ZoneNoticesListener,
    MessagingGateway,
  ],
  exports: [ChannelsService],
})
export class MessagingModule {}
