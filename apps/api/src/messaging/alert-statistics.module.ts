import { Global, Module } from '@nestjs/common';
import { AlertStatistics } from '../meetings/alert-statistics';
import { EscalationRepository } from './escalation/escalation.repository';
import { MessagesRepository } from './messages.repository';

/**
 * Messaging's answer to the meetings' summary (alert counts): global, because meetings may not import messaging
 * and still needs the counts; meetings names only the AlertStatistics token it defines.
 */
@Global()
@Module({
  providers: [MessagesRepository, EscalationRepository, { provide: AlertStatistics, useExisting: MessagesRepository }],
  exports: [AlertStatistics],
})
export class AlertStatisticsModule {}
