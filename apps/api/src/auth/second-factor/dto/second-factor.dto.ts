import { ApiProperty } from '@nestjs/swagger';
import type { PasskeyAssertion } from '@samverkan/contracts';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

function IsCode(): PropertyDecorator {
  return (target, key) => {
    IsString({ message: `${String(key)} must be a string` })(target, key);
    MinLength(1, { message: `${String(key)} is required` })(target, key);
    // A TOTP code is 6 digits, a recovery code 11 characters; room for spaces typed around them.
    MaxLength(32)(target, key);
  };
}

export class TotpConfirmDto {
  @ApiProperty({ example: '123456' })
  @IsCode()
  code: string;
}

export class MfaLoginDto {
  @ApiProperty()
  @IsString({ message: 'mfaToken must be a string' })
  @MinLength(1, { message: 'mfaToken is required' })
  @MaxLength(200)
  mfaToken: string;

  @ApiProperty({ description: 'A current TOTP code or an unused recovery code', example: '123456' })
  @IsCode()
  code: string;
}

/** The password and a second factor: a code, or (extension) a passkey's answer instead. */
export class DisableMfaDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword must be a string' })
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ description: 'A current TOTP code or an unused recovery code; or give `passkey`', required: false })
  @IsOptional()
  @IsCode()
  code?: string;

  @ApiProperty({
    description: 'Extension: a passkey\'s answer (WebAuthn assertion as JSON) to POST /api/auth/mfa/passkeys/confirm-options',
    required: false,
    type: Object,
  })
  @IsOptional()
  @IsObject({ message: 'passkey must be an object' })
  passkey?: PasskeyAssertion;
}
