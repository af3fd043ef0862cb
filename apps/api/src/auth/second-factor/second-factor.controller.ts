import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { RecoveryCodesResponse, LoginResponse, TotpSetupResponse } from '@samverkan/contracts';
import { CurrentUser, Public, Roles } from '../auth.decorators';
import type { AuthUser } from '../auth-user';
import { DisableMfaDto, MfaLoginDto, TotpConfirmDto } from './dto/second-factor.dto';
import { SecondFactorExempt } from './second-factor.guard';
import { SecondFactorService } from './second-factor.service';

@ApiTags('auth')
@Controller()
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Public()
  @Post('auth/login/mfa')
  @HttpCode(200)
  login(@Body() body: MfaLoginDto, @Req() request: Request): Promise<LoginResponse> {
    return this.secondFactor.login(body.mfaToken, body.code, request.ip ?? 'unknown');
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Post('auth/mfa/totp/setup')
  @HttpCode(200)
  setup(@CurrentUser() user: AuthUser): Promise<TotpSetupResponse> {
    return this.secondFactor.setup(user);
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Post('auth/mfa/totp/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() user: AuthUser, @Body() body: TotpConfirmDto): Promise<RecoveryCodesResponse> {
    return this.secondFactor.confirm(user, body.code);
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Delete('auth/mfa')
  @HttpCode(204)
  async disable(@CurrentUser() user: AuthUser, @Body() body: DisableMfaDto): Promise<void> {
    await this.secondFactor.disable(user, body);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('users/:id/mfa/reset')
  @HttpCode(204)
  async reset(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthUser): Promise<void> {
    await this.secondFactor.reset(id, actor);
  }
}
