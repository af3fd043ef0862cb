import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { SiteFeature, SiteFeatureCollection, SiteType } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { parseOptionalInstant } from '../common/instant.validators';
import { sendPrepared } from '../common/prepared-json';
import { parseBbox, parseWordList } from '../common/query-param.validators';
import { CreateSiteDto, SiteAtQueryDto, SiteExportQueryDto, SiteListQueryDto, siteShapesPipe, UpdateSiteDto } from './dto/sites.dto';
import { SitesService } from './sites.service';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  /** Everyone signed in sees every site: the map is shared. */
  @Get()
  list(@Query() query: SiteListQueryDto): Promise<SiteFeatureCollection> {
    return this.sites.list(
      {
        bbox: query.bbox ? parseBbox(query.bbox) : undefined,
        types: query.type ? (parseWordList(query.type) as SiteType[]) : undefined,
        organisationId: query.organisationId,
      },
      parseOptionalInstant(query.at),
    );
  }

  /**
   * Extension: every site in one compact answer for the map (CompactSiteList), Brotli or gzip as asked. `no-cache`
   * with an ETag: the browser keeps it and a reload costs a 304 while no site changed.
   */
  @Get('compact')
  @ApiOkResponse({ description: 'CompactSiteList (libs/contracts): { sites: [[id, lng, lat, type, name, organisationId, version, updatedAt, address, openingHours, openingSchedule, description, phone]] }; 304 when If-None-Match names the current ETag.' })
  async compact(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { etag, answer } = await this.sites.compact();
    await sendPrepared(request, response, etag, answer);
  }

  /**
   * Extension: every site's marker for the map's first view (SiteMarkerList): id, place, type and name in columns,
   * without the details. Sent like the compact list (ETag, 304, Brotli or gzip).
   */
  @Get('markers')
  @ApiOkResponse({ description: 'SiteMarkerList (libs/contracts): { scale, ids, lng, lat, types, names }, site i in position i of each column, coordinates in degrees × scale; 304 when If-None-Match names the current ETag.' })
  async markers(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { etag, answer } = await this.sites.markers();
    await sendPrepared(request, response, etag, answer);
  }

  /** Extension: every site as GeoJSON (RFC 7946) or KML 2.2. */
  @Get('export')
  async export(@Query() query: SiteExportQueryDto, @Res() response: Response): Promise<void> {
    const file = await this.sites.export(query.format ?? 'geojson');
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    response.send(file.body);
  }

  @Post()
  create(@Body(siteShapesPipe()) body: CreateSiteDto, @CurrentUser() user: AuthUser): Promise<SiteFeature> {
    return this.sites.create(body, user);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: SiteAtQueryDto): Promise<SiteFeature> {
    return this.sites.get(id, parseOptionalInstant(query.at));
  }

  @Patch(':id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body(siteShapesPipe()) body: UpdateSiteDto, @CurrentUser() user: AuthUser): Promise<SiteFeature> {
    return this.sites.update(id, body, user);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.sites.remove(id, user);
  }
}
