import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { REPORTING_TIME_ZONE } from '@samverkan/contracts';
import type { KitStatus } from '@samverkan/contracts';
import type { KitRegistrationRow, KitUseRow } from './kit-replacements';
import type { KitRow } from './kits.mapper';

export interface KitFilter {
  organisationId?: string;
  statuses?: KitStatus[];
  /** Kits whose expiry day is on or before this day (YYYY-MM-DD). */
  expiresOnOrBefore?: string;
}

export interface KitCounts {
  organisationId: string;
  organisationName: string;
  inService: number;
  expiringSoon: number;
  expired: number;
}

export interface ExpiringKits {
  organisationId: string;
  organisationName: string;
  /** In service, expiring from today through the limit day. */
  expiring: number;
  /** In service, expiry day already passed. */
  expired: number;
  /** The earliest expiry day among the expiring ones (null when none). */
  earliest: string | null;
}

// `expires_on::text` keeps the calendar day as written: pg would turn a date into a JavaScript Date at local midnight.
const KIT_COLUMNS = `k.id, k.organisation_id AS "organisationId", k.label, k.batch, k.expires_on::text AS "expiresOn",
  k.status, k.version, k.used_at AS "usedAt", r.id AS "reportId"`;
// Joins the reports module's field_reports, read only: a kit's list row carries the report its use made.
const KIT_FROM = `naloxone_kits k LEFT JOIN field_reports r ON r.kit_id = k.id`;

/** Naloxone kits in SQL, with the counts the resupply view and the daily notice need. */
@Injectable()
export class KitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: KitFilter): Promise<KitRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    if (filter.organisationId) conditions.push(`k.organisation_id = ${add(filter.organisationId)}`);
    if (filter.statuses) conditions.push(`k.status = ANY(${add(filter.statuses)}::text[])`);
    if (filter.expiresOnOrBefore) conditions.push(`k.expires_on <= ${add(filter.expiresOnOrBefore)}::date`);
    return this.dataSource.query(
      `SELECT ${KIT_COLUMNS} FROM ${KIT_FROM}
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY k.expires_on ASC, k.label ASC, k.id ASC`,
      params,
    );
  }

  async find(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<KitRow | null> {
    const rows = await manager.query(`SELECT ${KIT_COLUMNS} FROM ${KIT_FROM} WHERE k.id = $1 ${options.lock ? 'FOR UPDATE OF k' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, kit: { organisationId: string; label: string; batch: string; expiresOn: string; createdBy: string }): Promise<string> {
    const rows = await manager.query(
      `INSERT INTO naloxone_kits (organisation_id, label, batch, expires_on, status, created_by)
       VALUES ($1, $2, $3, $4::date, 'in_service', $5) RETURNING id`,
      [kit.organisationId, kit.label, kit.batch, kit.expiresOn, kit.createdBy],
    );
    return rows[0].id;
  }

  /** Writes the kit's fields and moves it to the next version. `usedBy`: the officer who recorded a use. */
  async update(
    manager: EntityManager,
    id: string,
    kit: Pick<KitRow, 'label' | 'batch' | 'expiresOn' | 'status' | 'usedAt'> & { usedBy: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE naloxone_kits SET label = $2, batch = $3, expires_on = $4::date, status = $5, used_at = $6, used_by = $7,
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, kit.label, kit.batch, kit.expiresOn, kit.status, kit.usedAt, kit.usedBy],
    );
  }

  /** The kits this officer used in this organisation, oldest use first. */
  async usedBy(userId: string, organisationId: string): Promise<KitUseRow[]> {
    return this.dataSource.query(
      `SELECT id AS "kitId", label, used_at AS "usedAt" FROM naloxone_kits
       WHERE used_by = $1 AND organisation_id = $2 AND status = 'used'
       ORDER BY used_at, id`,
      [userId, organisationId],
    );
  }

  /** The organisation's kits registered after `since`, oldest first: the candidates for replacing a used kit. */
  async registeredSince(organisationId: string, since: Date): Promise<KitRegistrationRow[]> {
    return this.dataSource.query(
      `SELECT id AS "kitId", label, created_by AS "createdBy", created_at AS "createdAt" FROM naloxone_kits
       WHERE organisation_id = $1 AND created_at > $2
       ORDER BY created_at, id`,
      [organisationId, since],
    );
  }

  /** Per police organisation (one, or all), the counts of kits in service as seen on `today`. */
  async countsByOrganisation(today: string, soonDay: string, organisationId?: string): Promise<KitCounts[]> {
    const params: unknown[] = [today, soonDay];
    const onlyOne = organisationId ? `AND o.id = $${params.push(organisationId)}` : '';
    // From people's organisations, read only: a police organisation with no kits must still get its row.
    return this.dataSource.query(
      `SELECT o.id AS "organisationId", o.name AS "organisationName",
         count(k.id) FILTER (WHERE k.status = 'in_service' AND k.expires_on >= $1::date)::int AS "inService",
         count(k.id) FILTER (WHERE k.status = 'in_service' AND k.expires_on >= $1::date AND k.expires_on <= $2::date)::int AS "expiringSoon",
         count(k.id) FILTER (WHERE k.status = 'in_service' AND k.expires_on < $1::date)::int AS expired
       FROM organisations o LEFT JOIN naloxone_kits k ON k.organisation_id = o.id
       WHERE o.kind = 'police' ${onlyOne}
       GROUP BY o.id, o.name
       ORDER BY o.name, o.id`,
      params,
    );
  }

  /** Kits used since `since`, per organisation and month (YYYY-MM in Europe/Stockholm). */
  async usedByMonth(since: Date, organisationId?: string): Promise<{ organisationId: string; month: string; count: number }[]> {
    const params: unknown[] = [since, REPORTING_TIME_ZONE];
    const onlyOne = organisationId ? `AND organisation_id = $${params.push(organisationId)}` : '';
    return this.dataSource.query(
      `SELECT organisation_id AS "organisationId", to_char(used_at AT TIME ZONE $2, 'YYYY-MM') AS month, count(*)::int AS count
       FROM naloxone_kits
       WHERE status = 'used' AND used_at >= $1 ${onlyOne}
       GROUP BY 1, 2`,
      params,
    );
  }

  /** Per organisation, the kits in service whose expiry day is on or before `limitDay`. */
  async expiringByOrganisation(today: string, limitDay: string): Promise<ExpiringKits[]> {
    return this.dataSource.query(
      `SELECT o.id AS "organisationId", o.name AS "organisationName",
         count(*) FILTER (WHERE k.expires_on >= $1::date)::int AS expiring,
         count(*) FILTER (WHERE k.expires_on < $1::date)::int AS expired,
         (min(k.expires_on) FILTER (WHERE k.expires_on >= $1::date))::text AS earliest
       FROM naloxone_kits k JOIN organisations o ON o.id = k.organisation_id
       WHERE k.status = 'in_service' AND k.expires_on <= $2::date
       GROUP BY o.id, o.name
       ORDER BY o.name, o.id`,
      [today, limitDay],
    );
  }
}
