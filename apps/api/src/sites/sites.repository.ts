import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ExportFormat, Point, Schedule, SiteType } from '@samverkan/contracts';
import type { Bbox } from '../common/query-param.validators';

// Every spatial query of the sites feature is here. Locations are geometry(Point, 4326) with a GiST index.

export interface SiteRow {
  id: string;
  organisationId: string;
  name: string;
  type: SiteType;
  location: Point;
  address: string | null;
  openingHours: string | null;
  openingSchedule: Schedule | null;
  description: string | null;
  phone: string | null;
  version: number;
  updatedAt: Date;
}

/** What the map's markers show of a site (findAllMarkers). */
export type SiteMarkerRow = Pick<SiteRow, 'id' | 'name' | 'type' | 'location'>;

export interface SiteFilter {
  ids?: string[];
  bbox?: Bbox;
  types?: SiteType[];
  organisationId?: string;
}

export interface LockedSite {
  id: string;
  organisationId: string;
  version: number;
}

export interface SiteValues {
  organisationId: string;
  name: string;
  type: SiteType;
  location: Point;
  address: string | null;
  openingHours: string | null;
  openingSchedule: Schedule | null;
  description: string | null;
  phone: string | null;
}

export interface SiteExportRow {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  type: SiteType;
  address: string | null;
  openingHours: string | null;
  openingSchedule: Schedule | null;
  description: string | null;
  phone: string | null;
  /** GeoJSON or a KML Point element, as asked. */
  location: Point | string;
}

const COLUMNS: Record<Exclude<keyof SiteValues, 'location' | 'openingSchedule'>, string> = {
  organisationId: 'organisation_id',
  name: 'name',
  type: 'type',
  address: 'address',
  openingHours: 'opening_hours',
  description: 'description',
  phone: 'phone',
};

/** A point from [longitude, latitude] (an altitude is dropped). */
const POINT = (lng: string, lat: string) => `ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`;

/** A schedule as a jsonb parameter: serialised here, since drivers differ in how they send a plain object. */
const scheduleParameter = (schedule: Schedule | null) => (schedule === null ? null : JSON.stringify(schedule));

