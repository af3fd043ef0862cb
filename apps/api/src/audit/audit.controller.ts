import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AUDIT_ENTITIES } from '@samverkan/contracts';
import type { AuditEntity, AuditEvent, AuditHead, AuditVerifyResponse } from '@samverkan/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AuditQueryDto } from './dto/audit.dto';
import { AuditService } from './audit.service';

/** Account history (users, organisations) is for administrators only. */
const ACCOUNT_ENTITIES: AuditEntity[] = ['user', 'organisation'];
/** Police and service staff read the history of the shared map. */
const MAP_ENTITIES: AuditEntity[] = ['site', 'zone'];

function readableEntities(user: AuthUser): AuditEntity[] | undefined {
  if (user.role === 'admin') return undefined;
  if (user.role === 'coordinator') return AUDIT_ENTITIES.filter((entity) => !ACCOUNT_ENTITIES.includes(entity));
  return MAP_ENTITIES;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQueryDto, @CurrentUser() user: AuthUser): Promise<AuditEvent[]> {
    const entities = readableEntities(user);
    if (query.entity && entities && !entities.includes(query.entity)) return Promise.resolve([]);
    return this.audit.list({
      entity: query.entity,
      entities,
      entityIds: query.entityId ? [query.entityId] : undefined,
      limit: query.limit ?? 500,
    });
  }

  @Roles('admin', 'coordinator')
  @Get('verify')
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }

  /** For an external notary: the chain's length and newest hash now (see docs/decisions/0012). */
  @Roles('admin', 'coordinator')
  @Get('head')
  head(): Promise<AuditHead> {
    return this.audit.head();
  }
}
