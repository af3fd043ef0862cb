import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { GuidesController } from './guides.controller';
import { GuidesRepository } from './guides.repository';
import { GuidesService } from './guides.service';

/** The naloxone guide: drafts by service staff, publication by a service signatory, every version kept. */
@Module({
  imports: [AuditModule],
  controllers: [GuidesController],
  providers: [GuidesService, GuidesRepository],
  exports: [GuidesService],
})
export class GuidesModule {}
