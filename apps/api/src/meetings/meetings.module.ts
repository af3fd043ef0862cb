import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { PeopleModule } from '../people/people.module';
import { ReportsModule } from '../reports/reports.module';
import { SitesModule } from '../sites/sites.module';
import { ZonesModule } from '../zones/zones.module';
import { ActionsRepository } from './actions.repository';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsService } from './decisions.service';
import { MeetingLiveService } from './meeting-live.service';
import { MeetingSummaryService } from './meeting-summary.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsGateway } from './meetings.gateway';
import { MeetingsPublisher } from './meetings.publisher';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { MinutesService } from './minutes.service';
import { PresenterWatchService } from './presenter-watch.service';

/**
 * Joint meetings: agenda, minutes, decisions, actions, "since last meeting", the minutes export, and the shared
 * map over Socket.IO (through the realtime publisher). The meeting's channel follows it through `meeting.changed`;
 * the reports module marks linked reports discussed; the people, sites and zones modules answer for what a meeting
 * refers to (none of them imports meetings).
 */
@Module({
  imports: [AuditModule, ClockModule, PeopleModule, ReportsModule, SitesModule, ZonesModule],
  controllers: [MeetingsController, ActionsController],
  providers: [
    MeetingsRepository,
    AgendaRepository,
    DecisionsRepository,
    ActionsRepository,
    MeetingsService,
    AgendaService,
    DecisionsService,
    ActionsService,
    MeetingSummaryService,
    MinutesService,
    MeetingsPublisher,
    MeetingLiveService,
    PresenterWatchService,
    MeetingsGateway,
  ],
  // For the demo seed, which makes its meetings through the same services (and audit) as the api.
  exports: [MeetingsService, AgendaService, DecisionsService, ActionsService],
})
export class MeetingsModule {}
