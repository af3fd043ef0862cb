import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { changeReportStatusProblem, organisationSeesEveryReport, REPORT_LIMITS, seesEveryReport } from '@samverkan/contracts';
import type { FieldReport, Organisation, ReportCategory, ReportStats, ReportStatsGroup, ReportStatsGroupBy, ReportStatus } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { refuseIdentifyingText } from '../common/identifying-text';
import { checkVersion } from '../common/version-check';
import { PeopleService } from '../people/people.service';
import { FieldReportEntity } from './entities/field-report.entity';
import { occurredAtProblem } from './report-rules';
import { countsByCategory, countsByWeek, WeekCategoryCount } from './report-weeks';
import { toReportDto } from './reports.mapper';
import { ReportFilter, ReportsRepository, ReportViewer } from './reports.repository';

const DAY_MS = 86_400_000;

export interface ReportInput {
  category: ReportCategory;
  siteId?: string | null;
  zoneId?: string | null;
  occurredAt: Date;
  body: string;
}

export interface StatsRange {
  since?: Date;
  until?: Date;
  groupBy: ReportStatsGroupBy;
  siteId?: string;
}

function viewerOf(user: AuthUser): ReportViewer {
  return { seesAll: seesEveryReport(user), organisationIds: [user.organisationId] };
}

