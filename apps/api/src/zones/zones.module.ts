import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { InstanceCachesModule } from '../common/instance-caches';
import { ReviewNoticeJob } from './review-notice.job';
import { SuspensionEndJob } from './suspension-end.job';
import { ZoneCheckIndex } from './zone-check-index';
import { ZoneMapListService } from './zone-map-list.service';
import { ZoneSnapshotService } from './zone-snapshot.service';
import { ZoneTransferService } from './zone-transfer.service';
import { ZonesController } from './zones.controller';
import { ZonesRepository } from './zones.repository';
import { ZonesService } from './zones.service';

@Module({
  imports: [AuditModule, ClockModule, InstanceCachesModule],
  controllers: [ZonesController],
  providers: [ZonesService, ZoneTransferService, ZonesRepository, SuspensionEndJob, ReviewNoticeJob, ZoneSnapshotService, ZoneMapListService, ZoneCheckIndex],
  exports: [ZonesService],
})
export class ZonesModule {}
