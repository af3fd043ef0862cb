import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsDefined, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { EXPORT_FORMATS, SITE_TEXT_LIMITS, SITE_TYPES } from '@samverkan/contracts';
import type { ExportFormat, Point, Schedule, SiteType } from '@samverkan/contracts';
import { validatePoint, validateSchedule } from '@samverkan/geo';
import { PHONE_NUMBER_LIMITS } from '@samverkan/text';
import { GeoShapesPipe } from '../../common/geo-input';
import { IsIsoInstant } from '../../common/instant.validators';
import { IsBbox, IsWordList } from '../../common/query-param.validators';
import { IsPhoneNumber, IsVersion } from '../../common/field.validators';
import { IsContractText, IsName, IsNotIdentifying } from '../../common/text.validators';

const TYPE_MESSAGE = `type must be one of ${SITE_TYPES.join(', ')}`;
const LOCATION_DOC = { description: 'GeoJSON Point, [longitude, latitude] (WGS 84).', example: { type: 'Point', coordinates: [13.0069, 55.5894] } };

const OPENING_SCHEDULE_DOC = {
  nullable: true,
  description:
    'Extension: the opening hours as a schedule, in the zones\' format: { timezone (IANA, e.g. Europe/Stockholm), ' +
    'windows: [{ days: [1..7], from: "HH:MM", to: "HH:MM" }], exceptions?: [{ date, closed: true } | { date, windows: [{ from, to }] }] }; ' +
    'a window whose "to" is earlier than "from" runs past midnight. null: no schedule, and then openNow is null (not "always open").',
  example: {
    timezone: 'Europe/Stockholm',
    windows: [
      { days: [1, 2, 3, 4, 5], from: '10:00', to: '18:00' },
      { days: [6], from: '12:00', to: '16:00' },
    ],
  },
};

const AT_DOC = { description: 'Extension: when to compute openNow, closesAt and nextOpenAt (ISO 8601 with offset); default now.' };

/** The shared structure checks (also run by the web app) for a site's location and opening schedule. */
export const siteShapesPipe = () => new GeoShapesPipe({ location: validatePoint, openingSchedule: validateSchedule });

export class CreateSiteDto {
  @ApiProperty({ example: 'Sprututbytet Södervärn' })
  @IsName()
  name: string;

  @ApiProperty({ enum: SITE_TYPES })
  @IsIn(SITE_TYPES, { message: TYPE_MESSAGE })
  type: SiteType;

  // Structure is checked by the shapes pipe with @samverkan/geo's validatePoint.
  @ApiProperty(LOCATION_DOC)
  @IsDefined({ message: 'location is required (a GeoJSON Point)' })
  location: Point;

  @ApiPropertyOptional({ nullable: true, maxLength: SITE_TEXT_LIMITS.address.max })
  @IsOptional()
  @IsContractText(SITE_TEXT_LIMITS.address)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: SITE_TEXT_LIMITS.openingHours.max, example: 'Mån–fre 09–16' })
  @IsOptional()
  @IsContractText(SITE_TEXT_LIMITS.openingHours)
  openingHours?: string | null;

  // Structure is checked by the shapes pipe with @samverkan/geo's validateSchedule.
  @ApiPropertyOptional(OPENING_SCHEDULE_DOC)
  @Allow()
  openingSchedule?: Schedule | null;

  @ApiPropertyOptional({ nullable: true, maxLength: SITE_TEXT_LIMITS.description.max })
  @IsOptional()
  @IsContractText(SITE_TEXT_LIMITS.description)
  @IsNotIdentifying()
  description?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: PHONE_NUMBER_LIMITS.maxLength,
    example: '040-628 04 42',
    description:
      'Extension: the site\'s public phone number (the organisation\'s), shown as a tel: link. Digits in groups ' +
      'separated by one space or hyphen, optionally "+" and a country code first, 3–15 digits. null removes it.',
  })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Extension: the service organisation running the site. Required for coordinators and administrators; service staff create sites for their own.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
}

export class UpdateSiteDto {
  @ApiProperty({ description: 'The version read; a stale one is refused with 409.' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @ValidateIf((body: UpdateSiteDto) => body.name !== undefined)
  @IsName()
  name?: string;

  @ApiPropertyOptional({ enum: SITE_TYPES })
  @ValidateIf((body: UpdateSiteDto) => body.type !== undefined)
  @IsIn(SITE_TYPES, { message: TYPE_MESSAGE })
  type?: SiteType;

  @ApiPropertyOptional(LOCATION_DOC)
  @Allow()
  location?: Point;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsContractText(SITE_TEXT_LIMITS.address)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsContractText(SITE_TEXT_LIMITS.openingHours)
  openingHours?: string | null;

  // Structure is checked by the shapes pipe with @samverkan/geo's validateSchedule.
  @ApiPropertyOptional(OPENING_SCHEDULE_DOC)
  @Allow()
  openingSchedule?: Schedule | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsContractText(SITE_TEXT_LIMITS.description)
  @IsNotIdentifying()
  description?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: PHONE_NUMBER_LIMITS.maxLength,
    example: '040-628 04 42',
    description:
      'Extension: the site\'s public phone number (the organisation\'s), shown as a tel: link. Digits in groups ' +
      'separated by one space or hyphen, optionally "+" and a country code first, 3–15 digits. null removes it.',
  })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Extension: hand the site to another service organisation (coordinators and administrators).' })
  @ValidateIf((body: UpdateSiteDto) => body.organisationId !== undefined)
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
}

export class SiteListQueryDto {
  @ApiPropertyOptional({ description: 'minLng,minLat,maxLng,maxLat' })
  @IsOptional()
  @IsBbox()
  bbox?: string;

  @ApiPropertyOptional({ description: `One or more of ${SITE_TYPES.join(', ')}, comma-separated.` })
  @IsOptional()
  @IsWordList(SITE_TYPES)
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Extension: only the sites of this organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional(AT_DOC)
  @IsOptional()
  @IsIsoInstant()
  at?: string;
}

export class SiteAtQueryDto {
  @ApiPropertyOptional(AT_DOC)
  @IsOptional()
  @IsIsoInstant()
  at?: string;
}

export class SiteExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'geojson' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}