/** An organisation as a viewer: what every one of its members may see. */
function organisationViewerOf(organisation: Pick<Organisation, 'id' | 'kind'>): ReportViewer {
  return { seesAll: organisationSeesEveryReport(organisation.kind), organisationIds: [organisation.id] };
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly people: PeopleService,
  ) {}

  async create(input: ReportInput, user: AuthUser): Promise<FieldReport> {
    return this.dataSource.transaction((manager) =>
      this.createInTransaction(manager, input, { organisationId: user.organisationId, authorId: user.id, kitId: null }),
    );
  }

  /**
   * Checks and stores a report inside the caller's transaction (a kit's use creates its report with the kit's
   * change). `occurredAtField` names the time in error messages where the request calls it differently (a kit's `usedAt`).
   */
  async createInTransaction(
    manager: EntityManager,
    input: ReportInput,
    origin: { organisationId: string; authorId: string; kitId: string | null },
    occurredAtField = 'occurredAt',
  ): Promise<FieldReport> {
    const timeProblem = occurredAtProblem(input.occurredAt, this.clock.now());
    if (timeProblem) throw badRequest(occurredAtField, timeProblem);
    refuseIdentifyingText('body', input.body);
    const place = await this.resolvePlace(manager, input.siteId ?? null, input.zoneId ?? null);
    const saved = await this.reports.insert(manager, {
      category: input.category,
      siteId: place.siteId,
      zoneId: place.zoneId,
      occurredAt: input.occurredAt,
      body: input.body,
      organisationId: origin.organisationId,
      authorId: origin.authorId,
      kitId: origin.kitId,
    });
    return toReportDto(saved);
  }

  async list(user: AuthUser, filter: ReportFilter, limit: number = REPORT_LIMITS.defaultListLimit): Promise<FieldReport[]> {
    const rows = await this.reports.list(viewerOf(user), filter, limit);
    return rows.map(toReportDto);
  }

  /** The report, if the caller may see it (404 otherwise: an invisible report is as good as unknown). */
  async get(id: string, user: AuthUser): Promise<FieldReport> {
    const report = await this.reports.findVisible(this.dataSource.manager, id, viewerOf(user));
    if (!report) throw new NotFoundException(`No report with id ${id}`);
    return toReportDto(report);
  }

  /**
   * For the meetings module: the ids of the organisations among these that may not see the report (a linked
   * report shows in a meeting's agenda and minutes to every organisation taking part). In the caller's transaction.
   */
  async organisationsNotSeeing(manager: EntityManager, reportId: string, organisationIds: string[]): Promise<string[]> {
    const hidden: string[] = [];
    for (const organisation of await this.people.organisationsByIds(organisationIds, manager)) {
      if (!(await this.reports.findVisible(manager, reportId, organisationViewerOf(organisation)))) hidden.push(organisation.id);
    }
    return hidden;
  }

  async updateStatus(id: string, input: { version: number; status: ReportStatus }, user: AuthUser): Promise<FieldReport> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.reports.findVisible(manager, id, viewerOf(user), { lock: true });
      if (!current) throw new NotFoundException(`No report with id ${id}`);
      const denied = changeReportStatusProblem(user, current, current.siteOrganisationId);
      if (denied) throw new ForbiddenException(denied);
      checkVersion('report', current.version, input.version);
      if (current.status === input.status) return toReportDto(current);
      const updated = await this.reports.setStatus(manager, id, input.status);
      await this.recordStatusChange(manager, current, updated, user.id);
      return toReportDto(updated);
    });
  }

  /**
   * For the meetings module, when a meeting's minutes are exported: the open reports among these become
   * `discussed` (closed and already discussed ones are left alone), each change audited. Runs in the
   * caller's transaction when one is given. Answers the reports it changed.
   */
  async markDiscussed(reportIds: string[], actorId: string | null, manager?: EntityManager): Promise<FieldReport[]> {
    if (reportIds.length === 0) return [];
    const work = async (transaction: EntityManager) => {
      const changed = await this.reports.markOpenDiscussed(transaction, [...new Set(reportIds)]);
      for (const report of changed) {
        await this.recordStatusChange(transaction, { status: 'open', version: report.version - 1 }, report, actorId, 'discuss');
      }
      return changed.map(toReportDto);
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  async stats(range: StatsRange, user: AuthUser): Promise<ReportStats> {
    const until = range.until ?? this.clock.now();
    const since = range.since ?? new Date(until.getTime() - REPORT_LIMITS.defaultStatsDays * DAY_MS);
    if (since.getTime() >= until.getTime()) throw badRequest('since', 'must be earlier than until', 'ends_before_start');
    if (until.getTime() - since.getTime() > REPORT_LIMITS.maxStatsDays * DAY_MS) {
      throw badRequest('since', `the range may span at most ${REPORT_LIMITS.maxStatsDays} days`, 'out_of_range');
    }
    const viewer = viewerOf(user);
    const groups = await this.countGroups(range.groupBy, viewer, { since, until, siteId: range.siteId });
    return { since: since.toISOString(), until: until.toISOString(), groupBy: range.groupBy, groups };
  }

  /** A meeting's "since last meeting": the reports by or about its organisations in the period, per week and category. */
  countByWeekAndCategory(organisationIds: string[], period: { since: Date; until: Date }): Promise<WeekCategoryCount[]> {
    return this.reports.countByWeekAndCategory({ seesAll: false, organisationIds }, period);
  }

  private async countGroups(
    groupBy: ReportStatsGroupBy,
    viewer: ReportViewer,
    filter: ReportFilter & { since: Date; until: Date },
  ): Promise<ReportStatsGroup[]> {
    switch (groupBy) {
      case 'category': {
        const counts = countsByCategory(await this.reports.countByCategory(viewer, filter));
        return Object.entries(counts).map(([key, count]) => ({ key, count }));
      }
      case 'site': {
        const rows = await this.reports.countBySite(viewer, filter);
        return rows.map((row) => ({ key: row.siteId ?? 'none', count: row.count, label: row.name }));
      }
      case 'week': {
        const weeks = countsByWeek(filter, await this.reports.countByWeekAndCategory(viewer, filter));
        return weeks.map(({ week, count, categories }) => ({ key: week, count, categories }));
      }
    }
  }

  private async resolvePlace(
    manager: EntityManager,
    siteId: string | null,
    zoneId: string | null,
  ): Promise<{ siteId: string | null; zoneId: string | null }> {
    if (zoneId === null) {
      if (siteId !== null && !(await this.reports.findSite(manager, siteId))) {
        throw badRequest('siteId', 'names no site (it may have been deleted)', 'unknown_reference');
      }
      return { siteId, zoneId: null };
    }
    // The zone's lookup checks (and share-locks) its site, so a siteId given with it need only be the same.
    const zone = await this.reports.findZone(manager, zoneId);
    if (!zone) throw badRequest('zoneId', 'names no zone (its site may have been deleted)', 'unknown_reference');
    if (siteId !== null && zone.siteId !== siteId) throw badRequest('zoneId', 'is a zone around another site than siteId', 'unknown_reference');
    // A report about a zone is also about the zone's site: it shows on the site's panel and counts for it.
    return { siteId: zone.siteId, zoneId };
  }

  private async recordStatusChange(
    manager: EntityManager,
    before: Pick<FieldReportEntity, 'status' | 'version'>,
    after: FieldReportEntity,
    actorId: string | null,
    action = 'status',
  ): Promise<void> {
    await this.audit.record(manager, {
      actorId,
      action,
      entity: 'report',
      entityId: after.id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version },
    });
  }

  /** Category and day of these reports, for the minutes; no visibility check (the caller has made it). */
  reportFacts(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { category: ReportCategory; occurredAt: Date }>> {
    return this.reports.factsOf(manager, ids);
  }
}
