import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KIT_LIMITS, kitListScope, kitStatsScope, managesKits, seesKit, seesKitStats } from '@samverkan/contracts';
import type { Kit, KitReplacement, KitStats, KitStatus, UseKitResponse } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { refuseIdentifyingText } from '../common/identifying-text';
import { checkVersion } from '../common/version-check';
import { PeopleService } from '../people/people.service';
import { ReportsService } from '../reports/reports.service';
import { SitesService } from '../sites/sites.service';
import { addDays, lastMonths, localToday, startOfMonthsAgo } from '../common/calendar-dates';
import { pendingReplacements } from './kit-replacements';
import { KitRow, toKitDto, toKitRecord } from './kits.mapper';
import { KitsRepository } from './kits.repository';

/** The report a kit's use creates when the officer writes nothing: no position, no person. */
export const KIT_USE_REPORT_BODY = 'Naloxonkit användes vid en överdos. / A naloxone kit was used at an overdose.';

export interface KitListOptions {
  expiringWithinDays?: number;
  statuses?: KitStatus[];
  organisationId?: string;
}

export interface KitChanges {
  version: number;
  label?: string;
  batch?: string;
  expiresOn?: string;
  status?: Exclude<KitStatus, 'used'>;
}

export interface KitUse {
  usedAt: Date;
  siteId?: string | null;
  zoneId?: string | null;
  body?: string;
}

/** Kits are registered, changed and used by the police organisation that carries them. */
function ensurePolice(user: AuthUser): void {
  if (!managesKits(user)) throw new ForbiddenException("Only police users register, change and use their organisation's naloxone kits");
}

