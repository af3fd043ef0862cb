import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Kit, KitReplacement, KitStats, KitStatus, UseKitResponse } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { parseInstant } from '../common/instant.validators';
import { parseWordList } from '../common/query-param.validators';
import { CreateKitDto, KitListQueryDto, UpdateKitDto, UseKitDto } from './dto/kits.dto';
import { KitsService } from './kits.service';

@ApiTags('naloxone')
@ApiBearerAuth()
@Controller('kits')
export class KitsController {
  constructor(private readonly kits: KitsService) {}

  /** Police: their organisation's kits, soonest expiry first; coordinators and administrators: all. */
  @Get()
  list(@Query() query: KitListQueryDto, @CurrentUser() user: AuthUser): Promise<Kit[]> {
    return this.kits.list(
      {
        expiringWithinDays: query.expiringWithinDays,
        statuses: query.status ? (parseWordList(query.status) as KitStatus[]) : undefined,
        organisationId: query.organisationId,
      },
      user,
    );
  }

  // The fixed path comes before `:id`.

  @Get('stats')
  stats(@CurrentUser() user: AuthUser): Promise<KitStats[]> {
    return this.kits.stats(user);
  }

  /** Extension: the kits the caller used and has not replaced yet (police). */
  @Get('replacements')
  replacements(@CurrentUser() user: AuthUser): Promise<KitReplacement[]> {
    return this.kits.replacements(user);
  }

  @Post()
  create(@Body() body: CreateKitDto, @CurrentUser() user: AuthUser): Promise<Kit> {
    return this.kits.create(body, user);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<Kit> {
    return this.kits.get(id, user);
  }

  @Patch(':id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateKitDto, @CurrentUser() user: AuthUser): Promise<Kit> {
    return this.kits.update(id, body, user);
  }

  /** The kit becomes used and an overdose_response report is created (no position, no person). */
  @Post(':id/use')
  use(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UseKitDto, @CurrentUser() user: AuthUser): Promise<UseKitResponse> {
    return this.kits.use(id, { ...body, usedAt: parseInstant(body.usedAt)! }, user);
  }
}
