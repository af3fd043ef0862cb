import { ConflictException, ForbiddenException, HttpException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SITE_CONFLICT_REASONS, ZONE_LIMITS } from '@samverkan/contracts';
import type {
  ErrorDetail,
  ExportFormat,
  Schedule,
  ZoneCheckResponse,
  ZoneFeature,
  ZoneFeatureCollection,
  ZoneGeometry,
  ZoneHistory,
  ZoneImportResponse,
  ZoneStatus,
} from '@samverkan/contracts';
import { describeSchedule, suspensionUntilProblem } from '@samverkan/geo';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, conflict, DetailedHttpException } from '../common/api-exception.filter';
import { ChangeKind, DOMAIN_EVENTS, ZoneChangedEvent, ZoneSuspendedEvent, ZoneSuspensionEndedEvent } from '../common/domain-events';
import type { Bbox } from '../common/geo-query';
import { parseInstant } from '../common/geo-query';
import { GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE, KmlPlacemark, kmlDocument } from '../common/kml';
import { ApprovalSide, approvalSideOf, cannotManage, cannotSuspend, cannotWithdraw } from '../common/map-permissions';
import { SYSTEM_AUTHOR } from '../common/system-author';
import { checkVersion } from '../common/version-check';
import type { OwnedChannelChange } from '../messaging/channels.repository';
import { ChannelsService } from '../messaging/channels.service';
import { toZoneInput, type ZoneInput } from './dto/zone-input';
import { toZoneFeature, toZoneSummary, toZoneVersionRecord } from './zones.mapper';
import { zoneTimeState } from './zone-in-force';
import { GeometrySource, LockedZone, ZonesRepository } from './zones.repository';

/** A file for download. */
export interface ExportFile {
  contentType: string;
  filename: string;
  body: string;
}

/** What creating a zone takes, after the DTO and the shared structure checks. */
export interface ZoneChanges {
  version: number;
  name?: string;
  geometry?: ZoneGeometry;
  radiusMeters?: number | null;
  schedule?: Schedule | null;
  validFrom?: string | null;
  validUntil?: string | null;
  notes?: string | null;
  approve?: boolean;
}

export interface SuspendInput {
  reason: string;
  /** ISO 8601 with offset: the suspension ends by itself then. */
  until?: string | null;
}

export interface ZoneListFilter {
  bbox?: Bbox;
  statuses?: ZoneStatus[];
  siteId?: string;
  at: Date;
}

/** Statuses listed when none is asked for: a withdrawn zone has ended and is shown only on request. */
const LISTED_BY_DEFAULT: ZoneStatus[] = ['proposed', 'agreed', 'suspended'];

const CHANGEABLE_FIELDS = ['name', 'geometry', 'radiusMeters', 'schedule', 'validFrom', 'validUntil', 'notes'] as const;

const SITE_DELETED_REASON = 'The site was deleted';

/** A zone leaving the suspended state (edited, agreed again, withdrawn) keeps nothing of its suspension. */
const NO_SUSPENSION = { suspendedByOrganisationId: null, suspendedAt: null, suspendedUntil: null, suspendedVersion: null };

interface Committed<T> {
  result: T;
  announce: ZoneChangedEvent[];
}

