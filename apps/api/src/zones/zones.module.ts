import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { SuspensionEndJob } from './suspension-end.job';
import { ZoneSnapshotService } from './zone-snapshot.service';
import { ZoneTransferService } from './zone-transfer.service';
import { ZonesController } from './zones.controller';
import { ZonesRepository } from './zones.repository';
import { ZonesService } from './zones.service';

@Module({
  imports: [AuditModule, ClockModule],
  controllers: [ZonesController],
  providers: [ZonesService, ZoneTransferService, ZonesRepository, SuspensionEndJob, ZoneSnapshotService],
  exports: [ZonesService],
})
export class ZonesModule {}
