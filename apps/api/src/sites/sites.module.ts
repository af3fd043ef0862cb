import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { PeopleModule } from '../people/people.module';
import { ZonesModule } from '../zones/zones.module';
import { SitesController } from './sites.controller';
import { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';

/** Sites depend on zones (a site is not moved away from or deleted under its agreed zones); zones do not depend on sites. */
@Module({
  imports: [AuditModule, ClockModule, PeopleModule, ZonesModule],
  controllers: [SitesController],
  providers: [SitesService, SitesRepository],
  exports: [SitesService],
})
export class SitesModule {}