@Injectable()
export class ZonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly zones: ZonesRepository,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly channels: ChannelsService,
  ) {}

  // ------------------------------------------------------------------ reads

  async list(filter: ZoneListFilter): Promise<ZoneFeatureCollection> {
    const rows = await this.zones.findRows({
      bbox: filter.bbox,
      siteId: filter.siteId,
      statuses: filter.statuses ?? LISTED_BY_DEFAULT,
    });
    return { type: 'FeatureCollection', features: rows.map((row) => toZoneFeature(row, filter.at)) };
  }

  async get(id: string, at: Date): Promise<ZoneFeature> {
    const [row] = await this.zones.findRows({ ids: [id] });
    if (!row) throw new NotFoundException(`No zone with id ${id}`);
    return toZoneFeature(row, at);
  }

  async history(id: string): Promise<ZoneHistory> {
    if (!(await this.zones.zoneExists(id))) throw new NotFoundException(`No zone with id ${id}`);
    const [versions, events] = await Promise.all([
      this.zones.findVersionHistory(id),
      this.audit.list({ entity: 'zone', entityIds: [id], limit: 2000 }),
    ]);
    return { zoneId: id, versions: versions.map(toZoneVersionRecord), events };
  }

  /** The position check. The position lives only in this call: it is not stored, logged or put in an error. */
  async check(lat: number, lng: number, radiusMeters: number, at: Date): Promise<ZoneCheckResponse> {
    const rows = await this.zones.check(lng, lat, radiusMeters);
    const summaries = rows.map((row) => ({ inside: row.inside, summary: toZoneSummary(row, at) }));
    return {
      at: at.toISOString(),
      inside: summaries.filter((entry) => entry.inside).map((entry) => entry.summary),
      nearby: summaries.filter((entry) => !entry.inside).map((entry) => entry.summary),
    };
  }

  /** The zones in force at `at` (their agreed version), as RFC 7946 GeoJSON or KML 2.2. */
  async export(format: ExportFormat, at: Date): Promise<ExportFile> {
    const rows = await this.zones.findAgreedForExport(format);
    const inForce = rows
      .map((row) => ({ row, state: zoneTimeState(row, { schedule: row.schedule, validFrom: row.validFrom, validUntil: row.validUntil }, at) }))
      .filter(({ state }) => state.inForce);
    const stamp = at.toISOString().slice(0, 10);
    if (format === 'kml') {
      const placemarks: KmlPlacemark[] = inForce.map(({ row, state }) => ({
        id: `zone-${row.id}`,
        name: row.name,
        description: [
          `Plats: ${row.siteName}`,
          `Tider: ${describeSchedule(row.schedule, 'sv').join('; ')}`,
          `I kraft till: ${state.until ?? 'tills vidare'}`,
          ...(row.notes ? [row.notes] : []),
        ].join('\n'),
        data: { zoneId: row.id, siteId: row.siteId, siteName: row.siteName, agreedVersion: row.agreedVersion ?? row.suspension.version, until: state.until },
        geometryKml: row.geometry as string,
      }));
      return { contentType: KML_CONTENT_TYPE, filename: `samverkan-zones-${stamp}.kml`, body: kmlDocument(`Samverkan – zoner i kraft ${at.toISOString()}`, placemarks) };
    }
    const collection = {
      type: 'FeatureCollection',
      features: inForce.map(({ row, state }) => ({
        type: 'Feature',
        id: row.id,
        geometry: row.geometry,
        properties: {
          id: row.id,
          siteId: row.siteId,
          siteName: row.siteName,
          name: row.name,
          status: row.status,
          agreedVersion: row.agreedVersion ?? row.suspension.version,
          schedule: row.schedule,
          scheduleText: describeSchedule(row.schedule, 'sv'),
          validFrom: row.validFrom?.toISOString() ?? null,
          validUntil: row.validUntil?.toISOString() ?? null,
          notes: row.notes,
          inForce: true,
          until: state.until,
        },
      })),
    };
    return { contentType: GEOJSON_CONTENT_TYPE, filename: `samverkan-zones-${stamp}.geojson`, body: JSON.stringify(collection) };
  }

  // ------------------------------------------------------------------ writes

  async create(input: ZoneInput, user: AuthUser): Promise<ZoneFeature> {
    const validity = checkZoneInput(input);
    return this.changeInTransaction(async (manager) => {
      const site = await this.zones.findSiteForZone(manager, input.siteId);
      if (!site) throw badRequest('siteId', 'names no site (it may have been deleted)', 'unknown_reference');
      const denied = cannotManage(user, site.organisationId);
      if (denied) throw new ForbiddenException(denied);
      const side = input.approve ? proposerSide(user, site.organisationId) : null;
      const source = await this.geometrySource(manager, input, site.id);
      const zoneId = await this.zones.insertZone(manager, site.id);
      await this.zones.insertVersion(manager, {
        zoneId,
        version: 1,
        name: input.name,
        source,
        schedule: input.schedule ?? null,
        ...validity,
        notes: input.notes ?? null,
        createdBy: user.id,
      });
      const feature = await this.feature(manager, zoneId);
      await this.audit.record(manager, { actorId: user.id, action: 'create', entity: 'zone', entityId: zoneId, after: feature });
      if (!side) return this.committed(feature, 'created', user.id);
      await this.recordApproval(manager, { id: zoneId, status: 'proposed', agreedVersion: null }, 1, side, user);
      return this.committed(await this.feature(manager, zoneId), 'created', user.id);
    });
  }

  /** An edit is a new version, proposed; the agreed version (if any) stays in force until the new one is agreed. */
  async update(id: string, changes: ZoneChanges, user: AuthUser): Promise<ZoneFeature> {
    if (!CHANGEABLE_FIELDS.some((field) => changes[field] !== undefined)) {
      throw badRequest('body', `give at least one of ${CHANGEABLE_FIELDS.join(', ')} besides version`, 'nothing_to_change');
    }
    if (changes.geometry !== undefined && changes.radiusMeters != null) {
      throw badRequest('geometry', 'give either geometry or radiusMeters, not both', 'geometry_or_radius');
    }
    return this.changeInTransaction(async (manager) => {
      const zone = await this.lockForChange(manager, id);
      const denied = cannotManage(user, zone.organisationId);
      if (denied) throw new ForbiddenException(denied);
      if (zone.status === 'withdrawn') throw new ConflictException('This zone is withdrawn and can no longer change');
      checkVersion('zone', zone.currentVersion, changes.version);
      const side = changes.approve ? proposerSide(user, zone.organisationId) : null;

      const previous = await this.zones.findVersion(manager, id, zone.currentVersion);
      const merged: ZoneInput = {
        siteId: zone.siteId,
        name: changes.name ?? previous.name,
        geometry: changes.geometry,
        radiusMeters: changes.radiusMeters,
        schedule: changes.schedule === undefined ? previous.schedule : changes.schedule,
        validFrom: changes.validFrom === undefined ? previous.validFrom?.toISOString() ?? null : changes.validFrom,
        validUntil: changes.validUntil === undefined ? previous.validUntil?.toISOString() ?? null : changes.validUntil,
        notes: changes.notes === undefined ? previous.notes : changes.notes,
      };
      const validity = checkZoneInput(merged, { requireGeometry: false });
      const source: GeometrySource =
        changes.geometry !== undefined || changes.radiusMeters != null
          ? await this.geometrySource(manager, merged, zone.siteId)
          : { kind: 'previous', version: zone.currentVersion };

      const before = await this.feature(manager, id);
      const version = zone.currentVersion + 1;
      await this.zones.insertVersion(manager, {
        zoneId: id,
        version,
        name: merged.name,
        source,
        schedule: merged.schedule ?? null,
        ...validity,
        notes: merged.notes ?? null,
        createdBy: user.id,
      });
      // A suspended zone stays out of force: its agreed version was already cleared by the suspension.
      await this.zones.updateZone(manager, id, { currentVersion: version, status: 'proposed', statusReason: null, ...NO_SUSPENSION });
      const after = await this.feature(manager, id);
      await this.audit.record(manager, { actorId: user.id, action: 'update', entity: 'zone', entityId: id, before, after });
      if (!side) return this.committed(after, 'updated', user.id);
      await this.recordApproval(manager, { id, status: 'proposed', agreedVersion: zone.agreedVersion }, version, side, user);
      return this.committed(await this.feature(manager, id), 'updated', user.id);
    });
  }

  /** A signatory approves the current version for their side; with both sides it becomes the agreed version. */
  async approve(id: string, version: number, user: AuthUser): Promise<ZoneFeature> {
    return this.changeInTransaction(async (manager) => {
      const zone = await this.lockForChange(manager, id);
      const side = approvalSideOf(user, zone.organisationId);
      if ('denied' in side) throw new ForbiddenException(side.denied);
      if (zone.status === 'withdrawn') throw new ConflictException('This zone is withdrawn: there is nothing to approve');
      checkVersion('zone', zone.currentVersion, version);
      await this.recordApproval(manager, zone, version, side.side, user);
      return this.committed(await this.feature(manager, id), 'updated', user.id);
    });
  }

  /** The signatory's approval of `version` for their side; with the other side's standing approval it is agreed. */
  private async recordApproval(
    manager: EntityManager,
    zone: Pick<LockedZone, 'id' | 'status' | 'agreedVersion'>,
    version: number,
    side: ApprovalSide,
    user: AuthUser,
  ): Promise<void> {
    const id = zone.id;
    const standing = await this.zones.standingApprovals(manager, id, version);
    if (standing.some((approval) => approval.side === side)) {
      throw conflict('version', `Version ${version} is already approved for the ${side} side`, 'already_approved');
    }
    const approval = await this.zones.insertApproval(manager, {
      zoneId: id,
      version,
      side,
      userId: user.id,
      organisationId: user.organisationId,
    });
    await this.zones.updateZone(manager, id, {});
    await this.audit.record(manager, {
      actorId: user.id,
      action: 'approve',
      entity: 'zone',
      entityId: id,
      after: { version, side, userId: user.id, organisationId: user.organisationId, at: approval.at.toISOString() },
    });

    const otherSide = side === 'police' ? 'service' : 'police';
    if (standing.some((existing) => existing.side === otherSide)) {
      await this.zones.markVersionAgreed(manager, id, version);
      await this.zones.updateZone(manager, id, { status: 'agreed', agreedVersion: version, statusReason: null, ...NO_SUSPENSION });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'agree',
        entity: 'zone',
        entityId: id,
        before: { status: zone.status, agreedVersion: zone.agreedVersion },
        after: { status: 'agreed', agreedVersion: version },
      });
    }
  }

  /**
   * Out of force at once; every standing approval is voided, so reinstating early needs both sides again. With
   * `until`, the agreed version applies again by itself from then (see `endLapsedSuspensions`). The zone's
   * channel gets a notice and the other side's signatories an urgent alert, once committed (`notify: false`
   * only for the demo data, seeded before anyone is signed in).
   */
  async suspend(id: string, input: SuspendInput, user: AuthUser, options = { notify: true }): Promise<ZoneFeature> {
    const now = new Date();
    const until = input.until ? parseInstant(input.until) : null;
    const problem = until ? suspensionUntilProblem(until, now) : null;
    if (problem) {
      const message =
        problem === 'not_in_future' ? 'must lie in the future' : `must lie at most ${ZONE_LIMITS.maxSuspensionDays} days ahead; suspend without an end time for longer`;
      throw new DetailedHttpException(HttpStatus.BAD_REQUEST, [{ field: 'until', message, reason: problem }]);
    }
    let alertOrganisationIds: string[] = [];
    const feature = await this.changeInTransaction(async (manager) => {
      const zone = await this.lockForChange(manager, id);
      const denied = cannotSuspend(user, zone.organisationId);
      if (denied) throw new ForbiddenException(denied);
      if (zone.status === 'withdrawn') throw new ConflictException('This zone is withdrawn');
      if (zone.status === 'suspended') throw new ConflictException('This zone is already suspended');
      if (zone.agreedVersion === null) {
        throw new ConflictException('This zone has no agreed version to suspend: a proposal is in force only once both sides approve it');
      }
      // The other side of the agreement: the service that owns the zone, or the police organisations that signed it.
      const policeSigners = (await this.zones.standingApprovals(manager, id, zone.agreedVersion))
        .filter((approval) => approval.side === 'police')
        .map((approval) => approval.organisationId);
      alertOrganisationIds =
        user.organisationKind === 'police'
          ? [zone.organisationId]
          : user.organisationKind === 'service'
            ? policeSigners
            : [zone.organisationId, ...policeSigners];
      await this.zones.startSuspension(manager, id, {
        reason: input.reason,
        byOrganisationId: user.organisationId,
        until,
        version: zone.agreedVersion,
      });
      await this.zones.supersedeApprovals(manager, id);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'suspend',
        entity: 'zone',
        entityId: id,
        before: { status: zone.status, agreedVersion: zone.agreedVersion },
        after: { status: 'suspended', agreedVersion: null, reason: input.reason, until: until?.toISOString() ?? null },
      });
      return this.committed(await this.feature(manager, id), 'updated', user.id);
    });
    if (options.notify) {
      const event: ZoneSuspendedEvent = { zone: feature, actor: user, alertOrganisationIds: [...new Set(alertOrganisationIds)] };
      this.events.emit(DOMAIN_EVENTS.zoneSuspended, event);
    }
    return feature;
  }

  /**
   * Ends the suspensions whose end time has passed by `now`: the version each held back is agreed again, with
   * the approvals the suspension voided. Each zone is claimed with SKIP LOCKED in its own transaction, so
   * several instances running this together end each suspension once. Reading zones never waits for this:
   * the in-force rule already counts a suspension as over from its end time.
   */
  async endLapsedSuspensions(now = new Date()): Promise<ZoneFeature[]> {
    const ended: ZoneFeature[] = [];
    for (;;) {
      const feature = await this.endOneLapsedSuspension(now);
      if (!feature) return ended;
      ended.push(feature);
      const event: ZoneSuspensionEndedEvent = { zone: feature };
      this.events.emit(DOMAIN_EVENTS.zoneSuspensionEnded, event);
    }
  }

  private async endOneLapsedSuspension(now: Date): Promise<ZoneFeature | null> {
    return this.changeInTransaction<ZoneFeature | null>(async (manager) => {
      const [lapsed] = await this.zones.lockLapsedSuspensions(manager, now, 1);
      if (!lapsed) return { result: null, announce: [] };
      await this.zones.endSuspension(manager, lapsed);
      const after = await this.feature(manager, lapsed.id);
      await this.audit.record(manager, {
        actorId: SYSTEM_AUTHOR.userId,
        action: 'suspension-end',
        entity: 'zone',
        entityId: lapsed.id,
        before: { status: 'suspended', until: lapsed.suspendedUntil.toISOString() },
        after: { status: after.properties.status, agreedVersion: after.properties.agreedVersion },
      });
      return this.committed(after, 'updated', SYSTEM_AUTHOR.userId);
    });
  }

  /** Ends a zone for good. */
  async withdraw(id: string, reason: string, user: AuthUser): Promise<ZoneFeature> {
    return this.changeInTransaction(async (manager) => {
      const zone = await this.lockForChange(manager, id);
      const denied = cannotWithdraw(user, zone.organisationId);
      if (denied) throw new ForbiddenException(denied);
      if (zone.status === 'withdrawn') throw new ConflictException('This zone is already withdrawn');
      await this.withdrawLocked(manager, zone, reason, user.id);
      return this.committed(await this.feature(manager, id), 'updated', user.id);
    });
  }

  /**
   * Imports a FeatureCollection as proposed zones. Each feature is created in its own transaction, so a bad
   * one never blocks the good ones and never leaves half a zone behind.
   */
  async import(collection: unknown, user: AuthUser): Promise<ZoneImportResponse> {
    if (user.role === 'police') throw new ForbiddenException(cannotManage(user, user.organisationId)!);
    const features = readFeatureCollection(collection);
    const created: ZoneFeature[] = [];
    const errors: { index: number; message: string }[] = [];
    for (const [index, feature] of features.entries()) {
      try {
        created.push(await this.create(await toZoneInput(zoneInputFromFeature(feature)), user));
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        errors.push({ index, message: messageOf(error) });
      }
    }
    return { created, errors };
  }

  // ------------------------------------------------------------------ what sites need

  /** Refuses to move a site where a zone of it would be left more than 2 km away. */
  async assertSiteCanMoveTo(manager: EntityManager, siteId: string, lng: number, lat: number): Promise<void> {
    const tooFar = await this.zones.zonesOutOfReachOf(manager, siteId, lng, lat, ZONE_LIMITS.maxDistanceFromSiteMeters);
    if (tooFar.length > 0) {
      const names = tooFar.map((zone) => `"${zone.name}" (${Math.round(zone.farthestMeters)} m)`).join(', ');
      const message = `Moving the site there would leave zones more than ${ZONE_LIMITS.maxDistanceFromSiteMeters} m from it: ${names}. Change or withdraw them first`;
      throw new DetailedHttpException(HttpStatus.CONFLICT, [{ field: 'location', message, reason: SITE_CONFLICT_REASONS.zonesOutOfReach }], message);
    }
  }

  /**
   * Before a site is deleted: refused while any of its zones has an agreement (withdraw those first, on
   * purpose); zones without one are withdrawn with the site. Returns the events to send after commit.
   */
  async closeZonesOfDeletedSite(manager: EntityManager, siteId: string, actorId: string): Promise<ZoneChangedEvent[]> {
    const open = await this.zones.lockOpenZonesOfSite(manager, siteId);
    const agreed = open.filter((zone) => zone.agreedVersion !== null);
    if (agreed.length > 0) {
      const message = `The site has zones under an agreement: ${agreed.map((zone) => `"${zone.name}"`).join(', ')}. Withdraw them before deleting the site`;
      throw new DetailedHttpException(HttpStatus.CONFLICT, [{ field: 'id', message, reason: SITE_CONFLICT_REASONS.zonesUnderAgreement }], message);
    }
    const announce: ZoneChangedEvent[] = [];
    for (const zone of open) {
      await this.withdrawLocked(manager, zone, SITE_DELETED_REASON, actorId);
      announce.push(...this.committed(await this.feature(manager, zone.id), 'updated', actorId).announce);
    }
    return announce;
  }

  announce(events: ZoneChangedEvent[]): void {
    for (const event of events) this.events.emit(DOMAIN_EVENTS.zoneChanged, event);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Runs one change in its own transaction, the zone's channel following it in the same transaction, and
   * announces it only once committed.
   */
  private async changeInTransaction<T = ZoneFeature>(work: (manager: EntityManager) => Promise<Committed<T>>): Promise<T> {
    const { result, announce, channels } = await this.dataSource.transaction(async (manager) => {
      const committed = await work(manager);
      const channels: OwnedChannelChange[] = [];
      for (const { zone, organisationId } of committed.announce) {
        const { id, name } = zone.properties;
        channels.push(...(await this.channels.syncOwned(manager, 'zone', id, { name, organisationId })));
      }
      return { ...committed, channels };
    });
    this.channels.publish(channels);
    this.announce(announce);
    return result;
  }

  private async lockForChange(manager: EntityManager, id: string): Promise<LockedZone> {
    const zone = await this.zones.lockZone(manager, id);
    if (!zone) throw new NotFoundException(`No zone with id ${id}`);
    return zone;
  }

  private async withdrawLocked(manager: EntityManager, zone: LockedZone, reason: string, actorId: string): Promise<void> {
    await this.zones.updateZone(manager, zone.id, { status: 'withdrawn', agreedVersion: null, statusReason: reason, ...NO_SUSPENSION });
    await this.zones.supersedeApprovals(manager, zone.id);
    await this.audit.record(manager, {
      actorId,
      action: 'withdraw',
      entity: 'zone',
      entityId: zone.id,
      before: { status: zone.status, agreedVersion: zone.agreedVersion },
      after: { status: 'withdrawn', agreedVersion: null, reason },
    });
  }

  private async feature(manager: EntityManager, id: string): Promise<ZoneFeature> {
    const [row] = await this.zones.findRows({ ids: [id] }, manager);
    return toZoneFeature(row, new Date());
  }

  private committed(zone: ZoneFeature, change: ChangeKind, actorId: string): Committed<ZoneFeature> {
    return { result: zone, announce: [{ change, zone, organisationId: zone.properties.organisationId!, actorId }] };
  }

  /** The shape of a new version: a drawn one checked by PostGIS, or a circle PostGIS draws around the site. */
  private async geometrySource(manager: EntityManager, input: ZoneInput, siteId: string): Promise<GeometrySource> {
    if (input.radiusMeters != null) return { kind: 'circle', radiusMeters: input.radiusMeters };
    const geometry = input.geometry!;
    const measure = await this.zones.measureGeometry(manager, geometry, siteId, ZONE_LIMITS.maxDistanceFromSiteMeters);
    const maxKm2 = ZONE_LIMITS.maxAreaSquareMeters / 1_000_000;
    const problems: ErrorDetail[] = [];
    if (!measure.valid) {
      problems.push({ field: 'geometry', message: `is not a valid shape by OGC rules: ${measure.reason}`, reason: 'invalid_geometry' });
    } else if (!measure.nearSite) {
      const hint = measure.nearIfSwapped ? '; positions are [longitude, latitude]: are they swapped?' : '';
      problems.push({
        field: 'geometry',
        message: `lies farther than ${ZONE_LIMITS.maxDistanceFromSiteMeters} m from its site; every part of a zone must be within ${ZONE_LIMITS.maxDistanceFromSiteMeters} m${hint}`,
        reason: 'too_far_from_site',
      });
    } else {
      if (measure.areaSquareMeters! > ZONE_LIMITS.maxAreaSquareMeters) {
        problems.push({ field: 'geometry', message: `covers ${(measure.areaSquareMeters! / 1_000_000).toFixed(2)} km²; at most ${maxKm2} km² is allowed`, reason: 'area_too_large' });
      }
      if (measure.farthestMeters! > ZONE_LIMITS.maxDistanceFromSiteMeters) {
        problems.push({
          field: 'geometry',
          message: `reaches ${Math.round(measure.farthestMeters!)} m from its site; every part of a zone must be within ${ZONE_LIMITS.maxDistanceFromSiteMeters} m`,
          reason: 'too_far_from_site',
        });
      }
    }
    if (problems.length > 0) throw new DetailedHttpException(HttpStatus.BAD_REQUEST, problems);
    return { kind: 'geojson', geometry };
  }

  /** A zone whose site has not been deleted, with its current version and name; in the caller's transaction. */
  liveZone(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; siteId: string; currentVersion: number; name: string } | null> {
    return this.zones.findLiveZone(manager, id);
  }

  /** Each zone's name in its current version. */
  zoneNames(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    return this.zones.namesOf(manager, ids);
  }

  versionExists(zoneId: string, version: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return this.zones.zoneVersionExists(manager, zoneId, version);
  }

  /** How many zones of the organisations' sites were proposed, agreed, suspended and withdrawn in the period. */
  statusChangeCounts(
    organisationIds: string[],
    period: { since: Date; until: Date },
  ): Promise<{ proposed: number; agreed: number; suspended: number; withdrawn: number }> {
    return this.zones.statusChangeCounts(organisationIds, period);
  }
}

