import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { ACTION_STATUSES, MEETING_LIMITS, MINUTES_FORMATS, MINUTES_LANGUAGES } from '@samverkan/contracts';
import type {
  ActionStatus,
  CreateActionRequest,
  CreateAgendaItemRequest,
  CreateDecisionRequest,
  CreateMeetingRequest,
  MinutesFormat,
  MinutesLanguage,
  UpdateActionRequest,
  UpdateAgendaItemRequest,
  UpdateDecisionRequest,
  UpdateMeetingRequest,
} from '@samverkan/contracts';
import { IsIsoInstant } from '../../common/instant.validators';
import { ToDecimal } from '../../common/query-param.validators';
import { IsContractText, IsName, IsNotIdentifying } from '../../common/text.validators';
import { IsCalendarDate, IsVersion } from '../../common/field.validators';

/** Optional, but when present not null: `null` is refused instead of being read as "absent". */
const Present = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

const IsId = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

const ORGANISATIONS_DOC =
  'The participating organisations (1–50, no repeats): their members see the meeting and its channel. A signatory ' +
  'who is not a coordinator must include their own organisation.';
const SERIES_DOC =
  'Extension: the series for "since last meeting" (1–200 characters, compared exactly). Without one, the meeting ' +
  'forms a series with the meetings that have exactly the same organisations and no series.';
const PLACE_DOC = 'Where, or a link to the video call (1–500 characters); null for none yet.';

export class CreateMeetingDto implements CreateMeetingRequest {
  @ApiProperty({ example: 'Samverkansmöte city, december' })
  @IsName()
  @IsNotIdentifying()
  title: string;

  @ApiProperty({ example: '2026-12-03T13:00:00+01:00' })
  @IsIsoInstant()
  startsAt: string;

  @ApiPropertyOptional({ description: PLACE_DOC, nullable: true, example: 'Polishuset, sal 3' })
  @IsOptional()
  @IsContractText({ min: 1, max: MEETING_LIMITS.maxPlace })
  @IsNotIdentifying()
  place?: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: ORGANISATIONS_DOC })
  @IsArray({ message: 'organisationIds must be a list of organisation ids' })
  @ArrayMinSize(1, { message: 'organisationIds must name at least one organisation' })
  @ArrayMaxSize(MEETING_LIMITS.maxOrganisations, {
    message: `organisationIds may name at most ${MEETING_LIMITS.maxOrganisations} organisations`,
  })
  @ArrayUnique(undefined, { message: 'organisationIds must not name an organisation twice' })
  @IsUUID('all', { each: true, message: 'organisationIds must hold UUIDs' })
  organisationIds: string[];

  @ApiPropertyOptional({ description: SERIES_DOC, nullable: true, example: 'Samverkan city' })
  @IsOptional()
  @IsName()
  @IsNotIdentifying()
  series?: string | null;
}

export class UpdateMeetingDto implements UpdateMeetingRequest {
  @ApiPropertyOptional({ description: 'Extension: the version read; a stale one is refused with 409.' })
  @Present()
  @IsVersion()
  version?: number;

  @ApiPropertyOptional()
  @Present()
  @IsName()
  @IsNotIdentifying()
  title?: string;

  @ApiPropertyOptional({ example: '2026-12-03T13:00:00+01:00' })
  @Present()
  @IsIsoInstant()
  startsAt?: string;

  @ApiPropertyOptional({ description: PLACE_DOC, nullable: true })
  @IsOptional()
  @IsContractText({ min: 1, max: MEETING_LIMITS.maxPlace })
  @IsNotIdentifying()
  place?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: `${ORGANISATIONS_DOC} The meeting channel follows.`,
  })
  @Present()
  @IsArray({ message: 'organisationIds must be a list of organisation ids' })
  @ArrayMinSize(1, { message: 'organisationIds must name at least one organisation' })
  @ArrayMaxSize(MEETING_LIMITS.maxOrganisations, {
    message: `organisationIds may name at most ${MEETING_LIMITS.maxOrganisations} organisations`,
  })
  @ArrayUnique(undefined, { message: 'organisationIds must not name an organisation twice' })
  @IsUUID('all', { each: true, message: 'organisationIds must hold UUIDs' })
  organisationIds?: string[];

  @ApiPropertyOptional({ description: SERIES_DOC, nullable: true })
  @IsOptional()
  @IsName()
  @IsNotIdentifying()
  series?: string | null;
}