@Injectable()
export class KitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kits: KitsRepository,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly sites: SitesService,
  ) {}

  /** Police: their organisation's kits; coordinators and administrators: every organisation's. */
  async list(options: KitListOptions, user: AuthUser): Promise<Kit[]> {
    const scope = kitListScope(user);
    if (scope === null) {
      throw new ForbiddenException('Kits are listed for police users, coordinators and administrators; naloxone sites see the counts at /api/kits/stats');
    }
    const organisationId = scope === 'own' ? user.organisationId : options.organisationId;
    const today = localToday(this.clock.now());
    const rows = await this.kits.list({
      organisationId,
      statuses: options.statuses,
      expiresOnOrBefore: options.expiringWithinDays === undefined ? undefined : addDays(today, options.expiringWithinDays),
    });
    return rows.map((row) => toKitDto(row, today));
  }

  async get(id: string, user: AuthUser): Promise<Kit> {
    const kit = await this.kits.find(this.dataSource.manager, id);
    if (!kit || !seesKit(user, kit)) throw new NotFoundException(`No kit with id ${id}`);
    return toKitDto(kit, localToday(this.clock.now()));
  }

  async create(input: { label: string; batch: string; expiresOn: string }, user: AuthUser): Promise<Kit> {
    ensurePolice(user);
    await this.checkLabel(input.label, user.organisationId);
    return this.dataSource.transaction(async (manager) => {
      const id = await this.kits.insert(manager, { ...input, organisationId: user.organisationId, createdBy: user.id });
      const kit = (await this.kits.find(manager, id))!;
      await this.audit.record(manager, { actorId: user.id, action: 'create', entity: 'kit', entityId: id, after: toKitRecord(kit) });
      return toKitDto(kit, localToday(this.clock.now()));
    });
  }

  async update(id: string, changes: KitChanges, user: AuthUser): Promise<Kit> {
    ensurePolice(user);
    if (changes.label !== undefined) await this.checkLabel(changes.label, user.organisationId);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findOwnLocked(manager, id, user);
      checkVersion('kit', current.version, changes.version);
      if (current.status === 'used') throw new ConflictException('This kit has been used; a used kit is no longer changed');
      await this.kits.update(manager, id, {
        label: changes.label ?? current.label,
        batch: changes.batch ?? current.batch,
        expiresOn: changes.expiresOn ?? current.expiresOn,
        status: changes.status ?? current.status,
        usedAt: null,
        usedBy: null,
      });
      const updated = (await this.kits.find(manager, id))!;
      const action = updated.status === 'discarded' && current.status !== 'discarded' ? 'discard' : 'update';
      await this.audit.record(manager, { actorId: user.id, action, entity: 'kit', entityId: id, before: toKitRecord(current), after: toKitRecord(updated) });
      return toKitDto(updated, localToday(this.clock.now()));
    });
  }

  /**
   * Records a use: the kit becomes `used` and an `overdose_response` report is created in the same
   * transaction, linking the kit. The report holds no position and no person, only the site or zone if given.
   */
  async use(id: string, input: KitUse, user: AuthUser): Promise<UseKitResponse> {
    ensurePolice(user);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findOwnLocked(manager, id, user);
      if (current.status !== 'in_service') {
        throw new ConflictException(`This kit is ${current.status === 'used' ? 'already used' : 'discarded'}; only a kit in service can be used`);
      }
      const report = await this.reports.createInTransaction(
        manager,
        { category: 'overdose_response', siteId: input.siteId, zoneId: input.zoneId, occurredAt: input.usedAt, body: input.body ?? KIT_USE_REPORT_BODY },
        { organisationId: current.organisationId, authorId: user.id, kitId: id },
        'usedAt',
      );
      await this.kits.update(manager, id, { ...current, status: 'used', usedAt: input.usedAt, usedBy: user.id });
      const used = (await this.kits.find(manager, id))!;
      await this.audit.record(manager, { actorId: user.id, action: 'use', entity: 'kit', entityId: id, before: toKitRecord(current), after: toKitRecord(used) });
      return { kit: toKitDto(used, localToday(this.clock.now())), report };
    });
  }

  /**
   * The kits the caller used that no new kit has replaced yet (see kit-replacements.ts), so the app keeps
   * reminding them to get one. Only the officer's own uses: nothing about anyone else.
   */
  async replacements(user: AuthUser): Promise<KitReplacement[]> {
    ensurePolice(user);
    const uses = await this.kits.usedBy(user.id, user.organisationId);
    if (uses.length === 0) return [];
    const registrations = await this.kits.registeredSince(user.organisationId, uses[0].usedAt);
    return pendingReplacements(uses, registrations, user.id).map((use) => ({ kitId: use.kitId, label: use.label, usedAt: use.usedAt.toISOString() }));
  }

  /**
   * Counts per police organisation: police see their own; coordinators, administrators and the staff of
   * organisations that run a naloxone site see every police organisation (to plan resupply).
   */
  async stats(user: AuthUser): Promise<KitStats[]> {
    const scope = kitStatsScope(user);
    if (scope === 'naloxone_site_staff' && !seesKitStats(user, await this.sites.organisationRunsType(user.organisationId, 'naloxone'))) {
      throw new ForbiddenException('Kit counts are for police, coordinators and the staff of naloxone sites');
    }
    const organisationId = scope === 'own' ? user.organisationId : undefined;
    const now = this.clock.now();
    const today = localToday(now);
    const months = lastMonths(now, KIT_LIMITS.usedByMonths);
    const counts = await this.kits.countsByOrganisation(today, addDays(today, KIT_LIMITS.expiringSoonDays), organisationId);
    const used = await this.kits.usedByMonth(startOfMonthsAgo(now, KIT_LIMITS.usedByMonths), organisationId);
    return counts.map((row) => ({
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      inService: row.inService,
      expiringWithin60Days: row.expiringSoon,
      expired: row.expired,
      usedByMonth: months.map((month) => ({
        month,
        count: used.find((entry) => entry.organisationId === row.organisationId && entry.month === month)?.count ?? 0,
      })),
    }));
  }

  /** The caller's own organisation's kit, row-locked; another organisation's kit is as good as unknown. */
  private async findOwnLocked(manager: EntityManager, id: string, user: AuthUser): Promise<KitRow> {
    const kit = await this.kits.find(manager, id, { lock: true });
    if (!kit || kit.organisationId !== user.organisationId) throw new NotFoundException(`No kit with id ${id}`);
    return kit;
  }

  /** A label names a unit or a vehicle: nothing that identifies a person, and not a colleague's name. */
  private async checkLabel(label: string, organisationId: string): Promise<void> {
    refuseIdentifyingText('label', label);
    if (await this.people.isUserDisplayName(organisationId, label)) {
      throw badRequest('label', "must name a unit or a vehicle, not a person (it is a user's name)", 'names_a_person');
    }
  }
}