/** Exactly one shape, and a validity period that is not empty. Returns the period as instants. */
function checkZoneInput(input: ZoneInput, options = { requireGeometry: true }): { validFrom: Date | null; validUntil: Date | null } {
  const hasGeometry = input.geometry !== undefined;
  const hasRadius = input.radiusMeters != null;
  if (hasGeometry && hasRadius) throw badRequest('geometry', 'give either geometry or radiusMeters, not both', 'geometry_or_radius');
  if (options.requireGeometry && !hasGeometry && !hasRadius) {
    throw badRequest('geometry', 'give a geometry (Polygon or MultiPolygon) or radiusMeters for a circle around the site', 'geometry_or_radius');
  }
  const validFrom = input.validFrom ? parseInstant(input.validFrom) : null;
  const validUntil = input.validUntil ? parseInstant(input.validUntil) : null;
  if (validFrom && validUntil && validFrom >= validUntil) throw badRequest('validUntil', 'must be later than validFrom', 'ends_before_start');
  return { validFrom, validUntil };
}

export function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: string | string[] }).message;
  return Array.isArray(message) ? message[0] : (message ?? error.message);
}

/** At most this many features per import: each is its own transaction. */
export const MAX_IMPORT_FEATURES = 500;

function readFeatureCollection(collection: unknown): unknown[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(collection) || collection.type !== 'FeatureCollection') {
    throw badRequest('type', 'the body must be a GeoJSON FeatureCollection');
  }
  if (!Array.isArray(collection.features)) throw badRequest('features', 'must be an array of Features');
  if (collection.features.length === 0) throw badRequest('features', 'holds no Feature');
  if (collection.features.length > MAX_IMPORT_FEATURES) {
    throw badRequest('features', `holds ${collection.features.length} Features; at most ${MAX_IMPORT_FEATURES} per import`, 'out_of_range');
  }
  return collection.features;
}

/** The fields of a zone from an imported Feature. Other properties (an id, a status from an export) are ignored. */
function zoneInputFromFeature(feature: unknown): Record<string, unknown> {
  if (typeof feature !== 'object' || feature === null || (feature as { type?: unknown }).type !== 'Feature') {
    throw badRequest('feature', 'is not a GeoJSON Feature');
  }
  const { geometry, properties } = feature as { geometry?: unknown; properties?: unknown };
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw badRequest('properties', 'must be an object with at least siteId and name');
  }
  const picked: Record<string, unknown> = {};
  for (const key of ['siteId', 'name', 'radiusMeters', 'schedule', 'validFrom', 'validUntil', 'notes']) {
    const value = (properties as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  if (geometry !== null && geometry !== undefined) picked.geometry = geometry;
  return picked;
}

/** The side a proposer who asks to approve at once signs for; anyone else is refused before anything is saved. */
function proposerSide(user: AuthUser, organisationId: string): ApprovalSide {
  const side = approvalSideOf(user, organisationId);
  if ('side' in side) return side.side;
  throw new DetailedHttpException(HttpStatus.FORBIDDEN, [{ field: 'approve', message: side.denied, reason: 'not_a_signatory' }]);
}
