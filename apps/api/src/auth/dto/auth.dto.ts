import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsPassword } from '../../people/dto/people.dto';

export class LoginDto {
  @ApiProperty({ example: 'police@demo.samverkan.test' })
  @IsString({ message: 'email must be a string' })
  @MinLength(1, { message: 'email is required' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString({ message: 'password must be a string' })
  @MinLength(1, { message: 'password is required' })
  @MaxLength(1024)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword must be a string' })
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ minLength: 12 })
  @IsPassword()
  newPassword: string;
}

export class LoginResponseDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty()
  user: object;
}