@Injectable()
export class SitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside any transaction: for reads other modules make without one of their own. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async findRows(filter: SiteFilter, manager: EntityManager = this.dataSource.manager): Promise<SiteRow[]> {
    const where = ['deleted_at IS NULL'];
    const parameters: unknown[] = [];
    const add = (value: unknown) => `$${parameters.push(value)}`;
    if (filter.ids) where.push(`id = ANY(${add(filter.ids)}::uuid[])`);
    if (filter.types) where.push(`type = ANY(${add(filter.types)}::text[])`);
    if (filter.organisationId) where.push(`organisation_id = ${add(filter.organisationId)}`);
    if (filter.bbox) {
      // && uses the GiST index; a point on the box's edge is inside it.
      where.push(`location && ST_MakeEnvelope(${filter.bbox.map(add).join(', ')}, 4326)`);
    }
    return manager.query(
      `SELECT id, organisation_id AS "organisationId", name, type, ST_AsGeoJSON(location, 15)::json AS location,
              address, opening_hours AS "openingHours", opening_schedule AS "openingSchedule", description, phone, version,
              updated_at AS "updatedAt"
       FROM sites
       WHERE ${where.join(' AND ')}
       ORDER BY name, id`,
      parameters,
    );
  }

  /**
   * What changes whenever the list of live sites does: an insert adds a row, an update raises a version, a
   * deletion lowers the live count. Not max(updated_at): a transaction that began earlier can commit later with
   * an older timestamp. One scan of the table, without building a single site; the list's ETag is made from it.
   */
  async listFingerprint(): Promise<string> {
    const [row]: { total: string; live: string; versions: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE deleted_at IS NULL) AS live, sum(version) AS versions FROM sites`,
    );
    return `${row.total}-${row.live}-${row.versions ?? 0}`;
  }

  /** Every live site for the compact list, coordinates to 7 decimals (about 1 cm). */
  async findAllCompact(): Promise<SiteRow[]> {
    return this.dataSource.query(
      `SELECT id, organisation_id AS "organisationId", name, type, ST_AsGeoJSON(location, 7)::json AS location,
              address, opening_hours AS "openingHours", opening_schedule AS "openingSchedule", description, phone, version,
              updated_at AS "updatedAt"
       FROM sites
       WHERE deleted_at IS NULL
       ORDER BY name, id`,
    );
  }

  /** Every live site's marker: id, name, type and place, coordinates to 7 decimals as in the compact list. */
  async findAllMarkers(): Promise<SiteMarkerRow[]> {
    return this.dataSource.query(
      `SELECT id, name, type, ST_AsGeoJSON(location, 7)::json AS location
       FROM sites
       WHERE deleted_at IS NULL
       ORDER BY name, id`,
    );
  }

  async insert(manager: EntityManager, values: SiteValues, createdBy: string): Promise<string> {
    const [lng, lat] = values.location.coordinates;
    const [row] = await manager.query(
      `INSERT INTO sites (organisation_id, name, type, location, address, opening_hours, opening_schedule, description, phone, created_by)
       VALUES ($1, $2, $3, ${POINT('$4', '$5')}, $6, $7, $8::jsonb, $9, $10, $11)
       RETURNING id`,
      [
        values.organisationId,
        values.name,
        values.type,
        lng,
        lat,
        values.address,
        values.openingHours,
        scheduleParameter(values.openingSchedule),
        values.description,
        values.phone,
        createdBy,
      ],
    );
    return row.id;
  }

  /** A site that is not deleted, locked for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<LockedSite | null> {
    const rows = await manager.query(
      `SELECT id, organisation_id AS "organisationId", version FROM sites WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async update(manager: EntityManager, id: string, changes: Partial<SiteValues>): Promise<void> {
    const sets = ['version = version + 1', 'updated_at = now()'];
    const parameters: unknown[] = [id];
    const add = (value: unknown) => `$${parameters.push(value)}`;
    for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
      if (changes[key] !== undefined) sets.push(`${column} = ${add(changes[key])}`);
    }
    if (changes.openingSchedule !== undefined) sets.push(`opening_schedule = ${add(scheduleParameter(changes.openingSchedule))}::jsonb`);
    if (changes.location) {
      const [lng, lat] = changes.location.coordinates;
      sets.push(`location = ${POINT(add(lng), add(lat))}`);
    }
    await manager.query(`UPDATE sites SET ${sets.join(', ')} WHERE id = $1`, parameters);
  }

  async markDeleted(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE sites SET deleted_at = now(), updated_at = now() WHERE id = $1`, [id]);
  }

  /** Joins the people module's organisations, read only: the export names each site's organisation in one query. */
  async findForExport(format: ExportFormat): Promise<SiteExportRow[]> {
    const location = format === 'kml' ? 'ST_AsKML(s.location, 15)' : 'ST_AsGeoJSON(s.location, 15)::json';
    return this.dataSource.query(
      `SELECT s.id, s.organisation_id AS "organisationId", o.name AS "organisationName", s.name, s.type, s.address,
              s.opening_hours AS "openingHours", s.opening_schedule AS "openingSchedule", s.description, s.phone, ${location} AS location
       FROM sites s JOIN organisations o ON o.id = s.organisation_id
       WHERE s.deleted_at IS NULL
       ORDER BY s.name, s.id`,
    );
  }

  /** A site that has not been deleted: its id and name. */
  async findLiveName(manager: EntityManager, id: string): Promise<{ id: string; name: string } | null> {
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM sites WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Whether the organisation runs at least one (not deleted) site of this type. */
  async organisationRunsType(organisationId: string, type: SiteType): Promise<boolean> {
    const rows: { runs: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM sites WHERE organisation_id = $1 AND type = $2 AND deleted_at IS NULL) AS runs`,
      [organisationId, type],
    );
    return rows[0].runs;
  }

  /** Names of these sites, deleted ones included (old minutes still name them). */
  async namesOf(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM sites WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
