import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { MESSAGE_LIMITS, MESSAGE_PRIORITIES } from '@samverkan/contracts';
import type {
  AlertAckPayload,
  ChannelJoinPayload,
  ChannelLeavePayload,
  MessagePriority,
  MessageReadPayload,
  MessageSendPayload,
  TypingPayload,
} from '@samverkan/contracts';
import { IsContractText, IsName, IsNotIdentifying } from '../../common/text.validators';

/** seq is a PostgreSQL integer. */
const MAX_SEQ = 2_147_483_647;

const IsSeq = (field: string) => [
  IsInt({ message: `${field} must be a whole number` }),
  Min(0, { message: `${field} must be 0 or more` }),
  Max(MAX_SEQ, { message: `${field} must be at most ${MAX_SEQ}` }),
];

function apply(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

const IsId = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

// HTTP

export const CREATABLE_CHANNEL_KINDS = ['direct', 'meeting'] as const;

export class CreateChannelDto {
  @ApiProperty({ enum: CREATABLE_CHANNEL_KINDS })
  @IsIn(CREATABLE_CHANNEL_KINDS, { message: `kind must be one of ${CREATABLE_CHANNEL_KINDS.join(', ')}` })
  kind: (typeof CREATABLE_CHANNEL_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'kind direct: the other person' })
  @ValidateIf((dto: CreateChannelDto) => dto.kind === 'direct' || dto.userId !== undefined)
  @IsId('userId')
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind meeting: the meeting' })
  @ValidateIf((dto: CreateChannelDto) => dto.kind === 'meeting' || dto.refId !== undefined)
  @IsId('refId')
  refId?: string;

  @ApiPropertyOptional({
    description: 'Extension, kind meeting: the name shown until the meeting gives it its title',
  })
  @IsOptional()
  @IsName()
  name?: string;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'The last `limit` messages before this seq' })
  @IsOptional()
  @Type(() => Number)
  @apply(...IsSeq('beforeSeq'))
  beforeSeq?: number;

  @ApiPropertyOptional({ description: 'The first `limit` messages after this seq' })
  @IsOptional()
  @Type(() => Number)
  @apply(...IsSeq('afterSeq'))
  afterSeq?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MESSAGE_LIMITS.maxHistoryPage,
    default: MESSAGE_LIMITS.defaultHistoryPage,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be 1 or more' })
  @Max(MESSAGE_LIMITS.maxHistoryPage, { message: `limit must be at most ${MESSAGE_LIMITS.maxHistoryPage}` })
  limit?: number;
}

// Socket.IO payloads (validated by the same pipe as HTTP bodies)

export class ChannelJoinDto implements ChannelJoinPayload {
  @IsId('channelId')
  channelId: string;

  @IsOptional()
  @apply(...IsSeq('sinceSeq'))
  sinceSeq?: number;
}

export class ChannelRefDto implements ChannelLeavePayload, TypingPayload {
  @IsId('channelId')
  channelId: string;
}

export class MessageSendDto implements MessageSendPayload {
  @IsId('channelId')
  channelId: string;

  @IsId('clientId')
  clientId: string;

  @IsContractText({ min: MESSAGE_LIMITS.minBody, max: MESSAGE_LIMITS.maxBody })
  @IsNotIdentifying('chat')
  body: string;

  @IsOptional()
  @IsIn(MESSAGE_PRIORITIES, { message: `priority must be one of ${MESSAGE_PRIORITIES.join(', ')}` })
  priority?: MessagePriority;
}

export class MessageReadDto implements MessageReadPayload {
  @IsId('channelId')
  channelId: string;

  @apply(...IsSeq('seq'))
  seq: number;
}

export class AlertAckDto implements AlertAckPayload {
  @IsId('messageId')
  messageId: string;
}
