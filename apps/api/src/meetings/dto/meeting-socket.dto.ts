import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNumber,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { MEETING_LIMITS } from '@samverkan/contracts';
import type {
  MapBounds,
  MapCenter,
  MeetingItemPayload,
  MeetingJoinPayload,
  MeetingPresentPayload,
  MeetingViewPayload,
} from '@samverkan/contracts';

// Socket.IO payloads of the meeting events, validated by the same pipe as HTTP bodies.

const IsId = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });
const FINITE = { allowNaN: false, allowInfinity: false };
const ZOOM_RANGE = `zoom must be within [${MEETING_LIMITS.minZoom}, ${MEETING_LIMITS.maxZoom}]`;

// class-validator reports a property's constraints bottom-up: the type check is written last, so that a string
// where a number belongs is called that, not "out of range".

export class MeetingRefDto implements MeetingJoinPayload {
  @IsId('meetingId')
  meetingId: string;
}

export class MapCenterDto implements MapCenter {
  @Min(-90, { message: 'lat must be within [-90, 90]' })
  @Max(90, { message: 'lat must be within [-90, 90]' })
  @IsNumber(FINITE, { message: 'lat must be a number' })
  lat: number;

  @Min(-180, { message: 'lng must be within [-180, 180]' })
  @Max(180, { message: 'lng must be within [-180, 180]' })
  @IsNumber(FINITE, { message: 'lng must be a number' })
  lng: number;
}

/** This number is not below the object's `other` one (checked once both are numbers; else their types are refused). */
function NotBelow(other: string, message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notBelow',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const bound = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof bound !== 'number' || value >= bound;
        },
      },
    });
}

export class MapBoundsDto implements MapBounds {
  @Min(-90, { message: 'south must be within [-90, 90]' })
  @Max(90, { message: 'south must be within [-90, 90]' })
  @IsNumber(FINITE, { message: 'south must be a number' })
  south: number;

  @Min(-180, { message: 'west must be within [-180, 180]' })
  @Max(180, { message: 'west must be within [-180, 180]' })
  @IsNumber(FINITE, { message: 'west must be a number' })
  west: number;

  @NotBelow('south', 'north must not be below south')
  @Min(-90, { message: 'north must be within [-90, 90]' })
  @Max(90, { message: 'north must be within [-90, 90]' })
  @IsNumber(FINITE, { message: 'north must be a number' })
  north: number;

  // A view across the antimeridian is not shared: the meetings' maps are in Sweden.
  @NotBelow('west', 'east must not lie west of west')
  @Min(-180, { message: 'east must be within [-180, 180]' })
  @Max(180, { message: 'east must be within [-180, 180]' })
  @IsNumber(FINITE, { message: 'east must be a number' })
  east: number;
}

/**
 * The view's bounds hold its centre (a little slack for rounding). Checked only when the bounds and the centre
 * are right by themselves; otherwise their own errors say what is wrong.
 */
function BoundsHoldCenter(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'boundsHoldCenter',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'bounds must contain center' },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const center = (args.object as { center?: Partial<MapCenter> }).center;
          if (
            !(value instanceof MapBoundsDto) ||
            typeof center?.lat !== 'number' ||
            typeof center.lng !== 'number'
          )
            return true;
          const { south, west, north, east } = value;
          if (![south, west, north, east].every(Number.isFinite) || south > north || west > east) return true;
          const slack = 1e-6;
          return (
            center.lat >= south - slack &&
            center.lat <= north + slack &&
            center.lng >= west - slack &&
            center.lng <= east + slack
          );
        },
      },
    });
}

export class MeetingViewDto implements MeetingViewPayload {
  @IsId('meetingId')
  meetingId: string;

  @ValidateNested()
  @Type(() => MapCenterDto)
  @IsObject({ message: 'center must be an object { lat, lng }' })
  @IsDefined({ message: 'center is required: { lat, lng }' })
  center: MapCenterDto;

  @Min(MEETING_LIMITS.minZoom, { message: ZOOM_RANGE })
  @Max(MEETING_LIMITS.maxZoom, { message: ZOOM_RANGE })
  @IsNumber(FINITE, { message: 'zoom must be a number' })
  zoom: number;

  /** Extension: what the presenter's map shows; older clients send only centre and zoom. */
  @IsOptional()
  @BoundsHoldCenter()
  @ValidateNested()
  @Type(() => MapBoundsDto)
  @IsObject({ message: 'bounds must be an object { south, west, north, east }' })
  bounds?: MapBoundsDto;
}

export class MeetingItemDto implements MeetingItemPayload {
  @IsId('meetingId')
  meetingId: string;

  /** null: no item (the presenter is between items). */
  @IsDefined({ message: 'itemId is required (an agenda item id, or null)' })
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsId('itemId')
  itemId: string | null;
}

export class MeetingPresentDto implements MeetingPresentPayload {
  @IsId('meetingId')
  meetingId: string;

  /** Absent: take the role; a user id: hand it to them; null: nobody presents any more. */
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @IsId('userId')
  userId?: string | null;
}