export class MeetingListQueryDto {
  @ApiPropertyOptional({ description: 'Meetings starting at or after this time (ISO 8601 with offset).' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Meetings starting before this time (ISO 8601 with offset).' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'Extension: only the meetings of this series name.' })
  @IsOptional()
  @IsName()
  series?: string;

  @ApiPropertyOptional({
    default: MEETING_LIMITS.defaultListLimit,
    maximum: MEETING_LIMITS.maxListLimit,
    description: 'Extension: at most this many, earliest first.',
  })
  @IsOptional()
  @ToDecimal()
  @IsInt({ message: `limit must be a whole number between 1 and ${MEETING_LIMITS.maxListLimit}` })
  @Min(1, { message: `limit must be a whole number between 1 and ${MEETING_LIMITS.maxListLimit}` })
  @Max(MEETING_LIMITS.maxListLimit, {
    message: `limit must be a whole number between 1 and ${MEETING_LIMITS.maxListLimit}`,
  })
  limit?: number;
}

const ITEM_LINK_DOC =
  'Optional links for the map: a zone brings its site; a report brings its site and zone unless given.';

export class CreateAgendaItemDto implements CreateAgendaItemRequest {
  @ApiProperty({ example: 'Zonen vid Möllevångstorget' })
  @IsName()
  @IsNotIdentifying()
  title: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: ITEM_LINK_DOC })
  @IsOptional()
  @IsId('siteId')
  siteId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsId('zoneId')
  zoneId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'A field report the caller can see; it becomes `discussed` when the minutes are exported.',
  })
  @IsOptional()
  @IsId('reportId')
  reportId?: string | null;

  @ApiPropertyOptional({
    description: 'Extension: where to insert it (1 = first); default last.',
    minimum: 1,
  })
  @Present()
  @IsInt({ message: 'position must be a whole number' })
  @Min(1, { message: 'position must be 1 or more' })
  position?: number;

  @ApiPropertyOptional({
    description: `Extension: minutes to start with (at most ${MEETING_LIMITS.maxMinutes} characters).`,
  })
  @Present()
  @IsContractText({ min: 0, max: MEETING_LIMITS.maxMinutes })
  @IsNotIdentifying()
  minutes?: string;
}

export class UpdateAgendaItemDto implements UpdateAgendaItemRequest {
  @ApiProperty({
    description:
      "The item's version read; a stale one is refused with 409, whose body holds the item as it is now (`current`).",
  })
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @Present()
  @IsName()
  @IsNotIdentifying()
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: ITEM_LINK_DOC })
  @IsOptional()
  @IsId('siteId')
  siteId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsId('zoneId')
  zoneId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsId('reportId')
  reportId?: string | null;

  @ApiPropertyOptional({
    description: `The minutes (the whole text, at most ${MEETING_LIMITS.maxMinutes} characters). Anyone who sees the meeting may write them.`,
  })
  @Present()
  @IsContractText({ min: 0, max: MEETING_LIMITS.maxMinutes })
  @IsNotIdentifying()
  minutes?: string;

  @ApiPropertyOptional({
    description: 'Moves the item to this position (1 = first); the items between shift by one.',
    minimum: 1,
  })
  @Present()
  @IsInt({ message: 'position must be a whole number' })
  @Min(1, { message: 'position must be 1 or more' })
  position?: number;
}

export class CreateDecisionDto implements CreateDecisionRequest {
  @ApiProperty({ example: 'Zon X version 3 är överenskommen.' })
  @IsContractText({ min: 1, max: MEETING_LIMITS.maxDecision })
  @IsNotIdentifying()
  text: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsId('agendaItemId')
  agendaItemId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The zone the decision is about.' })
  @IsOptional()
  @IsId('zoneId')
  zoneId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "Extension: the zone's version decided on; default its current version.",
  })
  @IsOptional()
  @IsInt({ message: 'zoneVersion must be a whole number' })
  @Min(1, { message: 'zoneVersion must be 1 or more' })
  zoneVersion?: number | null;
}

