import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { choosesSiteOrganisation, manageSitesProblem, type ExportFormat, type SiteFeature, type SiteFeatureCollection, type SiteType } from '@samverkan/contracts';
import { describeSchedule } from '@samverkan/geo';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { DOMAIN_EVENTS } from '../common/domain-events';
import type { Bbox } from '../common/query-param.validators';
import { ExportFile, GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE, kmlDocument } from '../common/kml';
import { KeptPreparedJson, PreparedJson, prepareJson } from '../common/prepared-json';
import { checkVersion } from '../common/version-check';
import { UnitOfWork } from '../database/transaction-events';
import { PeopleService } from '../people/people.service';
import { ZonesService } from '../zones/zones.service';
import { CreateSiteDto, UpdateSiteDto } from './dto/sites.dto';
import { toCompactSite, toSiteFeature, toSiteMarkerList } from './sites.mapper';
import { SiteExportRow, SitesRepository, SiteValues } from './sites.repository';

const CHANGEABLE_FIELDS = ['name', 'type', 'location', 'address', 'openingHours', 'openingSchedule', 'description', 'phone', 'organisationId'] as const;

/** For people reading an export in a map program. */
const SITE_TYPE_NAMES: Record<SiteType, string> = {
  needle_exchange: 'Sprututbyte',
  ost_clinic: 'Substitutionsbehandling (LARO)',
  naloxone: 'Naloxon',
  drug_checking: 'Substanstestning',
  low_threshold: 'Lågtröskelverksamhet',
  outreach: 'Uppsökande verksamhet',
  other: 'Annat',
};

/** The opening schedule in words for a KML description ("Öppettider: Mån–fre 10:00–18:00; Lör 12:00–16:00"). */
function openingScheduleLine(row: SiteExportRow): string | null {
  return row.openingSchedule === null ? null : `Öppettider: ${describeSchedule(row.openingSchedule, 'sv').join('; ')}`;
}

