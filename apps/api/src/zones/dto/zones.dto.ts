import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsIn, IsNumber, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { EXPORT_FORMATS, ZONE_LIMITS, ZONE_STATUSES } from '@samverkan/contracts';
import type { ExportFormat, Schedule, ZoneGeometry, ZoneTerms } from '@samverkan/contracts';
import { IsIsoInstant } from '../../common/instant.validators';
import { IsBbox, IsWordList, ToDecimal } from '../../common/query-param.validators';
import { IsCalendarDate, IsVersion } from '../../common/field.validators';
import { IsContractText, IsName, IsNotIdentifying } from '../../common/text.validators';

const GEOMETRY_DOC = {
  description:
    'GeoJSON Polygon or MultiPolygon, positions [longitude, latitude] (WGS 84). Rings closed, at least 4 positions, ' +
    `at most ${ZONE_LIMITS.maxPositions} positions in all, valid by OGC rules, at most 5 km², within 2 km of the site. ` +
    'Give exactly one of geometry and radiusMeters.',
  example: {
    type: 'Polygon',
    coordinates: [[[13.0, 55.6], [13.001, 55.6], [13.001, 55.601], [13.0, 55.601], [13.0, 55.6]]],
  },
};

const SCHEDULE_DOC = {
  nullable: true,
  description:
    'null: always. Otherwise { timezone (IANA, e.g. Europe/Stockholm), windows: [{ days: [1..7], from: "HH:MM", to: "HH:MM" }], ' +
    'exceptions?: [{ date, closed: true } | { date, windows: [{ from, to }] }] }; a window whose "to" is earlier than "from" runs past midnight.',
  example: { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] },
};

const NOTES_LIMITS = { min: 0, max: 4000 };
const REASON_LIMITS = { min: 1, max: 2000 };

export class CreateZoneDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId: string;

  @ApiProperty({ example: 'Zon kring sprututbytet' })
  @IsName()
  name: string;

  // Structure is checked by GeoShapesPipe with the shared validators (exact positions in the message).
  @ApiPropertyOptional(GEOMETRY_DOC)
  @Allow()
  geometry?: ZoneGeometry;

  @ApiPropertyOptional({ minimum: ZONE_LIMITS.minRadiusMeters, maximum: ZONE_LIMITS.maxRadiusMeters, description: 'A circle around the site, computed by PostGIS.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'radiusMeters must be a number of metres' })
  @Min(ZONE_LIMITS.minRadiusMeters, { message: `radiusMeters must be between ${ZONE_LIMITS.minRadiusMeters} and ${ZONE_LIMITS.maxRadiusMeters}` })
  @Max(ZONE_LIMITS.maxRadiusMeters, { message: `radiusMeters must be between ${ZONE_LIMITS.minRadiusMeters} and ${ZONE_LIMITS.maxRadiusMeters}` })
  radiusMeters?: number;

  @ApiPropertyOptional(SCHEDULE_DOC)
  @Allow()
  schedule?: Schedule | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-01-01T00:00:00+01:00' })
  @IsOptional()
  @IsIsoInstant()
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The zone is in force until, not including, this time.' })
  @IsOptional()
  @IsIsoInstant()
  validUntil?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: NOTES_LIMITS.max })
  @IsOptional()
  @IsContractText(NOTES_LIMITS)
  @IsNotIdentifying()
  notes?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-12-01', description: 'A date (YYYY-MM-DD) by which both sides look at the zone again; null for none. New zones default to a year ahead.' })
  @IsOptional()
  @IsCalendarDate('2027-12-01')
  reviewBy?: string | null;

  // Checked by the service (checkZoneTerms): known clause keys, a text of 0–2,000 characters that identifies no one.
  @ApiPropertyOptional({ description: '{ clauses: [key from GET /api/zones/clauses], text (0–2000 characters) }', example: { clauses: ['no_searches_for_equipment'], text: '' } })
  @Allow()
  terms?: ZoneTerms;

  @ApiPropertyOptional({
    description:
      "Extension: the proposer, a signatory, approves the new version for their side in the same transaction (one audit trail, no half state). A caller who may not approve is refused (403, field `approve`, reason `not_a_signatory`) and nothing is saved.",
  })
  @IsOptional()
  @IsBoolean({ message: 'approve must be true or false' })
  approve?: boolean;
}

