import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

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

export class DisableMfaDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword must be a string' })
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ description: 'A current TOTP code or an unused recovery code' })
  @IsCode()
  code: string;
}