@Injectable()
export class SitesService {
  private readonly compactList = new KeptPreparedJson();
  private readonly markerList = new KeptPreparedJson();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sites: SitesRepository,
    private readonly zones: ZonesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly people: PeopleService,
  ) {}

  /** `at`: when to tell whether each site is open (default now). */
  async list(filter: { bbox?: Bbox; types?: SiteType[]; organisationId?: string }, at: Date = this.clock.now()): Promise<SiteFeatureCollection> {
    const rows = await this.sites.findRows(filter);
    return { type: 'FeatureCollection', features: rows.map((row) => toSiteFeature(row, at)) };
  }

  /**
   * Every live site in one compact answer for the map (everyone signed in sees every site, as in `list`). Built
   * once per change of the table, compressed once, and kept: a request costs one scan that tells whether the
   * sites changed, and a 304 when the client holds the current version. The fingerprint is read from the
   * database on each request, so a change made through another instance of the api is seen too.
   */
  async compact(): Promise<{ etag: string; answer: () => Promise<PreparedJson> }> {
    const fingerprint = await this.sites.listFingerprint();
    const etag = `"sites-${fingerprint}"`;
    return {
      etag,
      answer: () =>
        this.compactList.answer(fingerprint, async () => prepareJson({ sites: (await this.sites.findAllCompact()).map(toCompactSite) }, etag)),
    };
  }

  /**
   * Every live site's marker (id, place, type, name) for the map's first view: the compact list without the
   * details, in columns. Kept and answered like `compact`, by the same fingerprint.
   */
  async markers(): Promise<{ etag: string; answer: () => Promise<PreparedJson> }> {
    const fingerprint = await this.sites.listFingerprint();
    const etag = `"site-markers-${fingerprint}"`;
    return {
      etag,
      answer: () =>
        this.markerList.answer(fingerprint, async () => prepareJson(toSiteMarkerList(await this.sites.findAllMarkers()), etag, 'smallest')),
    };
  }

  async get(id: string, at: Date = this.clock.now()): Promise<SiteFeature> {
    const [row] = await this.sites.findRows({ ids: [id] });
    if (!row) throw new NotFoundException(`No site with id ${id}`);
    return toSiteFeature(row, at);
  }

  async create(input: CreateSiteDto, user: AuthUser): Promise<SiteFeature> {
    const organisationId = await this.organisationForNewSite(input.organisationId ?? undefined, user);
    const values: SiteValues = {
      organisationId,
      name: input.name,
      type: input.type,
      location: input.location,
      address: input.address ?? null,
      openingHours: input.openingHours ?? null,
      openingSchedule: input.openingSchedule ?? null,
      description: input.description ?? null,
      phone: input.phone ?? null,
    };
    // The channel (made by `site.changed`'s handler) and the audit event are part of the change: a 201 means all of it is there.
    return this.unitOfWork.run(async ({ manager, raise }) => {
      const id = await this.sites.insert(manager, values, user.id);
      const site = await this.feature(manager, id);
      await this.audit.record(manager, { actorId: user.id, action: 'create', entity: 'site', entityId: id, after: site });
      await raise(DOMAIN_EVENTS.siteChanged, { change: 'created', site, actorId: user.id });
      return site;
    });
  }

  async update(id: string, input: UpdateSiteDto, user: AuthUser): Promise<SiteFeature> {
    if (!CHANGEABLE_FIELDS.some((field) => input[field] !== undefined)) {
      throw badRequest('body', `give at least one of ${CHANGEABLE_FIELDS.join(', ')} besides version`, 'nothing_to_change');
    }
    return this.unitOfWork.run(async ({ manager, raise }) => {
      const locked = await this.sites.lock(manager, id);
      if (!locked) throw new NotFoundException(`No site with id ${id}`);
      const denied = manageSitesProblem(user, locked.organisationId);
      if (denied) throw new ForbiddenException(denied);
      checkVersion('site', locked.version, input.version);
      if (input.organisationId !== undefined && input.organisationId !== locked.organisationId) {
        if (!choosesSiteOrganisation(user)) throw new ForbiddenException('Service staff cannot hand a site to another organisation');
        await this.assertServiceOrganisation(input.organisationId, manager);
      }
      if (input.location) {
        const [lng, lat] = input.location.coordinates;
        await this.zones.assertSiteCanMoveTo(manager, id, lng, lat);
      }
      const before = await this.feature(manager, id);
      await this.sites.update(manager, id, {
        name: input.name,
        type: input.type,
        location: input.location,
        address: input.address,
        openingHours: input.openingHours,
        openingSchedule: input.openingSchedule,
        description: input.description,
        phone: input.phone,
        organisationId: input.organisationId,
      });
      const after = await this.feature(manager, id);
      await this.audit.record(manager, { actorId: user.id, action: 'update', entity: 'site', entityId: id, before, after });
      await raise(DOMAIN_EVENTS.siteChanged, { change: 'updated', site: after, actorId: user.id });
      return after;
    });
  }

  /**
   * Deleting keeps the row and its history (zones and audit events refer to it) but the site leaves the
   * map. Refused while a zone of it is under an agreement; its other zones are withdrawn with it.
   */
  async remove(id: string, user: AuthUser): Promise<void> {
    await this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const locked = await this.sites.lock(manager, id);
      if (!locked) throw new NotFoundException(`No site with id ${id}`);
      const denied = manageSitesProblem(user, locked.organisationId);
      if (denied) throw new ForbiddenException(denied);
      await this.zones.closeZonesOfDeletedSite(transaction, id, user.id);
      const before = await this.feature(manager, id);
      await this.sites.markDeleted(manager, id);
      await this.audit.record(manager, { actorId: user.id, action: 'delete', entity: 'site', entityId: id, before });
      await transaction.raise(DOMAIN_EVENTS.siteChanged, { change: 'deleted', site: before, actorId: user.id });
    });
  }

  async export(format: ExportFormat): Promise<ExportFile> {
    const rows = await this.sites.findForExport(format);
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'kml') {
      const placemarks = rows.map((row) => ({
        id: `site-${row.id}`,
        name: row.name,
        description: [
          SITE_TYPE_NAMES[row.type],
          row.organisationName,
          ...[row.address, row.phone && `Telefon: ${row.phone}`, row.openingHours, openingScheduleLine(row), row.description].filter((text): text is string => !!text),
        ].join('\n'),
        data: {
          siteId: row.id,
          type: row.type,
          organisationId: row.organisationId,
          organisationName: row.organisationName,
          // The schedule as the API takes it, so a KML file can be read back without losing it; null is left out.
          openingSchedule: row.openingSchedule === null ? null : JSON.stringify(row.openingSchedule),
          phone: row.phone,
        },
        geometryKml: row.location as string,
      }));
      return { contentType: KML_CONTENT_TYPE, filename: `samverkan-sites-${stamp}.kml`, body: kmlDocument('Samverkan – platser', placemarks) };
    }
    const collection = {
      type: 'FeatureCollection',
      features: rows.map((row) => ({
        type: 'Feature',
        id: row.id,
        geometry: row.location,
        properties: {
          id: row.id,
          name: row.name,
          type: row.type,
          organisationId: row.organisationId,
          organisationName: row.organisationName,
          address: row.address,
          openingHours: row.openingHours,
          openingSchedule: row.openingSchedule,
          description: row.description,
          phone: row.phone,
        },
      })),
    };
    return { contentType: GEOJSON_CONTENT_TYPE, filename: `samverkan-sites-${stamp}.geojson`, body: JSON.stringify(collection) };
  }

  private async feature(manager: EntityManager, id: string): Promise<SiteFeature> {
    const [row] = await this.sites.findRows({ ids: [id] }, manager);
    return toSiteFeature(row, this.clock.now());
  }

  /** Service staff create sites for their own organisation; coordinators and administrators name a service organisation. */
  private async organisationForNewSite(requested: string | undefined, user: AuthUser): Promise<string> {
    switch (user.role) {
      case 'police':
        throw new ForbiddenException(manageSitesProblem(user, user.organisationId)!);
      case 'service':
        if (requested !== undefined && requested !== user.organisationId) {
          throw new ForbiddenException('Service staff create sites for their own organisation only');
        }
        return user.organisationId;
      case 'admin':
      case 'coordinator':
        if (requested === undefined) throw badRequest('organisationId', 'is required: name the service organisation that runs the site', 'required');
        await this.assertServiceOrganisation(requested);
        return requested;
    }
  }

  private async assertServiceOrganisation(organisationId: string, manager?: EntityManager): Promise<void> {
    const [organisation] = await this.people.organisationsByIds([organisationId], manager);
    const kind = organisation?.kind ?? null;
    if (kind === null) throw badRequest('organisationId', 'names no organisation', 'unknown_reference');
    if (kind !== 'service') throw badRequest('organisationId', `must name a service organisation (this one is ${kind})`, 'not_one_of');
  }

  /** A site that has not been deleted, by id and name; in the caller's transaction when one is given. */
  liveSiteName(id: string, manager: EntityManager = this.sites.manager): Promise<{ id: string; name: string } | null> {
    return this.sites.findLiveName(manager, id);
  }

  /** Whether the organisation runs at least one (not deleted) site of this type. */
  organisationRunsType(organisationId: string, type: SiteType): Promise<boolean> {
    return this.sites.organisationRunsType(organisationId, type);
  }

  /** Names of these sites, deleted ones included. */
  siteNames(ids: string[], manager: EntityManager = this.sites.manager): Promise<Map<string, string>> {
    return this.sites.namesOf(manager, ids);
  }
}
