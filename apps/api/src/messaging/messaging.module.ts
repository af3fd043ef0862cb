import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AlertStatisticsModule } from './alert-statistics.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ClockModule } from '../common/clock';
import { AlertEscalationService } from './escalation/alert-escalation.service';
import { AlertsController } from './escalation/alerts.controller';
import { EscalationJob } from './escalation/escalation.job';
import { EscalationPoliciesController } from './escalation/escalation-policies.controller';
import { EscalationPoliciesService } from './escalation/escalation-policies.service';
import { EscalationPushesListener } from './escalation/escalation-pushes.listener';
import { EscalationRepository } from './escalation/escalation.repository';
import { JointPolicyListener } from './escalation/joint-policy.listener';
import { PeopleModule } from '../people/people.module';
import { ChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { JointNoticesListener } from './joint-notices.listener';
import { LiveUpdatesListener } from './live-updates.listener';
import { MessageBatcher } from './message-batcher';
import { MessagePushes } from './message-pushes';
import { MessagesRepository } from './messages.repository';
import { MessagingGateway } from './messaging.gateway';
import { MessagingService } from './messaging.service';
import { OwnedChannelsListener } from './owned-channels.listener';
import { RetentionService } from './retention.service';
import { SendRateLimiter } from './send-rate-limiter';
import { ZoneNoticesListener } from './zone-notices.listener';

/**
 * Channels and messages over HTTP and Socket.IO (through the realtime module's server and publisher), and the
 * escalation of urgent messages (escalation/: policies, the worker that fires due steps, an alert's state).
 */
@Module({
  imports: [AuditModule, AlertStatisticsModule, ClockModule, PeopleModule],
  controllers: [ChannelsController, EscalationPoliciesController, AlertsController],
  providers: [
    ChannelsRepository,
    MessagesRepository,
    MessageBatcher,
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
    EscalationRepository,
    EscalationPoliciesService,
    AlertEscalationService,
    EscalationJob,
    EscalationPushesListener,
    JointPolicyListener,
  ],
  exports: [ChannelsService],
})
export class MessagingModule {}
