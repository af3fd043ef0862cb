import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH, ORGANISATION_KINDS, ROLES } from '@samverkan/contracts';
import type { OrganisationKind, Role } from '@samverkan/contracts';
import { IsName } from '../../common/text.validators';
import { IsPassword } from './password.validator';

export { IsPassword };

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Polisområde Malmö' })
  @IsName()
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind: OrganisationKind;
}

export class CreateUserDto {
  @ApiProperty({ example: 'anna@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Anna Andersson' })
  @IsName()
  displayName: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsPassword()
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'canSign must be true or false' })
  canSign?: boolean;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsName()
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'canSign must be true or false' })
  canSign?: boolean;

  @ApiPropertyOptional({ description: 'A disabled user cannot sign in; their tokens and sockets stop at once.' })
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'Sets a new password; the user is signed out everywhere.' })
  @IsOptional()
  @IsPassword()
  password?: string;
}
