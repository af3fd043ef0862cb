import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZONE_CLAUSES, ZONE_LIMITS } from '@samverkan/contracts';
import type { ZoneCheckResponse, ZoneClause, ZoneDiff, ZoneFeature, ZoneFeatureCollection, ZoneHistory, ZoneImportResponse, ZoneStatus } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { parseOptionalInstant } from '../common/instant.validators';
import { sendPrepared } from '../common/prepared-json';
import { parseBbox, parseWordList } from '../common/query-param.validators';
import { zoneShapesPipe } from './dto/zone-input';
import {
  ApproveZoneDto,
  CreateZoneDto,
  SuspendZoneDto,
  UpdateZoneDto,
  ZoneAtQueryDto,
  ZoneCheckQueryDto,
  ZoneDiffQueryDto,
  ZoneExportQueryDto,
  ZoneListQueryDto,
  ZoneReasonDto,
} from './dto/zones.dto';
import { ifNoneMatchHolds } from './zone-snapshot';
import { ZoneMapListService } from './zone-map-list.service';
import { ZoneSnapshotService } from './zone-snapshot.service';
import { ZoneTransferService } from './zone-transfer.service';
import { ZonesService } from './zones.service';

const atOrNow = (at: string | undefined) => parseOptionalInstant(at) ?? new Date();

/** No filter and no moment asked for: the map's list, the same for everyone signed in. */
const isWholeMap = (query: ZoneListQueryDto) =>
  !query.bbox && !query.at && !query.status && !query.siteId && query.reviewDue !== 'true' && query.awaitingMe !== 'true';

@ApiTags('zones')
@ApiBearerAuth()
@Controller('zones')
export class ZonesController {
  constructor(
    private readonly zones: ZonesService,
    private readonly transfer: ZoneTransferService,
    private readonly snapshots: ZoneSnapshotService,
    private readonly mapList: ZoneMapListService,
  ) {}

  /**
   * Everyone signed in sees the map: every zone that is not withdrawn (unless `status` asks for withdrawn ones).
   * Without filters (the map's list) the answer is the kept, precompressed one, with an ETag: `no-cache`, so a
   * reload costs a 304 while no zone changed and none came into or went out of force.
   */
  @Get()
  @ApiOkResponse({ description: 'ZoneFeatureCollection; without filters, 304 when If-None-Match names the current ETag.' })
  async list(@Query() query: ZoneListQueryDto, @CurrentUser() user: AuthUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (isWholeMap(query)) {
      const { etag, answer } = await this.mapList.current();
      await sendPrepared(request, response, etag, answer);
      return;
    }
    response.json(await this.filteredList(query, user));
  }

  private filteredList(query: ZoneListQueryDto, user: AuthUser): Promise<ZoneFeatureCollection> {
    return this.zones.list({
      bbox: query.bbox ? parseBbox(query.bbox) : undefined,
      statuses: query.status ? (parseWordList(query.status) as ZoneStatus[]) : undefined,
      siteId: query.siteId,
      at: atOrNow(query.at),
      reviewDue: query.reviewDue === 'true',
      awaitingSignatureOf: query.awaitingMe === 'true' ? user : undefined,
    });
  }

  // The fixed paths come before `:id`.

  /** The standard clauses a zone's terms pick from. */
  @Get('clauses')
  clauses(): readonly ZoneClause[] {
    return ZONE_CLAUSES;
  }

  /** Which zones hold or are near a position. The position is not stored or logged, nor kept by caches. */
  @Get('check')
  @Header('Cache-Control', 'no-store')
  check(@Query() query: ZoneCheckQueryDto): Promise<ZoneCheckResponse> {
    return this.zones.check(query.lat, query.lng, query.radius ?? ZONE_LIMITS.defaultCheckRadiusMeters, atOrNow(query.at));
  }

  /**
   * Every zone in force or waiting for its time, in its version in force, for the phone to check by itself
   * (ZoneSnapshot). `no-cache`: a cache may keep it but asks again each time, and gets 304 while the ETag holds.
   */
  @Get('snapshot')
  @ApiOkResponse({ description: 'ZoneSnapshot (libs/contracts); 304 when If-None-Match names the current ETag.' })
  async snapshot(@Req() request: Request, @Res() response: Response): Promise<void> {
    const snapshot = await this.snapshots.current();
    response.setHeader('ETag', snapshot.etag);
    response.setHeader('Cache-Control', 'private, no-cache');
    if (ifNoneMatchHolds(request.headers['if-none-match'], snapshot.etag)) {
      response.status(304).end();
      return;
    }
    response.type('application/json').send(snapshot.body);
  }

  @Get('export')
  async export(@Query() query: ZoneExportQueryDto, @Res() response: Response): Promise<void> {
    const file = await this.transfer.export(query.format ?? 'geojson', atOrNow(query.at));
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    response.send(file.body);
  }

  @Post('import')
  @HttpCode(200)
  @ApiBody({ description: 'A GeoJSON FeatureCollection; each Feature needs properties.siteId and properties.name.', schema: { type: 'object' } })
  import(@Body() body: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<ZoneImportResponse> {
    return this.transfer.import(body, user);
  }

  @Post()
  create(@Body(zoneShapesPipe()) body: CreateZoneDto, @CurrentUser() user: AuthUser): Promise<ZoneFeature> {
    return this.zones.create(body, user);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ZoneAtQueryDto): Promise<ZoneFeature> {
    return this.zones.get(id, atOrNow(query.at));
  }

  @Get(':id/history')
  history(@Param('id', new ParseUUIDPipe()) id: string): Promise<ZoneHistory> {
    return this.zones.history(id);
  }

  /** Readable by whoever reads the zone's history: everyone signed in. */
  @Get(':id/diff')
  diff(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ZoneDiffQueryDto): Promise<ZoneDiff> {
    return this.zones.diff(id, query);
  }

  @Patch(':id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body(zoneShapesPipe()) body: UpdateZoneDto, @CurrentUser() user: AuthUser): Promise<ZoneFeature> {
    return this.zones.update(id, body, user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ApproveZoneDto, @CurrentUser() user: AuthUser): Promise<ZoneFeature> {
    return this.zones.approve(id, body.version, user, body.diffFrom);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  suspend(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SuspendZoneDto, @CurrentUser() user: AuthUser): Promise<ZoneFeature> {
    return this.zones.suspend(id, { reason: body.reason, until: body.until }, user);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ZoneReasonDto, @CurrentUser() user: AuthUser): Promise<ZoneFeature> {
    return this.zones.withdraw(id, body.reason, user);
  }
}
