import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ActionItem, AgendaItem, Decision, Meeting, MeetingSummary } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ActionsService } from './actions.service';
import { AgendaItemConflictFilter } from './agenda-item-conflict.filter';
import { AgendaService } from './agenda.service';
import { DecisionsService } from './decisions.service';
import {
  CreateActionDto,
  CreateAgendaItemDto,
  CreateDecisionDto,
  CreateMeetingDto,
  MeetingListQueryDto,
  MinutesQueryDto,
  UpdateActionDto,
  UpdateAgendaItemDto,
  UpdateDecisionDto,
  UpdateMeetingDto,
} from './dto/meetings.dto';
import { MeetingSummaryService } from './meeting-summary.service';
import { MeetingsService } from './meetings.service';
import { MinutesService } from './minutes.service';

const uuid = () => new ParseUUIDPipe();

/**
 * Meetings and what is in them. A meeting the caller may not see answers 404. Every change is audited (entity
 * `meeting`) and sent to the meeting's socket room as `meeting:updated`.
 */
@ApiTags('meetings')
@ApiBearerAuth()
@UseFilters(AgendaItemConflictFilter)
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
    private readonly decisions: DecisionsService,
    private readonly actions: ActionsService,
    private readonly summaries: MeetingSummaryService,
    private readonly minutes: MinutesService,
  ) {}

  /** Coordinators and admins; signatories for a meeting their own organisation takes part in. Creates its channel. */
  @Post()
  create(@Body() body: CreateMeetingDto, @CurrentUser() user: AuthUser): Promise<Meeting> {
    return this.meetings.create(body, user);
  }

  /** The meetings the caller may see, earliest first. */
  @Get()
  list(@Query() query: MeetingListQueryDto, @CurrentUser() user: AuthUser): Promise<Meeting[]> {
    return this.meetings.list(user, query);
  }

  @Get(':id')
  get(@Param('id', uuid()) id: string, @CurrentUser() user: AuthUser): Promise<Meeting> {
    return this.meetings.get(id, user);
  }

  /** Organisers. Changing the organisations changes who sees the meeting and its channel. */
  @Patch(':id')
  update(
    @Param('id', uuid()) id: string,
    @Body() body: UpdateMeetingDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Meeting> {
    return this.meetings.update(id, body, user);
  }

  /** Extension: "since last meeting" for the meeting's organisations. Counts only. */
  @Get(':id/summary')
  summary(@Param('id', uuid()) id: string, @CurrentUser() user: AuthUser): Promise<MeetingSummary> {
    return this.summaries.summary(id, user);
  }

  /** Markdown (default) or a printable HTML page. Marks the field reports linked from the agenda `discussed`. */
  @ApiProduces('text/markdown', 'text/html')
  @Get(':id/minutes')
  async exportMinutes(
    @Param('id', uuid()) id: string,
    @Query() query: MinutesQueryDto,
    @CurrentUser() user: AuthUser,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.minutes.export(id, query.format ?? 'md', query.lang ?? 'sv', user);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `${file.disposition}; filename="${file.filename}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.send(file.body);
  }

  /** Anyone who sees the meeting adds items (appended unless `position` is given). */
  @Post(':id/agenda')
  addAgendaItem(
    @Param('id', uuid()) id: string,
    @Body() body: CreateAgendaItemDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AgendaItem> {
    return this.agenda.add(id, body, user);
  }

  /** Minutes: anyone who sees the meeting; title, links and position: organisers. A stale version → 409 with `current`. */
  @ApiConflictResponse({ description: 'The version is stale: `current` holds the item as it is now.' })
  @Patch(':id/agenda/:itemId')
  updateAgendaItem(
    @Param('id', uuid()) id: string,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: UpdateAgendaItemDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AgendaItem> {
    return this.agenda.update(id, itemId, body, user);
  }

  /** Extension, organisers: the items after it move up; refused (409) while decisions are recorded under it. */
  @Delete(':id/agenda/:itemId')
  @HttpCode(204)
  async removeAgendaItem(
    @Param('id', uuid()) id: string,
    @Param('itemId', uuid()) itemId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.agenda.remove(id, itemId, user);
  }

  /** Organisers. */
  @Post(':id/decisions')
  addDecision(
    @Param('id', uuid()) id: string,
    @Body() body: CreateDecisionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Decision> {
    return this.decisions.add(id, body, user);
  }

  /** Extension, organisers. */
  @Patch(':id/decisions/:decisionId')
  updateDecision(
    @Param('id', uuid()) id: string,
    @Param('decisionId', uuid()) decisionId: string,
    @Body() body: UpdateDecisionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Decision> {
    return this.decisions.update(id, decisionId, body, user);
  }

  /** Extension, organisers. */
  @Delete(':id/decisions/:decisionId')
  @HttpCode(204)
  async removeDecision(
    @Param('id', uuid()) id: string,
    @Param('decisionId', uuid()) decisionId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.decisions.remove(id, decisionId, user);
  }

  /** Organisers. */
  @Post(':id/actions')
  addAction(
    @Param('id', uuid()) id: string,
    @Body() body: CreateActionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ActionItem> {
    return this.actions.add(id, body, user);
  }

  /** Organisers change anything; the owner changes `status`. */
  @Patch(':id/actions/:actionId')
  updateAction(
    @Param('id', uuid()) id: string,
    @Param('actionId', uuid()) actionId: string,
    @Body() body: UpdateActionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ActionItem> {
    return this.actions.update(id, actionId, body, user);
  }

  /** Extension, organisers. */
  @Delete(':id/actions/:actionId')
  @HttpCode(204)
  async removeAction(
    @Param('id', uuid()) id: string,
    @Param('actionId', uuid()) actionId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.actions.remove(id, actionId, user);
  }
}
