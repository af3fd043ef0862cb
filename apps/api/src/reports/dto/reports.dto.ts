import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { REPORT_CATEGORIES, REPORT_LIMITS, REPORT_STATS_GROUPINGS, REPORT_STATUSES } from '@samverkan/contracts';
import type { ReportCategory, ReportStatsGroupBy, ReportStatus } from '@samverkan/contracts';
import { IsIsoInstant } from '../../common/instant.validators';
import { IsWordList, ToDecimal } from '../../common/query-param.validators';
import { IsVersion } from '../../common/field.validators';
import { IsContractText } from '../../common/text.validators';

const BODY_DOC =
  `What was noticed, ${REPORT_LIMITS.minBody}–${REPORT_LIMITS.maxBody} characters. Never identify a person: a text holding ` +
  'a Swedish personal identity number, a phone number or an e-mail address is refused with 400.';

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_CATEGORIES })
  @IsIn(REPORT_CATEGORIES, { message: `category must be one of ${REPORT_CATEGORIES.join(', ')}` })
  category: ReportCategory;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The site the report is about (if any).' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "The zone the report is about (if any); the report's siteId becomes the zone's site." })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be a UUID' })
  zoneId?: string | null;

  @ApiProperty({ example: '2026-11-25T21:40:00+01:00', description: 'When it happened: not in the future, at most 90 days ago.' })
  @IsIsoInstant()
  occurredAt: string;

  @ApiProperty({ description: BODY_DOC, example: 'Two patrols stood by the entrance for an hour during opening hours.' })
  @IsContractText({ min: REPORT_LIMITS.minBody, max: REPORT_LIMITS.maxBody })
  body: string;
}

export class UpdateReportDto {
  @ApiProperty({ description: 'The version read; a stale one is refused with 409.' })
  @IsVersion()
  version: number;

  @ApiProperty({ enum: REPORT_STATUSES })
  @IsIn(REPORT_STATUSES, { message: `status must be one of ${REPORT_STATUSES.join(', ')}` })
  status: ReportStatus;
}

const LIMIT_RANGE = `limit must be a whole number between 1 and ${REPORT_LIMITS.maxListLimit}`;

export class ReportListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Reports about this site, its zones included.' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be a UUID' })
  zoneId?: string;

  @ApiPropertyOptional({ description: `One or more of ${REPORT_CATEGORIES.join(', ')}, comma-separated.` })
  @IsOptional()
  @IsWordList(REPORT_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ description: `One or more of ${REPORT_STATUSES.join(', ')}, comma-separated.` })
  @IsOptional()
  @IsWordList(REPORT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Reports that happened at or after this time (ISO 8601 with offset).' })
  @IsOptional()
  @IsIsoInstant()
  since?: string;

  @ApiPropertyOptional({ description: 'Reports that happened before this time (ISO 8601 with offset).' })
  @IsOptional()
  @IsIsoInstant()
  until?: string;

  @ApiPropertyOptional({ default: REPORT_LIMITS.defaultListLimit, maximum: REPORT_LIMITS.maxListLimit, description: 'Extension: at most this many, newest first.' })
  @IsOptional()
  @ToDecimal()
  @IsInt({ message: LIMIT_RANGE })
  @Min(1, { message: LIMIT_RANGE })
  @Max(REPORT_LIMITS.maxListLimit, { message: LIMIT_RANGE })
  limit?: number;
}

export class ReportStatsQueryDto {
  @ApiPropertyOptional({ description: `Count reports that happened at or after this time; default ${REPORT_LIMITS.defaultStatsDays} days before until.` })
  @IsOptional()
  @IsIsoInstant()
  since?: string;

  @ApiPropertyOptional({ description: 'Count reports that happened before this time; default now.' })
  @IsOptional()
  @IsIsoInstant()
  until?: string;

  @ApiPropertyOptional({ enum: REPORT_STATS_GROUPINGS, default: 'category' })
  @IsOptional()
  @IsIn(REPORT_STATS_GROUPINGS, { message: `groupBy must be one of ${REPORT_STATS_GROUPINGS.join(', ')}` })
  groupBy?: ReportStatsGroupBy;

  @ApiPropertyOptional({ format: 'uuid', description: 'Extension: count only the reports about this site.' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string;
}
