import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ESCALATION_LIMITS, ESCALATION_TARGET_KINDS, ROLES } from '@samverkan/contracts';
import type {
  ChannelPatch,
  EscalationPolicyInput,
  EscalationPolicyPatch,
  EscalationTargetKind,
  Role,
} from '@samverkan/contracts';
import { IsVersion } from '../../common/field.validators';
import { IsName } from '../../common/text.validators';

const L = ESCALATION_LIMITS;
const IsId = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

/** A target: which fields it takes depends on `kind` (the service refuses the ones that do not belong). */
export class EscalationTargetDto {
  @ApiProperty({ enum: ESCALATION_TARGET_KINDS })
  @IsIn(ESCALATION_TARGET_KINDS, { message: `kind must be one of ${ESCALATION_TARGET_KINDS.join(', ')}` })
  kind: EscalationTargetKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind user' })
  @ValidateIf((dto: EscalationTargetDto) => dto.kind === 'user' || dto.userId !== undefined)
  @IsId('userId')
  userId?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'kind role' })
  @ValidateIf((dto: EscalationTargetDto) => dto.kind === 'role' || dto.role !== undefined)
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind signatories (required), kind role (optional)' })
  @ValidateIf((dto: EscalationTargetDto) => dto.kind === 'signatories' || dto.organisationId !== undefined)
  @IsId('organisationId')
  organisationId?: string;
}

export class EscalationStepDto {
  @ApiProperty({ minimum: L.minDelaySeconds, maximum: L.maxDelaySeconds })
  @IsInt({ message: 'delaySeconds must be a whole number' })
  @Min(L.minDelaySeconds, { message: `delaySeconds must be at least ${L.minDelaySeconds}` })
  @Max(L.maxDelaySeconds, { message: `delaySeconds must be at most ${L.maxDelaySeconds} (a day)` })
  delaySeconds: number;

  @ApiProperty({ type: [EscalationTargetDto] })
  @IsArray({ message: 'targets must be a list' })
  @ArrayMinSize(1, { message: 'targets must name at least one target' })
  @ArrayMaxSize(L.maxTargets, { message: `targets must name at most ${L.maxTargets}` })
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each target must be an object { kind, … }' })
  @Type(() => EscalationTargetDto)
  targets: EscalationTargetDto[];
}

const IsSteps = (): PropertyDecorator => (target, key) => {
  IsArray({ message: 'steps must be a list' })(target, key);
  ArrayMinSize(L.minSteps, { message: 'steps must hold at least one step' })(target, key);
  ArrayMaxSize(L.maxSteps, { message: `steps must hold at most ${L.maxSteps}` })(target, key);
  ValidateNested({ each: true })(target, key);
  IsObject({ each: true, message: 'each step must be an object { delaySeconds, targets }' })(target, key);
  Type(() => EscalationStepDto)(target, key);
};

const IsRepeat = (): PropertyDecorator => (target, key) => {
  IsInt({ message: 'repeat must be a whole number' })(target, key);
  Min(L.minRepeat, { message: `repeat must be ${L.minRepeat} or more` })(target, key);
  Max(L.maxRepeat, { message: `repeat must be at most ${L.maxRepeat}` })(target, key);
};

export class CreateEscalationPolicyDto implements Omit<EscalationPolicyInput, 'steps'> {
  @ApiProperty()
  @IsName()
  name: string;

  @ApiProperty({ type: [EscalationStepDto] })
  @IsDefined({ message: 'steps is required' })
  @IsSteps()
  steps: EscalationStepDto[];

  @ApiProperty({ minimum: L.minRepeat, maximum: L.maxRepeat })
  @IsRepeat()
  repeat: number;
}

export class UpdateEscalationPolicyDto implements Omit<EscalationPolicyPatch, 'steps'> {
  @ApiPropertyOptional()
  @IsOptional()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ type: [EscalationStepDto] })
  @IsOptional()
  @IsSteps()
  steps?: EscalationStepDto[];

  @ApiPropertyOptional({ minimum: L.minRepeat, maximum: L.maxRepeat })
  @IsOptional()
  @IsRepeat()
  repeat?: number;

  @ApiProperty({ description: 'The version the change is based on (409 when it is not the current one)' })
  @IsDefined({ message: 'version is required' })
  @IsVersion()
  version: number;
}

export class UpdateChannelDto implements ChannelPatch {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    description: 'The policy urgent messages follow; null for none',
  })
  @IsDefined({ message: 'escalationPolicyId is required (a policy id, or null)' })
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsId('escalationPolicyId')
  escalationPolicyId: string | null;
}
