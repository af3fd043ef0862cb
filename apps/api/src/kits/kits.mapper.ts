import type { Kit } from '@samverkan/contracts';
import { NaloxoneKitEntity } from './entities/naloxone-kit.entity';
import { daysBetween } from '../common/calendar-dates';

/** A kit row with the report its use created (if any). */
export type KitRow = Pick<NaloxoneKitEntity, 'id' | 'organisationId' | 'label' | 'batch' | 'expiresOn' | 'status' | 'version' | 'usedAt'> & {
  reportId: string | null;
};

/** The stored kit, as the audit log keeps it (nothing that changes with the date). */
export function toKitRecord(kit: KitRow) {
  return {
    id: kit.id,
    organisationId: kit.organisationId,
    label: kit.label,
    batch: kit.batch,
    expiresOn: kit.expiresOn,
    status: kit.status,
    version: kit.version,
    usedAt: kit.usedAt ? kit.usedAt.toISOString() : null,
    reportId: kit.reportId,
  };
}

/** The kit as the API answers it, with its expiry seen from `today` (YYYY-MM-DD in Europe/Stockholm). */
export function toKitDto(kit: KitRow, today: string): Kit {
  const daysUntilExpiry = daysBetween(today, kit.expiresOn);
  return { ...toKitRecord(kit), expired: daysUntilExpiry < 0, daysUntilExpiry };
}
