import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Guide, GuideDraft, GuideHtml, GuideVersionSummary } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { GuideLangQueryDto, GuideQueryDto, PublishGuideDto, SaveGuideDto } from './dto/guides.dto';
import { GuideSelection, GuidesService } from './guides.service';

const KEY = 'naloxone';

function selectionOf(query: GuideQueryDto): GuideSelection {
  if (query.version !== undefined) return { kind: 'version', version: query.version };
  return query.draft === 'true' ? { kind: 'latest' } : { kind: 'published' };
}

@ApiTags('naloxone')
@ApiBearerAuth()
@Controller('guides/naloxone')
export class GuidesController {
  constructor(private readonly guides: GuidesService) {}

  /** The published guide for officers (404 while none is published). */
  @Get()
  get(@Query() query: GuideQueryDto, @CurrentUser() user: AuthUser): Promise<Guide> {
    return this.guides.get(KEY, query.lang ?? 'sv', selectionOf(query), user);
  }

  /** Extension: the guide rendered to sanitised HTML. */
  @Get('html')
  html(@Query() query: GuideQueryDto, @CurrentUser() user: AuthUser): Promise<GuideHtml> {
    return this.guides.html(KEY, query.lang ?? 'sv', selectionOf(query), user);
  }

  /** Extension: every version of one language, newest first (service staff and coordinators). */
  @Get('versions')
  versions(@Query() query: GuideLangQueryDto, @CurrentUser() user: AuthUser): Promise<GuideVersionSummary[]> {
    return this.guides.versions(KEY, query.lang ?? 'sv', user);
  }

  /** A new draft version (service staff and coordinators). */
  @Put()
  save(@Body() body: SaveGuideDto, @CurrentUser() user: AuthUser): Promise<GuideDraft> {
    return this.guides.saveDraft(KEY, body, user);
  }

  /** Publishes a version (a service signatory). */
  @Post('publish')
  @HttpCode(200)
  publish(@Body() body: PublishGuideDto, @CurrentUser() user: AuthUser): Promise<Guide> {
    return this.guides.publish(KEY, body, user);
  }
}
