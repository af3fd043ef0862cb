import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNumber, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PUSH_LIMITS } from '@samverkan/contracts';
import type { PushSubscriptionRequest, PushUnsubscribeRequest } from '@samverkan/contracts';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

const IsEndpoint = () => (target: object, key: string | symbol) => {
  IsDefined({ message: 'endpoint is required' })(target, key);
  IsString({ message: 'endpoint must be a string' })(target, key);
  MaxLength(PUSH_LIMITS.maxEndpointLength, { message: `endpoint must be at most ${PUSH_LIMITS.maxEndpointLength} characters` })(target, key);
};

const IsKey = (field: string) => (target: object, key: string | symbol) => {
  IsDefined({ message: `${field} is required` })(target, key);
  IsString({ message: `${field} must be a string` })(target, key);
  MaxLength(PUSH_LIMITS.maxKeyLength, { message: `${field} must be at most ${PUSH_LIMITS.maxKeyLength} characters` })(target, key);
  Matches(BASE64URL, { message: `${field} must be URL-safe base64`, context: { reason: 'invalid_push_key' } })(target, key);
};

export class PushKeysDto {
  @ApiProperty({ description: "The browser's P-256 public key, URL-safe base64 (65 bytes)" })
  @IsKey('p256dh')
  p256dh: string;

  @ApiProperty({ description: 'The authentication secret, URL-safe base64 (16 bytes)' })
  @IsKey('auth')
  auth: string;
}

/** `PushSubscription.toJSON()` as the browser gives it; `expirationTime` is taken and ignored. */
export class PushSubscriptionDto implements PushSubscriptionRequest {
  @ApiProperty({ description: "The push service's URL for this browser (https only)", maxLength: PUSH_LIMITS.maxEndpointLength })
  @IsEndpoint()
  endpoint: string;

  @ApiProperty({ type: PushKeysDto })
  @IsDefined({ message: 'keys is required' })
  @IsObject({ message: 'keys must be an object' })
  @ValidateNested()
  @Type(() => PushKeysDto)
  keys: PushKeysDto;

  @ApiPropertyOptional({ description: 'Ignored: what PushSubscription.toJSON() holds besides endpoint and keys', nullable: true })
  @IsOptional()
  @IsNumber({}, { message: 'expirationTime must be a number or null' })
  expirationTime?: number | null;
}

export class PushUnsubscribeDto implements PushUnsubscribeRequest {
  @ApiProperty({ maxLength: PUSH_LIMITS.maxEndpointLength })
  @IsEndpoint()
  endpoint: string;
}