export class UpdateDecisionDto implements UpdateDecisionRequest {
  @ApiPropertyOptional()
  @Present()
  @IsContractText({ min: 1, max: MEETING_LIMITS.maxDecision })
  @IsNotIdentifying()
  text?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsId('agendaItemId')
  agendaItemId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsId('zoneId')
  zoneId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'zoneVersion must be a whole number' })
  @Min(1, { message: 'zoneVersion must be 1 or more' })
  zoneVersion?: number | null;
}

const OWNER_DOC =
  'The user who carries the action out: an active member of a participating organisation, or a coordinator.';

export class CreateActionDto implements CreateActionRequest {
  @ApiProperty({ example: 'Ta fram karta över nya öppettider' })
  @IsContractText({ min: 1, max: MEETING_LIMITS.maxActionTitle })
  @IsNotIdentifying()
  title: string;

  @ApiProperty({ format: 'uuid', description: OWNER_DOC })
  @IsId('ownerId')
  ownerId: string;

  @ApiProperty({
    example: '2026-12-15',
    description: 'The last day (YYYY-MM-DD); overdue from the next day in Europe/Stockholm.',
  })
  @IsCalendarDate('2026-12-15')
  dueDate: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES, default: 'open' })
  @Present()
  @IsIn(ACTION_STATUSES, { message: `status must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Extension: the agenda item the action arose from.',
  })
  @IsOptional()
  @IsId('agendaItemId')
  agendaItemId?: string | null;
}

export class UpdateActionDto implements UpdateActionRequest {
  @ApiPropertyOptional({ description: 'Extension: the version read; a stale one is refused with 409.' })
  @Present()
  @IsVersion()
  version?: number;

  @ApiPropertyOptional()
  @Present()
  @IsContractText({ min: 1, max: MEETING_LIMITS.maxActionTitle })
  @IsNotIdentifying()
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: OWNER_DOC })
  @Present()
  @IsId('ownerId')
  ownerId?: string;

  @ApiPropertyOptional({ example: '2026-12-15' })
  @Present()
  @IsCalendarDate('2026-12-15')
  dueDate?: string;

  @ApiPropertyOptional({
    enum: ACTION_STATUSES,
    description: 'The owner may change this (only this); organisers change everything.',
  })
  @Present()
  @IsIn(ACTION_STATUSES, { message: `status must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsId('agendaItemId')
  agendaItemId?: string | null;
}

export class ActionListQueryDto {
  @ApiPropertyOptional({
    description:
      "`me` (default), or a user id: coordinators and admins read anyone's actions, others only their own.",
    default: 'me',
  })
  @IsOptional()
  @ValidateIf((_object: object, value: unknown) => value !== 'me')
  @IsUUID('all', { message: 'owner must be "me" or a user id' })
  owner?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES, description: 'Extension: only open or only done actions.' })
  @IsOptional()
  @IsIn(ACTION_STATUSES, { message: `status must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Extension: only the actions of this meeting.' })
  @IsOptional()
  @IsId('meetingId')
  meetingId?: string;
}

export class MinutesQueryDto {
  @ApiPropertyOptional({ enum: MINUTES_FORMATS, default: 'md' })
  @IsOptional()
  @IsIn(MINUTES_FORMATS, { message: `format must be one of ${MINUTES_FORMATS.join(', ')}` })
  format?: MinutesFormat;

  @ApiPropertyOptional({
    enum: MINUTES_LANGUAGES,
    default: 'sv',
    description: "Extension: the language of the headings (the meeting's own text is never translated).",
  })
  @IsOptional()
  @IsIn(MINUTES_LANGUAGES, { message: `lang must be one of ${MINUTES_LANGUAGES.join(', ')}` })
  lang?: MinutesLanguage;
}
