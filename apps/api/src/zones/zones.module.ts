import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SuspensionEndJob } from './suspension-end.job';
import { ZoneTransferService } from './zone-transfer.service';
import { ZonesController } from './zones.controller';
import { ZonesRepository } from './zones.repository';
import { ZonesService } from './zones.service';

@Module({
  imports: [AuditModule],
  controllers: [ZonesController],
  providers: [ZonesService, ZoneTransferService, ZonesRepository, SuspensionEndJob],
  exports: [ZonesService],
})
export class ZonesModule {}
