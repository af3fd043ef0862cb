import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { REPORTING_TIME_ZONE } from '@samverkan/contracts';
import type { ReportCategory, ReportStatus } from '@samverkan/contracts';
import { FieldReportEntity } from './entities/field-report.entity';
import type { WeekCategoryCount } from './report-weeks';

/** Whose reports a query may see: every report, or those of and about some organisations (a user's, a meeting's). */
export interface ReportViewer {
  seesAll: boolean;
  organisationIds: string[];
}

export interface ReportFilter {
  siteId?: string;
  zoneId?: string;
  categories?: ReportCategory[];
  statuses?: ReportStatus[];
  since?: Date;
  until?: Date;
}

export interface NewReport {
  category: ReportCategory;
  siteId: string | null;
  zoneId: string | null;
  occurredAt: Date;
  body: string;
  organisationId: string;
  authorId: string;
  kitId: string | null;
}

/** A report with the organisation of the site it is about (null when it is about no site). */
export type LocatedReport = FieldReportEntity & { siteOrganisationId: string | null };

const COLUMNS: Record<keyof FieldReportEntity, string> = {
  id: 'id',
  category: 'category',
  siteId: 'site_id',
  zoneId: 'zone_id',
  occurredAt: 'occurred_at',
  body: 'body',
  organisationId: 'organisation_id',
  authorId: 'author_id',
  status: 'status',
  version: 'version',
  kitId: 'kit_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

function reportColumns(alias?: string): string {
  return Object.entries(COLUMNS)
    .map(([property, column]) => `${alias ? `${alias}.` : ''}${column} AS "${property}"`)
    .join(', ');
}

/** Positional parameters for a query built from optional parts. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The visibility rule as SQL over `r` (field_reports) and `s` (its site, left-joined). */
function visibleTo(viewer: ReportViewer, params: Params): string {
  if (viewer.seesAll) return 'TRUE';
  const organisations = params.add(viewer.organisationIds);
  return `(r.organisation_id = ANY(${organisations}::uuid[]) OR s.organisation_id = ANY(${organisations}::uuid[]))`;
}

function filterConditions(filter: ReportFilter, params: Params): string[] {
  const conditions: string[] = [];
  if (filter.siteId) conditions.push(`r.site_id = ${params.add(filter.siteId)}`);
  if (filter.zoneId) conditions.push(`r.zone_id = ${params.add(filter.zoneId)}`);
  if (filter.categories) conditions.push(`r.category = ANY(${params.add(filter.categories)}::text[])`);
  if (filter.statuses) conditions.push(`r.status = ANY(${params.add(filter.statuses)}::text[])`);
  if (filter.since) conditions.push(`r.occurred_at >= ${params.add(filter.since)}`);
  if (filter.until) conditions.push(`r.occurred_at < ${params.add(filter.until)}`);
  return conditions;
}

/**
 * Field reports in SQL, with reads of the sites and zones tables for what a report refers to (the site's
 * organisation decides who sees a report; a zone's site becomes the report's site).
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Both lookups share-lock the site, as a zone's does: the site cannot be deleted while a report about it is written.
  // So they read the sites and zones tables here, read only, in the statement that takes the lock; the visibility
  // queries below join sites for the same reason (who sees a report depends on its site's organisation).

  /** A site that has not been deleted, with its organisation. */
  async findSite(manager: EntityManager, id: string): Promise<{ id: string; organisationId: string } | null> {
    const rows = await manager.query(
      `SELECT id, organisation_id AS "organisationId" FROM sites WHERE id = $1 AND deleted_at IS NULL FOR SHARE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A zone whose site has not been deleted, with that site. */
  async findZone(manager: EntityManager, id: string): Promise<{ id: string; siteId: string } | null> {
    const rows = await manager.query(
      `SELECT z.id, z.site_id AS "siteId" FROM zones z JOIN sites s ON s.id = z.site_id WHERE z.id = $1 AND s.deleted_at IS NULL FOR SHARE OF s`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, report: NewReport): Promise<FieldReportEntity> {
    const rows = await manager.query(
      `INSERT INTO field_reports (category, site_id, zone_id, occurred_at, body, organisation_id, author_id, kit_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING ${reportColumns()}`,
      [report.category, report.siteId, report.zoneId, report.occurredAt, report.body, report.organisationId, report.authorId, report.kitId],
    );
    return rows[0];
  }

  /** The report if the viewer may see it; with `lock`, row-locked for an update in the caller's transaction. */
  async findVisible(manager: EntityManager, id: string, viewer: ReportViewer, options: { lock?: boolean } = {}): Promise<LocatedReport | null> {
    const params = new Params();
    const idParam = params.add(id);
    const rows = await manager.query(
      `SELECT ${reportColumns('r')}, s.organisation_id AS "siteOrganisationId"
       FROM field_reports r LEFT JOIN sites s ON s.id = r.site_id
       WHERE r.id = ${idParam} AND ${visibleTo(viewer, params)}
       ${options.lock ? 'FOR UPDATE OF r' : ''}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  async list(viewer: ReportViewer, filter: ReportFilter, limit: number): Promise<FieldReportEntity[]> {
    const params = new Params();
    const conditions = [visibleTo(viewer, params), ...filterConditions(filter, params)];
    return this.dataSource.query(
      `SELECT ${reportColumns('r')}
       FROM field_reports r LEFT JOIN sites s ON s.id = r.site_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY r.occurred_at DESC, r.created_at DESC, r.id DESC
       LIMIT ${params.add(limit)}`,
      params.values,
    );
  }

  async setStatus(manager: EntityManager, id: string, status: ReportStatus): Promise<FieldReportEntity> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await manager.query(
      `UPDATE field_reports SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${reportColumns()}`,
      [id, status],
    );
    return rows[0];
  }

  /** Marks the open ones among these reports discussed; closed and already discussed reports stay as they are. */
  async markOpenDiscussed(manager: EntityManager, ids: string[]): Promise<FieldReportEntity[]> {
    const [rows] = await manager.query(
      `UPDATE field_reports SET status = 'discussed', version = version + 1, updated_at = now()
       WHERE id = ANY($1::uuid[]) AND status = 'open'
       RETURNING ${reportColumns()}`,
      [ids],
    );
    return rows;
  }

  async countByCategory(viewer: ReportViewer, filter: ReportFilter): Promise<{ category: ReportCategory; count: number }[]> {
    const params = new Params();
    const conditions = [visibleTo(viewer, params), ...filterConditions(filter, params)];
    return this.dataSource.query(
      `SELECT r.category, count(*)::int AS count
       FROM field_reports r LEFT JOIN sites s ON s.id = r.site_id
       WHERE ${conditions.join(' AND ')}
       GROUP BY r.category`,
      params.values,
    );
  }

  /** Counts per site (null: about no site), with the site's name, the largest first. */
  async countBySite(viewer: ReportViewer, filter: ReportFilter): Promise<{ siteId: string | null; name: string | null; count: number }[]> {
    const params = new Params();
    const conditions = [visibleTo(viewer, params), ...filterConditions(filter, params)];
    return this.dataSource.query(
      `SELECT r.site_id AS "siteId", min(s.name) AS name, count(*)::int AS count
       FROM field_reports r LEFT JOIN sites s ON s.id = r.site_id
       WHERE ${conditions.join(' AND ')}
       GROUP BY r.site_id
       ORDER BY count DESC, name ASC NULLS LAST`,
      params.values,
    );
  }

  /** Counts per ISO week (`2026-W48`, in the reporting time zone) and category. */
  async countByWeekAndCategory(viewer: ReportViewer, filter: ReportFilter): Promise<WeekCategoryCount[]> {
    const params = new Params();
    const conditions = [visibleTo(viewer, params), ...filterConditions(filter, params)];
    const zone = params.add(REPORTING_TIME_ZONE);
    return this.dataSource.query(
      `SELECT to_char(r.occurred_at AT TIME ZONE ${zone}, 'IYYY-"W"IW') AS week, r.category, count(*)::int AS count
       FROM field_reports r LEFT JOIN sites s ON s.id = r.site_id
       WHERE ${conditions.join(' AND ')}
       GROUP BY 1, 2`,
      params.values,
    );
  }

  /** Category and day of these reports: what the minutes say about them (never their text or author). */
  async factsOf(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, { category: ReportCategory; occurredAt: Date }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; category: ReportCategory; occurredAt: Date }[] = await manager.query(
      `SELECT id, category, occurred_at AS "occurredAt" FROM field_reports WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { category: row.category, occurredAt: row.occurredAt }]));
  }
}
