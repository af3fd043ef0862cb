import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PushKeyResponse, PushSubscriptionResponse } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { PushSubscriptionDto, PushUnsubscribeDto } from './dto/push.dto';
import { PushService } from './push.service';

@ApiTags('push')
@ApiBearerAuth()
@Controller('push')
export class PushController {
  constructor(private readonly push: PushService) {}

  /** The VAPID public key the browser subscribes with; 404 when push is off on this server. */
  @Get('key')
  key(): PushKeyResponse {
    return this.push.key();
  }

  /** 201 for a new endpoint, 200 for one already known (now bound to this session). */
  @Post('subscriptions')
  async subscribe(
    @Body() body: PushSubscriptionDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PushSubscriptionResponse> {
    const { subscription, created } = await this.push.subscribe(user, body);
    response.status(created ? 201 : 200);
    return subscription;
  }

  @Delete('subscriptions')
  @HttpCode(204)
  async unsubscribe(@Body() body: PushUnsubscribeDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.push.unsubscribe(user, body.endpoint);
  }
}
