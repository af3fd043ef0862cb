import { ConflictException, ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  approvalSideOf,
  awaitsSignatureOf,
  daysUntilReview,
  DEFAULT_TIMEZONE,
  manageZonesProblem,
  SITE_CONFLICT_REASONS,
  suspensionTarget,
  suspendZoneProblem,
  withdrawZoneProblem,
  ZONE_DIFF_FIELDS,
  ZONE_LIMITS,
  ZONE_REVIEW,
  type ApprovalSide,
  type SuspendConflict,
} from '@samverkan/contracts';
import type {
  ErrorDetail,
  Schedule,
  ZoneCheckResponse,
  ZoneFeature,
  ZoneFeatureCollection,
  ZoneGeometry,
  ZoneHistory,
  ZoneDiff,
  ZoneFieldChange,
  ZoneStatus,
  ZoneTerms,
} from '@samverkan/contracts';
import { describeScheduleChange, suspensionUntilProblem } from '@samverkan/geo';
import { DateTime } from 'luxon';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, conflict, DetailedHttpException } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { ChangeKind, DOMAIN_EVENTS } from '../common/domain-events';
import type { Bbox } from '../common/query-param.validators';
import { parseInstant } from '../common/instant.validators';
import { SYSTEM_AUTHOR } from '../common/system-author';
import { checkVersion } from '../common/version-check';
import { Transaction, UnitOfWork } from '../database/transaction-events';
import type { ZoneInput } from './dto/zone-input';
import { checkZoneTerms, NO_TERMS } from './dto/zone-terms';
import { CompiledSchedules } from './compiled-schedules';
import { ZoneCheckIndex } from './zone-check-index';
import { toZoneFeature, toZoneSummary, toZoneVersionRecord } from './zones.mapper';
import { GeometrySource, LockedZone, ZonesRepository } from './zones.repository';

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
  reviewBy?: string | null;
  terms?: ZoneTerms;
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
  /** Only zones whose version in force is to be reviewed within 30 days, or past its review date. */
  reviewDue?: boolean;
  /** Only zones whose current version is proposed and awaits this user's side. */
  awaitingSignatureOf?: AuthUser;
}

/** Statuses listed when none is asked for: a withdrawn zone has ended and is shown only on request. */
export const LISTED_BY_DEFAULT: ZoneStatus[] = ['proposed', 'agreed', 'suspended'];

const CHANGEABLE_FIELDS = ['name', 'geometry', 'radiusMeters', 'schedule', 'validFrom', 'validUntil', 'notes', 'reviewBy', 'terms'] as const;

const SITE_DELETED_REASON = 'The site was deleted';

/** A zone leaving the suspended state (edited, agreed again, withdrawn) keeps nothing of its suspension. */
const NO_SUSPENSION = { suspendedByOrganisationId: null, suspendedAt: null, suspendedUntil: null, suspendedVersion: null };

