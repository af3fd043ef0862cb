import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { PeopleModule } from '../people/people.module';
import { ReportsModule } from '../reports/reports.module';
import { SitesModule } from '../sites/sites.module';
import { KitExpiryNoticeService } from './kit-expiry-notice.service';
import { KitsController } from './kits.controller';
import { KitsRepository } from './kits.repository';
import { KitsService } from './kits.service';

/** Naloxone kits carried by police organisations, their use (which creates a report) and the daily expiry notice. */
@Module({
  imports: [AuditModule, ClockModule, PeopleModule, ReportsModule, SitesModule],
  controllers: [KitsController],
  providers: [KitsService, KitsRepository, KitExpiryNoticeService],
})
export class KitsModule {}
