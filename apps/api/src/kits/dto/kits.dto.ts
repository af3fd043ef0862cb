import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { KIT_LIMITS, KIT_STATUSES, REPORT_LIMITS } from '@samverkan/contracts';
import type { KitStatus } from '@samverkan/contracts';
import { IsIsoInstant } from '../../common/instant.validators';
import { IsWordList, ToDecimal } from '../../common/query-param.validators';
import { IsContractText } from '../../common/text.validators';
import { IsCalendarDate, IsVersion } from '../../common/field.validators';

const LABEL_DOC = 'The unit or vehicle that carries the kit (e.g. "Piket 3", "Bil 3211"), never a person.';
const EDITABLE_STATUSES = KIT_STATUSES.filter((status) => status !== 'used');

export class CreateKitDto {
  @ApiProperty({ description: LABEL_DOC, example: 'Bil 3211', maxLength: KIT_LIMITS.maxLabel })
  @IsContractText({ min: 1, max: KIT_LIMITS.maxLabel })
  label: string;

  @ApiProperty({ description: "The manufacturer's batch number.", example: 'NX24-118', maxLength: KIT_LIMITS.maxBatch })
  @IsContractText({ min: 1, max: KIT_LIMITS.maxBatch })
  batch: string;

  @ApiProperty({ example: '2027-06-30', description: 'The last day the kit may be used (YYYY-MM-DD).' })
  @IsCalendarDate('2027-06-30')
  expiresOn: string;
}

export class UpdateKitDto {
  @ApiProperty({ description: 'The version read; a stale one is refused with 409.' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional({ description: LABEL_DOC, maxLength: KIT_LIMITS.maxLabel })
  @IsOptional()
  @IsContractText({ min: 1, max: KIT_LIMITS.maxLabel })
  label?: string;

  @ApiPropertyOptional({ maxLength: KIT_LIMITS.maxBatch })
  @IsOptional()
  @IsContractText({ min: 1, max: KIT_LIMITS.maxBatch })
  batch?: string;

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @IsCalendarDate('2027-06-30')
  expiresOn?: string;

  @ApiPropertyOptional({ enum: EDITABLE_STATUSES, description: 'A use is recorded with POST /api/kits/:id/use, which also creates the report.' })
  @IsOptional()
  @IsIn(EDITABLE_STATUSES, { message: `status must be one of ${EDITABLE_STATUSES.join(', ')} (record a use with POST /api/kits/:id/use)` })
  status?: Exclude<KitStatus, 'used'>;
}

export class UseKitDto {
  @ApiProperty({ example: '2026-11-25T21:40:00+01:00', description: 'When the kit was used: not in the future, at most 90 days ago.' })
  @IsIsoInstant()
  usedAt: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The site it happened at or near, if any. No position is recorded.' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be a UUID' })
  zoneId?: string | null;

  @ApiPropertyOptional({
    description: `Extension: the report's text (${REPORT_LIMITS.minBody}–${REPORT_LIMITS.maxBody} characters, never identifying a person); a standard sentence when left out.`,
  })
  @IsOptional()
  @IsContractText({ min: REPORT_LIMITS.minBody, max: REPORT_LIMITS.maxBody })
  body?: string;
}

const DAYS_RANGE = 'expiringWithinDays must be a whole number of days between 0 and 3650';

export class KitListQueryDto {
  @ApiPropertyOptional({ description: 'Kits whose expiry day is at most this many days away; expired kits included (they are marked expired).' })
  @IsOptional()
  @ToDecimal()
  @IsInt({ message: DAYS_RANGE })
  @Min(0, { message: DAYS_RANGE })
  @Max(3650, { message: DAYS_RANGE })
  expiringWithinDays?: number;

  @ApiPropertyOptional({ description: `One or more of ${KIT_STATUSES.join(', ')}, comma-separated.` })
  @IsOptional()
  @IsWordList(KIT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Extension for coordinators and administrators: one police organisation's kits." })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
}