@Injectable()
export class ZonesService {
  private readonly schedules = new CompiledSchedules();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly zones: ZonesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly checkIndex: ZoneCheckIndex,
  ) {}

  /** Today's date where the zones are, `YYYY-MM-DD`: review dates are local dates. */
  today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: DEFAULT_TIMEZONE }).toISODate()!;
  }

  // ------------------------------------------------------------------ reads

  async list(filter: ZoneListFilter): Promise<ZoneFeatureCollection> {
    const reviewByAtMost = filter.reviewDue ? this.reviewDueLimit() : undefined;
    const rows = await this.zones.findRows({
      bbox: filter.bbox,
      siteId: filter.siteId,
      statuses: filter.statuses ?? LISTED_BY_DEFAULT,
      reviewByAtMost,
    });
    const signer = filter.awaitingSignatureOf;
    const listed = signer ? rows.filter((row) => awaitsSignatureOf(signer, row)) : rows;
    return { type: 'FeatureCollection', features: listed.map((row) => toZoneFeature(row, filter.at)) };
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

  /**
   * What changed between two versions: the area added and removed (PostGIS, m² on the spheroid) and every other
   * field that differs. By default `to` is the current version and `from` the version in force, or the one before.
   */
  async diff(id: string, query: { from?: number; to?: number }): Promise<ZoneDiff> {
    const [row] = await this.zones.findRows({ ids: [id] });
    if (!row) throw new NotFoundException(`No zone with id ${id}`);
    const to = query.to ?? row.version;
    const inForce = row.agreedVersion ?? row.suspension?.version ?? null;
    const from = query.from ?? (inForce !== null && inForce !== to ? inForce : Math.max(1, to - 1));
    for (const [field, version] of [['from', from], ['to', to]] as const) {
      if (version > row.version) throw new NotFoundException(`Zone ${id} has no version ${version} (${field})`);
    }
    const [areas, before, after] = await Promise.all([
      this.zones.geometryDifference(id, from, to),
      this.zones.findVersion(this.zones.manager, id, from),
      this.zones.findVersion(this.zones.manager, id, to),
    ]);
    const comparable = (version: typeof before) => ({
      name: version.name,
      schedule: version.schedule,
      validFrom: version.validFrom?.toISOString() ?? null,
      validUntil: version.validUntil?.toISOString() ?? null,
      notes: version.notes,
      terms: version.terms,
      reviewBy: version.reviewBy,
    });
    const was = comparable(before);
    const now = comparable(after);
    const fields: ZoneFieldChange[] = ZONE_DIFF_FIELDS.filter((field) => canonical(was[field]) !== canonical(now[field])).map((field) => ({
      field,
      before: was[field],
      after: now[field],
    }));
    const scheduleChange = {
      sv: describeScheduleChange(before.schedule, after.schedule, 'sv'),
      en: describeScheduleChange(before.schedule, after.schedule, 'en'),
    };
    return { zoneId: id, from, to, ...areas, fields, scheduleChange };
  }

  /** The position check. The position lives only in this call: it is not stored, logged or put in an error. */
  async check(lat: number, lng: number, radiusMeters: number, at: Date): Promise<ZoneCheckResponse> {
    // From memory when the index is ready (and trusted); else the same question to PostGIS.
    const rows = this.checkIndex.near(lat, lng, radiusMeters) ?? (await this.zones.check(lng, lat, radiusMeters));
    const summaries = rows.map((row) => ({
      inside: row.inside,
      summary: toZoneSummary(row, at, this.schedules.of(row.zone.zoneId, row.zone.version, row.zone.schedule)),
    }));
    return {
      at: at.toISOString(),
      inside: summaries.filter((entry) => entry.inside).map((entry) => entry.summary),
      nearby: summaries.filter((entry) => !entry.inside).map((entry) => entry.summary),
    };
  }

  // ------------------------------------------------------------------ writes

  async create(input: ZoneInput, user: AuthUser): Promise<ZoneFeature> {
    const validity = checkZoneInput(input);
    const terms = input.terms === undefined ? NO_TERMS : checkZoneTerms(input.terms);
    return this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const site = await this.zones.findSiteForZone(manager, input.siteId);
      if (!site) throw badRequest('siteId', 'names no site (it may have been deleted)', 'unknown_reference');
      const denied = manageZonesProblem(user, site.organisationId);
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
        terms,
        reviewBy: input.reviewBy === undefined ? this.defaultReviewBy() : input.reviewBy,
        createdBy: user.id,
      });
      const feature = await this.feature(manager, zoneId);
      await this.audit.record(manager, { actorId: user.id, action: 'create', entity: 'zone', entityId: zoneId, after: feature });
      if (side) await this.recordApproval(manager, { id: zoneId, status: 'proposed', agreedVersion: null }, 1, side, user);
      const created = await this.changed(transaction, side ? await this.feature(manager, zoneId) : feature, 'created', user.id);
      await transaction.raise(DOMAIN_EVENTS.zoneProposed, { zone: created, actor: user, approvedBy: side });
      return created;
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
    const terms = changes.terms === undefined ? undefined : checkZoneTerms(changes.terms);
    return this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const zone = await this.lockForChange(manager, id);
      const denied = manageZonesProblem(user, zone.organisationId);
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
        terms: terms ?? previous.terms,
        reviewBy: changes.reviewBy === undefined ? previous.reviewBy : changes.reviewBy,
        createdBy: user.id,
      });
      // A suspended zone stays out of force: its agreed version was already cleared by the suspension.
      await this.zones.updateZone(manager, id, { currentVersion: version, status: 'proposed', statusReason: null, ...NO_SUSPENSION });
      const after = await this.feature(manager, id);
      await this.audit.record(manager, { actorId: user.id, action: 'update', entity: 'zone', entityId: id, before, after });
      if (side) await this.recordApproval(manager, { id, status: 'proposed', agreedVersion: zone.agreedVersion }, version, side, user);
      const proposed = await this.changed(transaction, side ? await this.feature(manager, id) : after, 'updated', user.id);
      await transaction.raise(DOMAIN_EVENTS.zoneProposed, { zone: proposed, actor: user, approvedBy: side });
      return proposed;
    });
  }

  /** A signatory approves the current version for their side; with both sides it becomes the agreed version. */
  async approve(id: string, version: number, user: AuthUser, shownFrom?: number): Promise<ZoneFeature> {
    return this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const zone = await this.lockForChange(manager, id);
      const side = approvalSideOf(user, zone.organisationId);
      if ('denied' in side) throw new ForbiddenException(side.denied);
      if (zone.status === 'withdrawn') throw new ConflictException('This zone is withdrawn: there is nothing to approve');
      checkVersion('zone', zone.currentVersion, version);
      if (shownFrom !== undefined && shownFrom > zone.currentVersion) {
        throw badRequest('diffFrom', `names no version of this zone (it has ${zone.currentVersion})`, 'unknown_reference');
      }
      await this.recordApproval(manager, zone, version, side.side, user, shownFrom);
      return this.changed(transaction, await this.feature(manager, id), 'updated', user.id);
    });
  }

  /** The signatory's approval of `version` for their side; with the other side's standing approval it is agreed. */
  private async recordApproval(
    manager: EntityManager,
    zone: Pick<LockedZone, 'id' | 'status' | 'agreedVersion'>,
    version: number,
    side: ApprovalSide,
    user: AuthUser,
    shownFrom?: number,
  ): Promise<void> {
    const id = zone.id;
    // The diff the signatory was shown (GET /api/zones/:id/diff): from the version in force, or the one before.
    const diffFrom = shownFrom ?? (zone.agreedVersion !== null && zone.agreedVersion !== version ? zone.agreedVersion : version > 1 ? version - 1 : null);
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
      after: {
        version,
        side,
        userId: user.id,
        organisationId: user.organisationId,
        at: approval.at.toISOString(),
        diff: diffFrom === null ? null : { from: diffFrom, to: version },
      },
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
    return this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const zone = await this.lockForChange(manager, id);
      const denied = suspendZoneProblem(user, zone.organisationId);
      if (denied) throw new ForbiddenException(denied);
      const held = suspensionTarget(zone);
      if ('conflict' in held) throw new ConflictException(SUSPEND_CONFLICT_MESSAGES[held.conflict]);
      // The other side of the agreement: the service that owns the zone, or the police organisations that signed it.
      const policeSigners = (await this.zones.standingApprovals(manager, id, held.version))
        .filter((approval) => approval.side === 'police')
        .map((approval) => approval.organisationId);
      const alertOrganisationIds =
        user.organisationKind === 'police'
          ? [zone.organisationId]
          : user.organisationKind === 'service'
            ? policeSigners
            : [zone.organisationId, ...policeSigners];
      await this.zones.startSuspension(manager, id, {
        reason: input.reason,
        byOrganisationId: user.organisationId,
        until,
        version: held.version,
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
      const feature = await this.changed(transaction, await this.feature(manager, id), 'updated', user.id);
      if (options.notify) {
        await transaction.raise(DOMAIN_EVENTS.zoneSuspended, { zone: feature, actor: user, alertOrganisationIds: [...new Set(alertOrganisationIds)] });
      }
      return feature;
    });
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
    }
  }

  private async endOneLapsedSuspension(now: Date): Promise<ZoneFeature | null> {
    return this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const [lapsed] = await this.zones.lockLapsedSuspensions(manager, now, 1);
      if (!lapsed) return null;
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
      await this.changed(transaction, after, 'updated', SYSTEM_AUTHOR.userId);
      await transaction.raise(DOMAIN_EVENTS.zoneSuspensionEnded, { zone: after });
      return after;
    });
  }

  /**
   * Posts the review notices due by today (30 and 7 days before a zone's `reviewBy`, and on the day), each stage
   * once: the stages are claimed in the database, then one notice per zone names the newest stage reached (after
   * a pause, the older ones it skipped are claimed without a notice of their own). Answers how many were sent.
   */
  async sendReviewNotices(): Promise<number> {
    const today = this.today();
    return this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const claimed = await this.zones.claimReviewNotices(manager, today, ZONE_REVIEW.noticeDaysBefore);
      const newest = new Map<string, { reviewBy: string; daysBefore: number }>();
      for (const claim of claimed) {
        const known = newest.get(claim.zoneId);
        if (!known || claim.daysBefore < known.daysBefore) newest.set(claim.zoneId, claim);
      }
      const rows = newest.size ? await this.zones.findRows({ ids: [...newest.keys()] }, manager) : [];
      for (const row of rows) {
        const { reviewBy, daysBefore } = newest.get(row.id)!;
        const zone = toZoneFeature(row, this.clock.now());
        await transaction.raise(DOMAIN_EVENTS.zoneReviewDue, { zone, reviewBy, daysBefore, daysLeft: daysUntilReview(reviewBy, today) });
      }
      return rows.length;
    });
  }

  /** Ends a zone for good. */
  async withdraw(id: string, reason: string, user: AuthUser): Promise<ZoneFeature> {
    return this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      const zone = await this.lockForChange(manager, id);
      const denied = withdrawZoneProblem(user, zone.organisationId);
      if (denied) throw new ForbiddenException(denied);
      if (zone.status === 'withdrawn') throw new ConflictException('This zone is already withdrawn');
      await this.withdrawLocked(manager, zone, reason, user.id);
      return this.changed(transaction, await this.feature(manager, id), 'updated', user.id);
    });
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
   * purpose); zones without one are withdrawn with the site, in the site's transaction.
   */
  async closeZonesOfDeletedSite(transaction: Transaction, siteId: string, actorId: string): Promise<void> {
    const { manager } = transaction;
    const open = await this.zones.lockOpenZonesOfSite(manager, siteId);
    const agreed = open.filter((zone) => zone.agreedVersion !== null);
    if (agreed.length > 0) {
      const message = `The site has zones under an agreement: ${agreed.map((zone) => `"${zone.name}"`).join(', ')}. Withdraw them before deleting the site`;
      throw new DetailedHttpException(HttpStatus.CONFLICT, [{ field: 'id', message, reason: SITE_CONFLICT_REASONS.zonesUnderAgreement }], message);
    }
    for (const zone of open) {
      await this.withdrawLocked(manager, zone, SITE_DELETED_REASON, actorId);
      await this.changed(transaction, await this.feature(manager, zone.id), 'updated', actorId);
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The last review date `reviewDue` counts: 30 days from today. */
  private reviewDueLimit(): string {
    return DateTime.fromISO(this.today(), { zone: DEFAULT_TIMEZONE }).plus({ days: ZONE_REVIEW.dueWithinDays }).toISODate()!;
  }

  /** New zones propose a review a year ahead. */
  private defaultReviewBy(): string {
    return DateTime.fromISO(this.today(), { zone: DEFAULT_TIMEZONE }).plus({ months: ZONE_REVIEW.defaultMonthsAhead }).toISODate()!;
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

  /** Raises `zone.changed` in the change's transaction: its channel follows now, clients hear once committed. */
  private async changed(transaction: Transaction, zone: ZoneFeature, change: ChangeKind, actorId: string): Promise<ZoneFeature> {
    await transaction.raise(DOMAIN_EVENTS.zoneChanged, { change, zone, organisationId: zone.properties.organisationId!, actorId });
    return zone;
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
    manager: EntityManager = this.zones.manager,
  ): Promise<{ id: string; siteId: string; currentVersion: number; name: string } | null> {
    return this.zones.findLiveZone(manager, id);
  }

  /** Each zone's name in its current version. */
  zoneNames(ids: string[], manager: EntityManager = this.zones.manager): Promise<Map<string, string>> {
    return this.zones.namesOf(manager, ids);
  }

  versionExists(zoneId: string, version: number, manager: EntityManager = this.zones.manager): Promise<boolean> {
    return this.zones.zoneVersionExists(manager, zoneId, version);
  }

  /** How many zones of the organisations' sites (not withdrawn) are due for review: within 30 days, or past. */
  async reviewDueCount(organisationIds: string[]): Promise<number> {
    return this.zones.countReviewDue(organisationIds, this.reviewDueLimit());
  }

  /** How many zones of the organisations' sites were proposed, agreed, suspended and withdrawn in the period. */
  statusChangeCounts(
    organisationIds: string[],
    period: { since: Date; until: Date },
  ): Promise<{ proposed: number; agreed: number; suspended: number; withdrawn: number }> {
    return this.zones.statusChangeCounts(organisationIds, period);
  }
}

/** A value as JSON with sorted keys, so two schedules or terms written in another order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
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

const SUSPEND_CONFLICT_MESSAGES: Record<SuspendConflict, string> = {
  withdrawn: 'This zone is withdrawn',
  suspended: 'This zone is already suspended',
  not_agreed: 'This zone has no agreed version to suspend: a proposal is in force only once both sides approve it',
};

/** The side a proposer who asks to approve at once signs for; anyone else is refused before anything is saved. */
function proposerSide(user: AuthUser, organisationId: string): ApprovalSide {
  const side = approvalSideOf(user, organisationId);
  if ('side' in side) return side.side;
  throw new DetailedHttpException(HttpStatus.FORBIDDEN, [{ field: 'approve', message: side.denied, reason: 'not_a_signatory' }]);
}
