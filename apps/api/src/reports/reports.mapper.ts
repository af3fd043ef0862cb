import type { FieldReport } from '@samverkan/contracts';
import { FieldReportEntity } from './entities/field-report.entity';

export function toReportDto(report: FieldReportEntity): FieldReport {
  return {
    id: report.id,
    category: report.category,
    siteId: report.siteId,
    zoneId: report.zoneId,
    occurredAt: report.occurredAt.toISOString(),
    body: report.body,
    organisationId: report.organisationId,
    authorId: report.authorId,
    status: report.status,
    version: report.version,
    createdAt: report.createdAt.toISOString(),
    kitId: report.kitId,
    updatedAt: report.updatedAt.toISOString(),
  };
}
