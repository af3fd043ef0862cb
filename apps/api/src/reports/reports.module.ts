import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { PeopleModule } from '../people/people.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Field reports. Exports the service: kits create reports, meetings mark them discussed. */
@Module({
  imports: [AuditModule, ClockModule, PeopleModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository],
  exports: [ReportsService],
})
export class ReportsModule {}
