import { ApiProperty } from '@nestjs/swagger';
import type { PasskeyAssertion, PasskeyRegistration } from '@samverkan/contracts';
import { IsObject, IsString, MaxLength, MinLength } from 'class-validator';
import { DisableMfaDto } from './second-factor.dto';

// The browser's answers are checked by @simplewebauthn/server, field by field; here only that they are objects.

export class AddPasskeyDto {
  @ApiProperty({ description: 'What the user calls it, e.g. "Work laptop"', example: 'Work laptop' })
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(60)
  name: string;

  @ApiProperty({ description: 'The WebAuthn registration response as JSON', type: Object })
  @IsObject({ message: 'response must be an object' })
  response: PasskeyRegistration;
}

export class PasskeyLoginOptionsDto {
  @ApiProperty()
  @IsString({ message: 'mfaToken must be a string' })
  @MinLength(1, { message: 'mfaToken is required' })
  @MaxLength(200)
  mfaToken: string;
}

export class PasskeyLoginDto extends PasskeyLoginOptionsDto {
  @ApiProperty({ description: 'The WebAuthn authentication response as JSON', type: Object })
  @IsObject({ message: 'response must be an object' })
  response: PasskeyAssertion;
}

/** Removing a passkey asks what turning the second factor off asks: the password and a code or a passkey. */
export class RemovePasskeyDto extends DisableMfaDto {}
