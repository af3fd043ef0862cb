import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { LoginStepResponse, User } from '@samverkan/contracts';
import { CurrentUser, Public } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, LoginResponseDto } from './dto/auth.dto';
import { SecondFactorExempt } from './second-factor/second-factor.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginStepResponse> {
    return this.auth.login(body.email, body.password, request.ip ?? 'unknown');
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @ApiBearerAuth()
  @SecondFactorExempt()
  @Get('me')
  me(@CurrentUser() user: AuthUser): User {
    const { organisationKind: _kind, sessionId: _session, ...dto } = user;
    return dto;
  }
}
