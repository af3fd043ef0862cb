import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditAnchorService } from './audit-anchor.service';
import { AuditAnchorStore } from './audit-anchor.store';

@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditAnchorStore, AuditAnchorService],
  exports: [AuditService],
})
export class AuditModule {}
