import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EscalationPolicy } from '@samverkan/contracts';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { CreateEscalationPolicyDto, UpdateEscalationPolicyDto } from './escalation.dto';
import { EscalationPoliciesService } from './escalation-policies.service';

@ApiTags('escalation')
@ApiBearerAuth()
@Controller('escalation-policies')
export class EscalationPoliciesController {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Get()
  list(): Promise<EscalationPolicy[]> {
    return this.policies.list();
  }

  /** Extension: one policy. */
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<EscalationPolicy> {
    return this.policies.get(id);
  }

  @Post()
  create(@Body() body: CreateEscalationPolicyDto, @CurrentUser() user: AuthUser): Promise<EscalationPolicy> {
    return this.policies.create(user, body);
  }

  @Patch(':id')
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateEscalationPolicyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EscalationPolicy> {
    return this.policies.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.policies.remove(user, id);
  }
}