export class UpdateZoneDto {
  @ApiProperty({ description: 'The version read; a stale one is refused with 409.' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @ValidateIf((body: UpdateZoneDto) => body.name !== undefined)
  @IsName()
  name?: string;

  @ApiPropertyOptional(GEOMETRY_DOC)
  @Allow()
  geometry?: ZoneGeometry;

  @ApiPropertyOptional({ minimum: ZONE_LIMITS.minRadiusMeters, maximum: ZONE_LIMITS.maxRadiusMeters })
  @ValidateIf((body: UpdateZoneDto) => body.radiusMeters !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'radiusMeters must be a number of metres' })
  @Min(ZONE_LIMITS.minRadiusMeters, { message: `radiusMeters must be between ${ZONE_LIMITS.minRadiusMeters} and ${ZONE_LIMITS.maxRadiusMeters}` })
  @Max(ZONE_LIMITS.maxRadiusMeters, { message: `radiusMeters must be between ${ZONE_LIMITS.minRadiusMeters} and ${ZONE_LIMITS.maxRadiusMeters}` })
  radiusMeters?: number;

  @ApiPropertyOptional(SCHEDULE_DOC)
  @Allow()
  schedule?: Schedule | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsIsoInstant()
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsIsoInstant()
  validUntil?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsContractText(NOTES_LIMITS)
  @IsNotIdentifying()
  notes?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-12-01', description: 'A date (YYYY-MM-DD) by which both sides look at the zone again; null for none. New zones default to a year ahead.' })
  @IsOptional()
  @IsCalendarDate('2027-12-01')
  reviewBy?: string | null;

  // Checked by the service (checkZoneTerms): known clause keys, a text of 0–2,000 characters that identifies no one.
  @ApiPropertyOptional({ description: '{ clauses: [key from GET /api/zones/clauses], text (0–2000 characters) }', example: { clauses: ['no_searches_for_equipment'], text: '' } })
  @Allow()
  terms?: ZoneTerms;

  @ApiPropertyOptional({
    description:
      "Extension: the proposer, a signatory, approves the new version for their side in the same transaction (one audit trail, no half state). A caller who may not approve is refused (403, field `approve`, reason `not_a_signatory`) and nothing is saved.",
  })
  @IsOptional()
  @IsBoolean({ message: 'approve must be true or false' })
  approve?: boolean;
}

export class ApproveZoneDto {
  @ApiProperty({ description: 'The version approved; it must be the current one (409 otherwise).' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional({ description: 'Extension: the version the signatory compared against (GET /api/zones/:id/diff?from=); recorded in the audit event. Default: the version in force, or the one before.' })
  @IsOptional()
  @IsVersion()
  diffFrom?: number;
}

export class ZoneReasonDto {
  @ApiProperty({ example: 'Ombyggnad av gatan' })
  @IsContractText(REASON_LIMITS)
  @IsNotIdentifying()
  reason: string;
}

export class SuspendZoneDto extends ZoneReasonDto {
  @ApiPropertyOptional({
    nullable: true,
    example: '2026-05-04T18:00:00+02:00',
    description: `Extension: the suspension ends by itself at this time (in the future, at most ${ZONE_LIMITS.maxSuspensionDays} days ahead) and the agreed version applies again. Without it, until both sides approve again.`,
  })
  @IsOptional()
  @IsIsoInstant()
  until?: string | null;
}

export class ZoneListQueryDto {
  @ApiPropertyOptional({ description: 'minLng,minLat,maxLng,maxLat' })
  @IsOptional()
  @IsBbox()
  bbox?: string;

  @ApiPropertyOptional({ description: 'When to compute inForce (ISO 8601 with offset); default now.' })
  @IsOptional()
  @IsIsoInstant()
  at?: string;

  @ApiPropertyOptional({ description: `One or more of ${ZONE_STATUSES.join(', ')}, comma-separated; withdrawn zones only when asked for.` })
  @IsOptional()
  @IsWordList(ZONE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Extension: only the zones of this site.' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string;

  @ApiPropertyOptional({ enum: ['true'], description: 'Only zones whose reviewBy (of the version in force) is within 30 days or past.' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'reviewDue must be true or false' })
  reviewDue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true'], description: 'Extension: only zones whose current version is proposed and still awaits the approval of the side the caller signs for.' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'awaitingMe must be true or false' })
  awaitingMe?: 'true' | 'false';
}

export class ZoneDiffQueryDto {
  @ApiPropertyOptional({ description: 'Version compared from; default the version in force, or the one before `to`.' })
  @IsOptional()
  @ToDecimal()
  @IsVersion()
  from?: number;

  @ApiPropertyOptional({ description: 'Version compared to; default the current version.' })
  @IsOptional()
  @ToDecimal()
  @IsVersion()
  to?: number;
}

export class ZoneAtQueryDto {
  @ApiPropertyOptional({ description: 'When to compute inForce (ISO 8601 with offset); default now.' })
  @IsOptional()
  @IsIsoInstant()
  at?: string;
}

// The messages never repeat the value: it is someone's position.
const LAT_RANGE = 'lat must be a number of degrees between -90 and 90';
const LNG_RANGE = 'lng must be a number of degrees between -180 and 180';
const RADIUS_RANGE = `radius must be a number of metres between 0 and ${ZONE_LIMITS.maxCheckRadiusMeters}`;

export class ZoneCheckQueryDto {
  @ApiProperty({ description: 'Latitude in degrees (WGS 84). Never stored or logged.' })
  @ToDecimal()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: LAT_RANGE })
  @Min(-90, { message: LAT_RANGE })
  @Max(90, { message: LAT_RANGE })
  lat: number;

  @ApiProperty({ description: 'Longitude in degrees (WGS 84). Never stored or logged.' })
  @ToDecimal()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: LNG_RANGE })
  @Min(-180, { message: LNG_RANGE })
  @Max(180, { message: LNG_RANGE })
  lng: number;

  @ApiPropertyOptional({ description: 'When to evaluate (ISO 8601 with offset); default now.' })
  @IsOptional()
  @IsIsoInstant()
  at?: string;

  @ApiPropertyOptional({ default: ZONE_LIMITS.defaultCheckRadiusMeters, minimum: 0, maximum: ZONE_LIMITS.maxCheckRadiusMeters })
  @IsOptional()
  @ToDecimal()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: RADIUS_RANGE })
  @Min(0, { message: RADIUS_RANGE })
  @Max(ZONE_LIMITS.maxCheckRadiusMeters, { message: RADIUS_RANGE })
  radius?: number;
}

export class ZoneExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'geojson' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @ApiPropertyOptional({ description: 'Export the zones in force at this time (ISO 8601 with offset); default now.' })
  @IsOptional()
  @IsIsoInstant()
  at?: string;
}
