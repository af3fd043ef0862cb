import { Type } from 'class-transformer';
import { IsDefined, IsNumber, IsObject, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MEETING_LIMITS } from '@samverkan/contracts';
import type {
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
