import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type {
  LoginResponse,
  Passkey,
  PasskeyCreationOptions,
  PasskeyRequestOptions,
} from '@samverkan/contracts';
import { CurrentUser, Public } from '../auth.decorators';
import type { AuthUser } from '../auth-user';
import { AddPasskeyDto, PasskeyLoginDto, PasskeyLoginOptionsDto, RemovePasskeyDto } from './dto/passkeys.dto';
import { SecondFactorExempt } from './second-factor.guard';
import { PasskeysService } from './passkeys.service';

/** Extension: passkeys (WebAuthn) as a second factor; see docs/contract-extensions.md. */
@ApiTags('auth')
@Controller()
export class PasskeysController {
  constructor(private readonly passkeys: PasskeysService) {}

  @Public()
  @Post('auth/login/mfa/passkey/options')
  @HttpCode(200)
  loginOptions(@Body() body: PasskeyLoginOptionsDto): Promise<PasskeyRequestOptions> {
    return this.passkeys.loginOptions(body.mfaToken);
  }

  @Public()
  @Post('auth/login/mfa/passkey')
  @HttpCode(200)
  login(@Body() body: PasskeyLoginDto, @Req() request: Request): Promise<LoginResponse> {
    return this.passkeys.login(body.mfaToken, body.response, request.ip ?? 'unknown');
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Get('auth/mfa/passkeys')
  list(@CurrentUser() user: AuthUser): Promise<Passkey[]> {
    return this.passkeys.list(user);
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Post('auth/mfa/passkeys/options')
  @HttpCode(200)
  registrationOptions(@CurrentUser() user: AuthUser): Promise<PasskeyCreationOptions> {
    return this.passkeys.registrationOptions(user);
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Post('auth/mfa/passkeys')
  @HttpCode(201)
  add(@CurrentUser() user: AuthUser, @Body() body: AddPasskeyDto): Promise<Passkey> {
    return this.passkeys.add(user, body.name, body.response);
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Post('auth/mfa/passkeys/confirm-options')
  @HttpCode(200)
  confirmOptions(@CurrentUser() user: AuthUser): Promise<PasskeyRequestOptions> {
    return this.passkeys.confirmOptions(user);
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Delete('auth/mfa/passkeys/:id')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RemovePasskeyDto,
  ): Promise<void> {
    await this.passkeys.remove(user, id, body);
  }
}
