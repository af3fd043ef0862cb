import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ActionListItem } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ActionsService } from './actions.service';
import { ActionListQueryDto } from './dto/meetings.dto';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  /** `owner=me` (default): the caller's actions from every meeting, open ones first by due date, `overdue` marked. */
  @Get()
  list(@Query() query: ActionListQueryDto, @CurrentUser() user: AuthUser): Promise<ActionListItem[]> {
    return this.actions.list(query, user);
  }
}
