import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PeopleModule } from '../people/people.module';
import { ChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { ClusterLink } from './cluster-link';
import { JointNoticesListener } from './joint-notices.listener';
import { LiveUpdatesListener } from './live-updates.listener';
import { MessagePushes } from './message-pushes';
import { MessagesRepository } from './messages.repository';
import { MessagingGateway } from './messaging.gateway';
import { MessagingService } from './messaging.service';
import { PresenceService } from './presence.service';
import { RetentionService } from './retention.service';
import { SendRateLimiter } from './send-rate-limiter';
import { SocketServerSetup } from './socket-server.setup';
import { SocketSessionsService } from './socket-sessions.service';
import { SocketServerRef } from './socket.types';
import { ZoneNoticesListener } from './zone-notices.listener';

/**
 * Channels and messages over HTTP and Socket.IO. Other modules use ChannelsService (a meeting's channel) and
 * SocketServerRef (pushing their own events to the connected users).
 */
@Module({
  imports: [AuditModule, AuthModule, PeopleModule],
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
    SocketServerRef,
    SocketServerSetup,
    ClusterLink,
    SocketSessionsService,
    PresenceService,
    LiveUpdatesListener,
    JointNoticesListener,
    MessagePushes,
    ZoneNoticesListener,
    MessagingGateway,
  ],
  exports: [ChannelsService, SocketServerRef],
})
export class MessagingModule {}
