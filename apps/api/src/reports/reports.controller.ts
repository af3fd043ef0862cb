import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FieldReport, ReportCategory, ReportStats, ReportStatus } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { parseInstant, parseOptionalInstant } from '../common/instant.validators';
import { parseWordList } from '../common/query-param.validators';
import { CreateReportDto, ReportListQueryDto, ReportStatsQueryDto, UpdateReportDto } from './dto/reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Any signed-in user records what they noticed; the text must not identify a person. */
  @Post()
  create(@Body() body: CreateReportDto, @CurrentUser() user: AuthUser): Promise<FieldReport> {
    return this.reports.create({ ...body, occurredAt: parseInstant(body.occurredAt)! }, user);
  }

  /** The reports the caller may see, newest first. */
  @Get()
  list(@Query() query: ReportListQueryDto, @CurrentUser() user: AuthUser): Promise<FieldReport[]> {
    return this.reports.list(
      user,
      {
        siteId: query.siteId,
        zoneId: query.zoneId,
        categories: query.category ? (parseWordList(query.category) as ReportCategory[]) : undefined,
        statuses: query.status ? (parseWordList(query.status) as ReportStatus[]) : undefined,
        since: parseOptionalInstant(query.since),
        until: parseOptionalInstant(query.until),
      },
      query.limit,
    );
  }

  // The fixed path comes before `:id`.

  /** Counts only, over the reports the caller may see. */
  @Get('stats')
  stats(@Query() query: ReportStatsQueryDto, @CurrentUser() user: AuthUser): Promise<ReportStats> {
    return this.reports.stats(
      { since: parseOptionalInstant(query.since), until: parseOptionalInstant(query.until), groupBy: query.groupBy ?? 'category', siteId: query.siteId },
      user,
    );
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<FieldReport> {
    return this.reports.get(id, user);
  }

  @Patch(':id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateReportDto, @CurrentUser() user: AuthUser): Promise<FieldReport> {
    return this.reports.updateStatus(id, body, user);
  }
}
