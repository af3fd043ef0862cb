import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AlertStatus } from '@samverkan/contracts';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { AlertEscalationService } from './alert-escalation.service';

@ApiTags('escalation')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly escalation: AlertEscalationService) {}

  /** Where an urgent message's escalation stands: who was told when, who acknowledged, what comes next. */
  @Get(':messageId')
  status(
    @Param('messageId', new ParseUUIDPipe()) messageId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<AlertStatus> {
    return this.escalation.status(user, messageId);
  }
}
