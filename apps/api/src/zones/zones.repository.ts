import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ZONE_SNAPSHOT_STATUSES } from '@samverkan/contracts';
import type { ExportFormat, MultiPolygon, Schedule, ZoneApproval, ZoneGeometry, ZoneStatus, ZoneTerms } from '@samverkan/contracts';
import type { Bbox } from '../common/query-param.validators';
import { degreeMargins } from '../common/geo-input';
import { ZoneApprovalEntity } from './entities/zone-approval.entity';
import { ZoneVersionEntity } from './entities/zone-version.entity';
import { ZoneEntity } from './entities/zone.entity';

// Every spatial query of the zones feature is here. Geometry is stored as geometry(MultiPolygon, 4326);
// distances and areas are computed on geography (metres, on the spheroid), and every spatial filter
// first narrows by bounding box (`&&`) so the GiST index on zone_versions.geom is used.

/** GeoJSON of a stored version as the client sent it: a Polygon comes back as a Polygon. */
const VERSION_GEOJSON = (alias: string) =>
  `ST_AsGeoJSON(CASE WHEN ${alias}.geometry_type = 'Polygon' THEN ST_GeometryN(${alias}.geom, 1) ELSE ${alias}.geom END, 15)::json`;

/** Timestamps inside json_build_object, written as ISO 8601 UTC whatever the session's time zone. */
const ISO_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Circles have 64 sides (16 per quarter): within 0.2 % of the true radius, and few enough positions. */
const CIRCLE_SEGMENTS = 'quad_segs=16';

export interface ZoneVersionData {
  version: number;
  name: string;
  geometry: ZoneGeometry;
  schedule: Schedule | null;
  validFrom: Date | null;
  validUntil: Date | null;
  notes: string | null;
  terms: ZoneTerms;
  reviewBy: string | null;
}

export interface ZoneRow {
  id: string;
  siteId: string;
  organisationId: string;
  status: ZoneStatus;
  version: number;
  agreedVersion: number | null;
  statusReason: string | null;
  updatedAt: Date;
  suspension: SuspensionData | null;
  current: ZoneVersionData;
  /** The agreed version (while suspended: the one the suspension holds back) when it is not the current one. */
  agreed: ZoneVersionData | null;
  /** Standing approvals of the current and the agreed version. */
  approvals: ZoneApproval[];
}

/** A running suspension as stored; `version` is the agreed version it holds back (null: none comes back). */
export interface SuspensionData {
  byOrganisationId: string;
  byOrganisationName: string;
  since: Date;
  reason: string;
  until: Date | null;
  version: number | null;
}

export interface ZoneFilter {
  ids?: string[];
  siteId?: string;
  statuses?: ZoneStatus[];
  bbox?: Bbox;
  /** Only zones whose version in force (or, with none agreed, current one) is to be reviewed by this date. */
  reviewByAtMost?: string;
}

export interface LockedZone {
  id: string;
  siteId: string;
  organisationId: string;
  status: ZoneStatus;
  currentVersion: number;
  agreedVersion: number | null;
}

export interface SiteForZone {
  id: string;
  organisationId: string;
  name: string;
}

export interface GeometryMeasure {
  valid: boolean;
  /** PostGIS's ST_IsValidReason, e.g. "Self-intersection[13.0005 55.6005]". */
  reason: string;
  /** False when the shape's bounding box reaches beyond `maxDistanceMeters` of the site: then it is too far, whatever its exact shape. */
  nearSite: boolean;
  /** When not near: whether it would be near with longitude and latitude swapped (a common mistake). */
  nearIfSwapped: boolean;
  /** Null when invalid or not near the site (not measured). */
  areaSquareMeters: number | null;
  /** The largest distance from the site to any point of the zone (its farthest vertex). */
  farthestMeters: number | null;
}

export type GeometrySource =
  | { kind: 'geojson'; geometry: ZoneGeometry }
  | { kind: 'circle'; radiusMeters: number }
  | { kind: 'previous'; version: number };

export interface NewVersion {
  zoneId: string;
  version: number;
  name: string;
  source: GeometrySource;
  schedule: Schedule | null;
  validFrom: Date | null;
  validUntil: Date | null;
  notes: string | null;
  terms: ZoneTerms;
  reviewBy: string | null;
  createdBy: string | null;
}

/** A zone as the check reports it: the version in force, with what decides whether it is in force now. */
export interface CheckedZone {
  zoneId: string;
  /** The version in force (its schedule is compiled once per version). */
  version: number;
  name: string;
  siteId: string;
  siteName: string;
  status: ZoneStatus;
  agreedVersion: number | null;
  suspension: SuspensionData | null;
  schedule: Schedule | null;
  validFrom: Date | null;
  validUntil: Date | null;
  terms: ZoneTerms;
}

/** A zone the check found, with its measures from the position. */
export interface CheckRow {
  zone: CheckedZone;
  inside: boolean;
  distanceMeters: number;
  edgeDistanceMeters: number;
}

/** A zone as the check index keeps it: the checked zone and its shape, to measure. */
export interface CheckableZone {
  zone: CheckedZone;
  geometry: ZoneGeometry;
}

export interface VersionHistoryRow {
  version: number;
  name: string;
  geometry: ZoneGeometry;
  radiusMeters: number | null;
  schedule: Schedule | null;
  validFrom: Date | null;
  validUntil: Date | null;
  notes: string | null;
  terms: ZoneTerms;
  reviewBy: string | null;
  createdAt: Date;
  createdBy: string | null;
  agreedAt: Date | null;
  approvals: (ZoneApproval & { supersededAt: string | null })[];
}

export interface ExportRow {
  id: string;
  siteId: string;
  siteName: string;
  version: number;
  status: ZoneStatus;
  agreedVersion: number | null;
  suspension: { until: string | null; version: number | null };
  name: string;
  schedule: Schedule | null;
  validFrom: Date | null;
  validUntil: Date | null;
  notes: string | null;
  terms: ZoneTerms;
  reviewBy: string | null;
  /** GeoJSON (outer rings counter-clockwise, RFC 7946) or a KML geometry element, as asked. */
  geometry: ZoneGeometry | string;
}

/** A zone's suspension as columns of `z` (zones) and `so` (the suspending organisation), read by `suspensionFrom`. */
const SUSPENSION_COLUMNS = `z.status_reason AS "s_reason", z.suspended_by_organisation_id AS "s_byOrganisationId",
  so.name AS "s_byOrganisationName", z.suspended_at AS "s_since", z.suspended_until AS "s_until",
  z.suspended_version AS "s_version"`;

/**
 * The position check, one statement: zones whose in-force version (the agreed one, the one a suspension
 * holds back, else the current one)
 * lies within `radius` metres of the point. `&&` against a box widened by a safe number of degrees
 * lets the GiST index pick the candidates; ST_DWithin on geography then measures in metres.
 * ST_Covers, not ST_Contains: a point on the boundary counts as inside. The distance to the boundary is
 * measured only for the few rows the index and ST_DWithin let through.
 * Parameters: $1 longitude, $2 latitude, $3 radius (m), $4 and $5 the box margins (degrees).
 */
export const ZONE_CHECK_SQL = `
  SELECT z.id AS "zoneId", v.version, v.name, z.site_id AS "siteId", s.name AS "siteName", z.status,
         z.agreed_version AS "agreedVersion", v.schedule, v.valid_from AS "validFrom", v.valid_until AS "validUntil",
         v.terms, ${SUSPENSION_COLUMNS},
         ST_Covers(v.geom, p.pt) AS inside,
         ST_Distance(v.geom::geography, p.pt::geography) AS "distanceMeters",
         ST_Distance(ST_Boundary(v.geom)::geography, p.pt::geography) AS "edgeDistanceMeters"
  FROM (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS pt) AS p
  JOIN zone_versions v ON v.geom && ST_Expand(p.pt, $4, $5)
  JOIN zones z ON z.id = v.zone_id AND v.version = COALESCE(z.agreed_version, z.suspended_version, z.current_version)
  JOIN sites s ON s.id = z.site_id
  LEFT JOIN organisations so ON so.id = z.suspended_by_organisation_id
  WHERE z.status <> 'withdrawn'
    AND ST_DWithin(v.geom::geography, p.pt::geography, $3)
  ORDER BY "distanceMeters", z.id`;

export function zoneCheckParameters(lng: number, lat: number, radiusMeters: number): [number, number, number, number, number] {
  const { dLng, dLat } = degreeMargins(lat, radiusMeters);
  return [lng, lat, radiusMeters, dLng, dLat];
}

@Injectable()
export class ZonesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside any transaction: for reads other modules make without one of their own. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // ------------------------------------------------------------------ sites, as zones need them
  // Read only, and in the zone's own statements: the share lock and the PostGIS checks against the site's location
  // must run in the zone's transaction, in SQL (zones do not import sites; sites import zones).

  /** A site that is not deleted, share-locked so it cannot be deleted or moved while a zone is written for it. */
  async findSiteForZone(manager: EntityManager, siteId: string): Promise<SiteForZone | null> {
    const rows = await manager.query(
      `SELECT id, organisation_id AS "organisationId", name FROM sites WHERE id = $1 AND deleted_at IS NULL FOR SHARE`,
      [siteId],
    );
    return rows[0] ?? null;
  }

  // ------------------------------------------------------------------ geometry checks

  /** Validity, area and distance from the site of a structurally valid GeoJSON shape, measured by PostGIS. */
  async measureGeometry(manager: EntityManager, geometry: ZoneGeometry, siteId: string, maxDistanceMeters: number): Promise<GeometryMeasure> {
    const geojson = JSON.stringify(geometry);
    const [site] = await manager.query(`SELECT ST_Y(location) AS lat FROM sites WHERE id = $1`, [siteId]);
    const { dLng, dLat } = degreeMargins(site.lat, maxDistanceMeters);
    // Two statements: geography functions fail on shapes spanning half the globe (antipodal edges), so the
    // area and distances are measured only once the shape is valid and known to lie near the site.
    const [first] = await manager.query(
      `SELECT ST_IsValid(i.g) AS valid, ST_IsValidReason(i.g) AS reason, i.g @ ST_Expand(s.location, $3, $4) AS "nearSite",
              ST_FlipCoordinates(i.g) @ ST_Expand(s.location, $3, $4) AS "nearIfSwapped"
       FROM (SELECT ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS g) AS i, sites s
       WHERE s.id = $2`,
      [geojson, siteId, dLng, dLat],
    );
    if (!first.valid || !first.nearSite) {
      return { ...first, areaSquareMeters: null, farthestMeters: null };
    }
    const [measured] = await manager.query(
      `SELECT ST_Area(i.g::geography) AS area,
              (SELECT max(ST_Distance(d.geom::geography, s.location::geography)) FROM ST_DumpPoints(i.g) AS d) AS farthest
       FROM (SELECT ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS g) AS i, sites s
       WHERE s.id = $2`,
      [geojson, siteId],
    );
    return { ...first, areaSquareMeters: Number(measured.area), farthestMeters: Number(measured.farthest) };
  }

  // ------------------------------------------------------------------ writes

  async insertZone(manager: EntityManager, siteId: string): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO zones (site_id, status, current_version) VALUES ($1, 'proposed', 1) RETURNING id`,
      [siteId],
    );
    return row.id;
  }

  async insertVersion(manager: EntityManager, input: NewVersion): Promise<void> {
    const values = [
      input.zoneId,
      input.version,
      input.name,
      input.schedule === null ? null : JSON.stringify(input.schedule),
      input.validFrom,
      input.validUntil,
      input.notes,
      input.createdBy,
      JSON.stringify(input.terms),
      input.reviewBy,
    ];
    const columns = `zone_id, version, name, schedule, valid_from, valid_until, notes, created_by, terms, review_by, geom, geometry_type, radius_meters`;
    const source = input.source;
    switch (source.kind) {
      case 'geojson':
        await manager.query(
          `INSERT INTO zone_versions (${columns})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($11), 4326))), $12, NULL)`,
          [...values, JSON.stringify(source.geometry), source.geometry.type],
        );
        return;
      case 'circle':
        // The circle is computed by PostGIS on the spheroid around the site, then stored as geometry.
        await manager.query(
          `INSERT INTO zone_versions (${columns})
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                  ST_Multi(ST_Buffer(s.location::geography, $11, '${CIRCLE_SEGMENTS}')::geometry), 'Polygon', $11
           FROM zones z JOIN sites s ON s.id = z.site_id WHERE z.id = $1`,
          [...values, source.radiusMeters],
        );
        return;
      case 'previous':
        await manager.query(
          `INSERT INTO zone_versions (${columns})
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, p.geom, p.geometry_type, p.radius_meters
           FROM zone_versions p WHERE p.zone_id = $1 AND p.version = $11`,
          [...values, source.version],
        );
        return;
    }
  }

  /** Status, versions and reason of a zone; `updated_at` moves with every change. */
  async updateZone(
    manager: EntityManager,
    zoneId: string,
    changes: Partial<Pick<ZoneEntity, 'status' | 'currentVersion' | 'agreedVersion' | 'statusReason' | SuspensionField>>,
  ): Promise<void> {
    await manager.getRepository(ZoneEntity).update({ id: zoneId }, { ...changes, updatedAt: () => 'now()' });
  }

  /** Records a suspension; its start is the transaction's time, the same instant `supersedeApprovals` stamps. */
  async startSuspension(
    manager: EntityManager,
    zoneId: string,
    suspension: { reason: string; byOrganisationId: string; until: Date | null; version: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE zones SET status = 'suspended', agreed_version = NULL, status_reason = $2, suspended_by_organisation_id = $3,
              suspended_at = now(), suspended_until = $4, suspended_version = $5, updated_at = now()
       WHERE id = $1`,
      [zoneId, suspension.reason, suspension.byOrganisationId, suspension.until, suspension.version],
    );
  }

  /**
   * Suspended zones whose end time has passed by `now`, locked; a zone another instance is ending already is
   * skipped, so each suspension is ended once however many instances run the job.
   */
  async lockLapsedSuspensions(manager: EntityManager, now: Date, limit: number): Promise<LapsedSuspension[]> {
    const rows = await manager.query(
      `SELECT z.id, z.site_id AS "siteId", z.current_version AS "currentVersion", z.suspended_version AS "suspendedVersion",
              z.suspended_at AS "suspendedAt", z.suspended_until AS "suspendedUntil"
       FROM zones z
       WHERE z.status = 'suspended' AND z.suspended_until <= $1
       ORDER BY z.suspended_until, z.id
       LIMIT $2
       FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows;
  }

  /**
   * The suspension has run out: the version it held back is agreed again (the zone is `agreed`, or `proposed`
   * while a newer version waits), and the approvals the suspension voided stand again, unless that side has
   * approved the version anew meanwhile.
   */
  async endSuspension(manager: EntityManager, zone: LapsedSuspension): Promise<void> {
    if (zone.suspendedVersion !== null) {
      await manager.query(
        `UPDATE zone_approvals a SET superseded_at = NULL
         WHERE a.zone_id = $1 AND a.version IN ($2, $3)
           -- The stored instants, compared in the database: a JavaScript Date would lose their microseconds.
           AND a.superseded_at = (SELECT z.suspended_at FROM zones z WHERE z.id = $1)
           AND NOT EXISTS (SELECT 1 FROM zone_approvals b
                           WHERE b.zone_id = a.zone_id AND b.version = a.version AND b.side = a.side AND b.superseded_at IS NULL)`,
        [zone.id, zone.suspendedVersion, zone.currentVersion],
      );
    }
    const status: ZoneStatus = zone.suspendedVersion === null ? 'proposed' : zone.suspendedVersion === zone.currentVersion ? 'agreed' : 'proposed';
    await manager.query(
      `UPDATE zones SET status = $2, agreed_version = $3, status_reason = NULL, suspended_by_organisation_id = NULL,
              suspended_at = NULL, suspended_until = NULL, suspended_version = NULL, updated_at = now()
       WHERE id = $1`,
      [zone.id, status, zone.suspendedVersion],
    );
  }

  /**
   * The area in version `to` and not in `from` (added) and the reverse (removed), each a MultiPolygon or null
   * when empty, with their areas in m² on the spheroid, and both versions' shapes. Two rows found by primary
   * key: no spatial filter is needed, so no index is skipped.
   */
  async geometryDifference(
    zoneId: string,
    from: number,
    to: number,
  ): Promise<{ added: MultiPolygon | null; removed: MultiPolygon | null; addedAreaM2: number; removedAreaM2: number; fromGeometry: ZoneGeometry; toGeometry: ZoneGeometry }> {
    const [row] = await this.dataSource.query(
      `SELECT CASE WHEN ST_IsEmpty(d.added) THEN NULL ELSE ST_AsGeoJSON(d.added, 15)::json END AS added,
              CASE WHEN ST_IsEmpty(d.removed) THEN NULL ELSE ST_AsGeoJSON(d.removed, 15)::json END AS removed,
              CASE WHEN ST_IsEmpty(d.added) THEN 0 ELSE ST_Area(d.added::geography) END AS "addedAreaM2",
              CASE WHEN ST_IsEmpty(d.removed) THEN 0 ELSE ST_Area(d.removed::geography) END AS "removedAreaM2",
              d."fromGeometry", d."toGeometry"
       FROM (
         SELECT ST_Multi(ST_CollectionExtract(ST_Difference(t.geom, f.geom), 3)) AS added,
                ST_Multi(ST_CollectionExtract(ST_Difference(f.geom, t.geom), 3)) AS removed,
                ${VERSION_GEOJSON('f')} AS "fromGeometry", ${VERSION_GEOJSON('t')} AS "toGeometry"
         FROM zone_versions f JOIN zone_versions t ON t.zone_id = f.zone_id AND t.version = $3
         WHERE f.zone_id = $1 AND f.version = $2
       ) AS d`,
      [zoneId, from, to],
    );
    return { ...row, addedAreaM2: Number(row.addedAreaM2), removedAreaM2: Number(row.removedAreaM2) };
  }

  /**
   * Claims the review notice stages (days before `reviewBy`) that have come by `today`, for every zone that is not
   * withdrawn, by the review date of its version in force (or, with none agreed, its current one). The primary key
   * is the claim: a stage already claimed (before a restart, or by another instance, even one still in its
   * transaction) adds nothing, so each is answered once.
   */
  async claimReviewNotices(manager: EntityManager, today: string, stages: readonly number[]): Promise<{ zoneId: string; reviewBy: string; daysBefore: number }[]> {
    return manager.query(
      `INSERT INTO zone_review_notices (zone_id, review_by, days_before)
       SELECT z.id, v.review_by, s.days
       FROM zones z
       JOIN zone_versions v ON v.zone_id = z.id AND v.version = COALESCE(z.agreed_version, z.suspended_version, z.current_version)
       CROSS JOIN unnest($2::int[]) AS s(days)
       WHERE z.status <> 'withdrawn' AND v.review_by IS NOT NULL AND v.review_by - s.days <= $1::date
       ORDER BY z.id, s.days DESC
       ON CONFLICT DO NOTHING
       RETURNING zone_id AS "zoneId", review_by::text AS "reviewBy", days_before AS "daysBefore"`,
      [today, stages],
    );
  }

  async findVersion(manager: EntityManager, zoneId: string, version: number): Promise<ZoneVersionEntity> {
    return manager.getRepository(ZoneVersionEntity).findOneByOrFail({ zoneId, version });
  }

  async markVersionAgreed(manager: EntityManager, zoneId: string, version: number): Promise<void> {
    await manager.getRepository(ZoneVersionEntity).update({ zoneId, version }, { agreedAt: () => 'now()' });
  }

  /** The sides whose approval of this version still stands (not voided by a suspension). */
  async standingApprovals(manager: EntityManager, zoneId: string, version: number): Promise<ZoneApprovalEntity[]> {
    return manager.getRepository(ZoneApprovalEntity).find({ where: { zoneId, version, supersededAt: IsNull() }, order: { at: 'ASC' } });
  }

  async insertApproval(manager: EntityManager, approval: Pick<ZoneApprovalEntity, 'zoneId' | 'version' | 'side' | 'userId' | 'organisationId'>): Promise<ZoneApprovalEntity> {
    const repository = manager.getRepository(ZoneApprovalEntity);
    const { identifiers } = await repository.insert(approval);
    return repository.findOneByOrFail({ id: identifiers[0].id as string });
  }

  /** Voids every standing approval of a zone: after a suspension both sides must approve again. */
  async supersedeApprovals(manager: EntityManager, zoneId: string): Promise<void> {
    await manager.getRepository(ZoneApprovalEntity).update({ zoneId, supersededAt: IsNull() }, { supersededAt: () => 'now()' });
  }

  async zoneExists(zoneId: string): Promise<boolean> {
    return this.dataSource.getRepository(ZoneEntity).existsBy({ id: zoneId });
  }

  /**
   * The zone and its site's organisation, locked for the rest of the transaction: changes to one zone queue.
   * The site is share-locked first, so every writer takes site, then zone, then the audit chain, in that
   * order (deleting a site does too), and two of them never wait for each other in a circle.
   */
  async lockZone(manager: EntityManager, zoneId: string): Promise<LockedZone | null> {
    const [zone] = await manager.query(`SELECT site_id AS "siteId" FROM zones WHERE id = $1`, [zoneId]);
    if (!zone) return null;
    await manager.query(`SELECT 1 FROM sites WHERE id = $1 FOR SHARE`, [zone.siteId]);
    const rows = await manager.query(
      `SELECT z.id, z.site_id AS "siteId", s.organisation_id AS "organisationId", z.status,
              z.current_version AS "currentVersion", z.agreed_version AS "agreedVersion"
       FROM zones z JOIN sites s ON s.id = z.site_id
       WHERE z.id = $1
       FOR UPDATE OF z`,
      [zoneId],
    );
    return rows[0] ?? null;
  }

  // ------------------------------------------------------------------ reads

  async findRows(filter: ZoneFilter, manager?: EntityManager): Promise<ZoneRow[]> {
    const where: string[] = [];
    const parameters: unknown[] = [];
    const add = (value: unknown) => `$${parameters.push(value)}`;
    if (filter.ids) where.push(`z.id = ANY(${add(filter.ids)}::uuid[])`);
    if (filter.siteId) where.push(`z.site_id = ${add(filter.siteId)}`);
    if (filter.statuses) where.push(`z.status = ANY(${add(filter.statuses)}::text[])`);
    if (filter.reviewByAtMost) {
      where.push(`(SELECT rv.review_by FROM zone_versions rv
                   WHERE rv.zone_id = z.id AND rv.version = COALESCE(z.agreed_version, z.suspended_version, z.current_version))
                  <= ${add(filter.reviewByAtMost)}::date`);
    }
    if (filter.bbox) {
      // The current or the agreed version touches the box; `&&` uses the GiST index.
      const envelope = `ST_MakeEnvelope(${add(filter.bbox[0])}, ${add(filter.bbox[1])}, ${add(filter.bbox[2])}, ${add(filter.bbox[3])}, 4326)`;
      where.push(`z.id IN (
        SELECT bv.zone_id FROM zone_versions bv JOIN zones bz ON bz.id = bv.zone_id
        WHERE bv.geom && ${envelope} AND bv.version IN (bz.current_version, bz.agreed_version, bz.suspended_version))`);
    }
    const rows = await this.db(manager).query(
      `SELECT z.id, z.site_id AS "siteId", s.organisation_id AS "organisationId", z.status,
              z.current_version AS "version", z.agreed_version AS "agreedVersion", z.status_reason AS "statusReason",
              z.updated_at AS "updatedAt", ${SUSPENSION_COLUMNS},
              cv.name AS "c_name", ${VERSION_GEOJSON('cv')} AS "c_geometry", cv.schedule AS "c_schedule",
              cv.valid_from AS "c_validFrom", cv.valid_until AS "c_validUntil", cv.notes AS "c_notes",
              cv.terms AS "c_terms", cv.review_by::text AS "c_reviewBy",
              av.version AS "a_version", av.name AS "a_name",
              CASE WHEN av.zone_id IS NULL THEN NULL ELSE ${VERSION_GEOJSON('av')} END AS "a_geometry",
              av.schedule AS "a_schedule", av.valid_from AS "a_validFrom", av.valid_until AS "a_validUntil", av.notes AS "a_notes",
              av.terms AS "a_terms", av.review_by::text AS "a_reviewBy",
              COALESCE((
                SELECT json_agg(json_build_object(
                         'version', a.version, 'side', a.side, 'userId', a.user_id,
                         'organisationId', a.organisation_id, 'at', ${ISO_UTC('a.at')})
                       ORDER BY a.version, a.at, a.side)
                FROM zone_approvals a
                WHERE a.zone_id = z.id AND a.superseded_at IS NULL AND a.version IN (z.current_version, z.agreed_version)
              ), '[]'::json) AS approvals
       FROM zones z
       JOIN sites s ON s.id = z.site_id
       JOIN zone_versions cv ON cv.zone_id = z.id AND cv.version = z.current_version
       LEFT JOIN zone_versions av ON av.zone_id = z.id AND av.version = COALESCE(z.agreed_version, z.suspended_version)
                                 AND av.version <> z.current_version
       LEFT JOIN organisations so ON so.id = z.suspended_by_organisation_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY cv.name, z.id`,
      parameters,
    );
    return rows.map(toZoneRow);
  }

  /**
   * What the whole-map listing is made of, in one scan of the zones (a few hundred rows, no geometry) and their
   * approvals: the count and the sum of a hash of each whole row, so a change to any column moves it. Versions
   * are only ever added and a zone names the ones it shows; the site's organisation and the suspending
   * organisation's name are read through the join. Read on every request, so another instance's change is seen.
   */
  async listFingerprint(): Promise<string> {
    const [row]: { zones: string; zoneSum: string; approvals: string; approvalSum: string }[] = await this.dataSource.query(
      `SELECT count(*) AS zones,
              coalesce(sum(hashtext(z::text || s.organisation_id::text || coalesce(so.name, ''))), 0) AS "zoneSum",
              (SELECT count(*) FROM zone_approvals) AS approvals,
              (SELECT coalesce(sum(hashtext(a::text)), 0) FROM zone_approvals a) AS "approvalSum"
       FROM zones z
       JOIN sites s ON s.id = z.site_id
       LEFT JOIN organisations so ON so.id = z.suspended_by_organisation_id`,
    );
    return `${row.zones}-${row.zoneSum}-${row.approvals}-${row.approvalSum}`;
  }

  async findVersionHistory(zoneId: string): Promise<VersionHistoryRow[]> {
    const rows = await this.dataSource.query(
      `SELECT v.version, v.name, ${VERSION_GEOJSON('v')} AS geometry, v.radius_meters AS "radiusMeters", v.schedule,
              v.valid_from AS "validFrom", v.valid_until AS "validUntil", v.notes, v.terms, v.review_by::text AS "reviewBy",
              v.created_at AS "createdAt",
              v.created_by AS "createdBy", v.agreed_at AS "agreedAt",
              COALESCE((
                SELECT json_agg(json_build_object(
                         'version', a.version, 'side', a.side, 'userId', a.user_id, 'organisationId', a.organisation_id,
                         'at', ${ISO_UTC('a.at')},
                         'supersededAt', CASE WHEN a.superseded_at IS NULL THEN NULL ELSE ${ISO_UTC('a.superseded_at')} END)
                       ORDER BY a.at, a.side)
                FROM zone_approvals a WHERE a.zone_id = v.zone_id AND a.version = v.version
              ), '[]'::json) AS approvals
       FROM zone_versions v
       WHERE v.zone_id = $1
       ORDER BY v.version`,
      [zoneId],
    );
    return rows;
  }

  async check(lng: number, lat: number, radiusMeters: number): Promise<CheckRow[]> {
    const rows = await this.dataSource.query(ZONE_CHECK_SQL, zoneCheckParameters(lng, lat, radiusMeters));
    return rows.map((row: RawCheckRow & RawMeasures) => ({
      zone: checkedZone(row),
      inside: row.inside,
      distanceMeters: Number(row.distanceMeters),
      edgeDistanceMeters: Number(row.edgeDistanceMeters),
    }));
  }

  /**
   * Every zone ZONE_CHECK_SQL can find (not withdrawn), in the version it measures, with that version's shape as
   * GeoJSON: what the check index (zone-check-index.ts) searches instead of the database.
   */
  async findCheckableZones(): Promise<CheckableZone[]> {
    const rows = await this.dataSource.query(
      `SELECT z.id AS "zoneId", v.version, v.name, z.site_id AS "siteId", s.name AS "siteName", z.status,
              z.agreed_version AS "agreedVersion", v.schedule, v.valid_from AS "validFrom", v.valid_until AS "validUntil",
              v.terms, ${SUSPENSION_COLUMNS}, ST_AsGeoJSON(v.geom, 15)::json AS geometry
       FROM zones z
       JOIN zone_versions v ON v.zone_id = z.id AND v.version = COALESCE(z.agreed_version, z.suspended_version, z.current_version)
       JOIN sites s ON s.id = z.site_id
       LEFT JOIN organisations so ON so.id = z.suspended_by_organisation_id
       WHERE z.status <> 'withdrawn'`,
    );
    return rows.map(
      (row: RawCheckRow & { geometry: ZoneGeometry }): CheckableZone => ({ zone: checkedZone(row), geometry: row.geometry }),
    );
  }

  /**
   * Zones with an agreed version, and suspended zones with the agreed version their suspension holds back (in
   * force again after its end), with that version's shape in the format asked.
   */
  async findAgreedForExport(format: ExportFormat): Promise<ExportRow[]> {
    // RFC 7946 wants counter-clockwise outer rings, and so does KML.
    const shape = `ST_ForcePolygonCCW(CASE WHEN v.geometry_type = 'Polygon' THEN ST_GeometryN(v.geom, 1) ELSE v.geom END)`;
    const geometry = format === 'kml' ? `ST_AsKML(${shape}, 15)` : `ST_AsGeoJSON(${shape}, 15)::json`;
    return this.dataSource.query(
      `SELECT z.id, z.site_id AS "siteId", s.name AS "siteName", z.current_version AS version, z.status,
              z.agreed_version AS "agreedVersion", v.name, v.schedule, v.valid_from AS "validFrom",
              v.valid_until AS "validUntil", v.notes, v.terms, v.review_by::text AS "reviewBy", ${geometry} AS geometry,
              json_build_object('until', z.suspended_until, 'version', z.suspended_version) AS suspension
       FROM zones z
       JOIN zone_versions v ON v.zone_id = z.id AND v.version = COALESCE(z.agreed_version, z.suspended_version)
       JOIN sites s ON s.id = z.site_id
       WHERE z.status IN ('agreed', 'proposed', 'suspended')
       ORDER BY v.name, z.id`,
    );
  }

  /**
   * The phone's snapshot, one statement, as two JSON arrays (ordered by id) in the shapes of ZoneSnapshotEntry
   * and SuspendedZoneSnapshotEntry. `zones`: every zone in force by agreement or waiting for its time (`agreed`,
   * or `proposed` with an agreed version), with the name, shape, schedule and validity of the version in force.
   * `suspended`: the suspended zones with the version the check measures (the one the suspension holds back, else
   * the current one) and the suspension as the check reads it (`suspensionFrom`: null without who and when).
   * Both come back as text, unparsed: the snapshot service hashes them for the ETag and sends them as they are.
   */
  async snapshotZonesJson(): Promise<{ zones: string; suspended: string }> {
    const shape = `ST_ForcePolygonCCW(CASE WHEN v.geometry_type = 'Polygon' THEN ST_GeometryN(v.geom, 1) ELSE v.geom END)`;
    const common = `'id', z.id, 'siteId', z.site_id, 'name', v.name, 'siteName', s.name, 'status', z.status`;
    const timing = `'geometry', ST_AsGeoJSON(${shape}, 15)::json, 'schedule', v.schedule,
                'validFrom', CASE WHEN v.valid_from IS NULL THEN NULL ELSE ${ISO_UTC('v.valid_from')} END,
                'validUntil', CASE WHEN v.valid_until IS NULL THEN NULL ELSE ${ISO_UTC('v.valid_until')} END`;
    const [row]: { zones: string; suspended: string }[] = await this.dataSource.query(
      `SELECT
         (SELECT COALESCE(json_agg(json_build_object(${common}, 'agreedVersion', z.agreed_version, ${timing})
                 ORDER BY z.id), '[]'::json)::text
          FROM zones z
          JOIN zone_versions v ON v.zone_id = z.id AND v.version = z.agreed_version
          JOIN sites s ON s.id = z.site_id
          WHERE z.status = ANY($1::text[]) AND z.agreed_version IS NOT NULL AND s.deleted_at IS NULL) AS zones,
         (SELECT COALESCE(json_agg(json_build_object(${common}, ${timing},
                   'suspension', CASE WHEN z.suspended_at IS NULL OR z.suspended_by_organisation_id IS NULL THEN NULL
                     ELSE json_build_object('byOrganisationId', z.suspended_by_organisation_id,
                       'byOrganisationName', COALESCE(so.name, ''), 'since', ${ISO_UTC('z.suspended_at')},
                       'reason', COALESCE(z.status_reason, ''),
                       'until', CASE WHEN z.suspended_until IS NULL THEN NULL ELSE ${ISO_UTC('z.suspended_until')} END,
                       'version', z.suspended_version) END)
                 ORDER BY z.id), '[]'::json)::text
          FROM zones z
          JOIN zone_versions v ON v.zone_id = z.id AND v.version = COALESCE(z.suspended_version, z.current_version)
          JOIN sites s ON s.id = z.site_id
          LEFT JOIN organisations so ON so.id = z.suspended_by_organisation_id
          WHERE z.status = 'suspended' AND s.deleted_at IS NULL) AS suspended`,
      [[...ZONE_SNAPSHOT_STATUSES]],
    );
    return row;
  }

  // ------------------------------------------------------------------ zones of one site (site moves and deletion)

  /**
   * Zones that are not withdrawn whose current or agreed version would reach farther than `maxMeters`
   * from the site if it stood at (lng, lat), with that distance.
   */
  async zonesOutOfReachOf(manager: EntityManager, siteId: string, lng: number, lat: number, maxMeters: number): Promise<{ id: string; name: string; farthestMeters: number }[]> {
    const rows = await manager.query(
      `SELECT z.id, v.name, max(ST_Distance(d.geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography)) AS "farthestMeters"
       FROM zones z
       JOIN zone_versions v ON v.zone_id = z.id AND v.version IN (z.current_version, z.agreed_version)
       CROSS JOIN LATERAL ST_DumpPoints(v.geom) AS d
       WHERE z.site_id = $1 AND z.status <> 'withdrawn'
       GROUP BY z.id, v.name
       HAVING max(ST_Distance(d.geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography)) > $4
       ORDER BY v.name`,
      [siteId, lng, lat, maxMeters],
    );
    return rows.map((row: { id: string; name: string; farthestMeters: string | number }) => ({ ...row, farthestMeters: Number(row.farthestMeters) }));
  }

  /** Every zone of a site that is not withdrawn, locked, with its current name. */
  async lockOpenZonesOfSite(manager: EntityManager, siteId: string): Promise<(LockedZone & { name: string })[]> {
    return manager.query(
      `SELECT z.id, z.site_id AS "siteId", s.organisation_id AS "organisationId", z.status,
              z.current_version AS "currentVersion", z.agreed_version AS "agreedVersion", cv.name
       FROM zones z
       JOIN sites s ON s.id = z.site_id
       JOIN zone_versions cv ON cv.zone_id = z.id AND cv.version = z.current_version
       WHERE z.site_id = $1 AND z.status <> 'withdrawn'
       ORDER BY z.id
       FOR UPDATE OF z`,
      [siteId],
    );
  }

  /** A zone whose site has not been deleted, with its site, current version and current name. */
  async findLiveZone(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; siteId: string; currentVersion: number; name: string } | null> {
    const rows: { id: string; siteId: string; currentVersion: number; name: string }[] = await manager.query(
      `SELECT z.id, z.site_id AS "siteId", z.current_version AS "currentVersion", v.name
       FROM zones z JOIN sites s ON s.id = z.site_id JOIN zone_versions v ON v.zone_id = z.id AND v.version = z.current_version
       WHERE z.id = $1 AND s.deleted_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Each zone's name in its current version. */
  async namesOf(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT z.id, v.name FROM zones z JOIN zone_versions v ON v.zone_id = z.id AND v.version = z.current_version
       WHERE z.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Zones of the organisations' sites, not withdrawn, whose version in force is to be reviewed by `reviewByAtMost`. */
  async countReviewDue(organisationIds: string[], reviewByAtMost: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS count
       FROM zones z
       JOIN sites s ON s.id = z.site_id
       JOIN zone_versions v ON v.zone_id = z.id AND v.version = COALESCE(z.agreed_version, z.suspended_version, z.current_version)
       WHERE z.status <> 'withdrawn' AND s.organisation_id = ANY($1::uuid[]) AND v.review_by <= $2::date`,
      [organisationIds, reviewByAtMost],
    );
    return row.count;
  }

  async zoneVersionExists(manager: EntityManager, zoneId: string, version: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM zone_versions WHERE zone_id = $1 AND version = $2`, [
      zoneId,
      version,
    ]);
    return rows.length > 0;
  }

  /**
   * Zones of the organisations' sites, each counted once per kind of event in the period: proposed (created or
   * given a new version, which is always proposed), agreed, suspended, withdrawn. From the audit log, read only
   * and in one query with the zones: the zone tables keep only the latest status, the log keeps every change.
   */
  async statusChangeCounts(
    organisationIds: string[],
    period: { since: Date; until: Date },
  ): Promise<{ proposed: number; agreed: number; suspended: number; withdrawn: number }> {
    const rows: { proposed: number; agreed: number; suspended: number; withdrawn: number }[] = await this.dataSource.query(
      `SELECT count(DISTINCT z.id) FILTER (WHERE e.action IN ('create', 'update'))::int AS proposed,
              count(DISTINCT z.id) FILTER (WHERE e.action = 'agree')::int AS agreed,
              count(DISTINCT z.id) FILTER (WHERE e.action = 'suspend')::int AS suspended,
              count(DISTINCT z.id) FILTER (WHERE e.action = 'withdraw')::int AS withdrawn
       FROM audit_events e
       JOIN zones z ON z.id::text = e.entity_id
       JOIN sites s ON s.id = z.site_id
       WHERE e.entity = 'zone' AND e.at >= $2 AND e.at < $3 AND s.organisation_id = ANY($1::uuid[])`,
      [organisationIds, period.since, period.until],
    );
    return rows[0];
  }
}

export interface LapsedSuspension {
  id: string;
  siteId: string;
  currentVersion: number;
  suspendedVersion: number | null;
  suspendedAt: Date;
  suspendedUntil: Date;
}

type SuspensionField = 'suspendedByOrganisationId' | 'suspendedAt' | 'suspendedUntil' | 'suspendedVersion';

interface RawSuspension {
  s_reason: string | null;
  s_byOrganisationId: string | null;
  s_byOrganisationName: string | null;
  s_since: Date | null;
  s_until: Date | null;
  s_version: number | null;
}

type RawCheckRow = Omit<CheckedZone, 'suspension'> & RawSuspension;

/** The check SQL's measures: `pg` reads double precision as numbers and numeric as strings. */
interface RawMeasures {
  inside: boolean;
  distanceMeters: number | string;
  edgeDistanceMeters: number | string;
}

/**
 * A zone's check fields, written out as one literal. Rest and spread copies of query rows each got a hidden class
 * of their own in V8: 10,000 zones in the check index kept about 4 MB of such classes, and reading their fields
 * was slow (megamorphic) on every check.
 */
function checkedZone(row: RawCheckRow): CheckedZone {
  return {
    zoneId: row.zoneId,
    version: row.version,
    name: row.name,
    siteId: row.siteId,
    siteName: row.siteName,
    status: row.status,
    agreedVersion: row.agreedVersion,
    suspension: suspensionFrom(row.status, row),
    schedule: row.schedule,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    terms: row.terms,
  };
}

/** The running suspension of a suspended zone; null for any other zone (and for one stored without its start). */
function suspensionFrom(status: ZoneStatus, raw: RawSuspension): SuspensionData | null {
  if (status !== 'suspended' || raw.s_since === null || raw.s_byOrganisationId === null) return null;
  return {
    byOrganisationId: raw.s_byOrganisationId,
    byOrganisationName: raw.s_byOrganisationName ?? '',
    since: raw.s_since,
    reason: raw.s_reason ?? '',
    until: raw.s_until,
    version: raw.s_version,
  };
}

interface RawZoneRow extends RawSuspension {
  id: string;
  siteId: string;
  organisationId: string;
  status: ZoneStatus;
  version: number;
  agreedVersion: number | null;
  statusReason: string | null;
  updatedAt: Date;
  approvals: ZoneApproval[];
  [column: `c_${string}` | `a_${string}`]: unknown;
}

function versionFrom(row: RawZoneRow, prefix: 'c_' | 'a_', version: number): ZoneVersionData {
  return {
    version,
    name: row[`${prefix}name`] as string,
    geometry: row[`${prefix}geometry`] as ZoneGeometry,
    schedule: (row[`${prefix}schedule`] as Schedule | null) ?? null,
    validFrom: (row[`${prefix}validFrom`] as Date | null) ?? null,
    validUntil: (row[`${prefix}validUntil`] as Date | null) ?? null,
    notes: (row[`${prefix}notes`] as string | null) ?? null,
    terms: row[`${prefix}terms`] as ZoneTerms,
    reviewBy: (row[`${prefix}reviewBy`] as string | null) ?? null,
  };
}

function toZoneRow(row: RawZoneRow): ZoneRow {
  return {
    id: row.id,
    siteId: row.siteId,
    organisationId: row.organisationId,
    status: row.status,
    version: row.version,
    agreedVersion: row.agreedVersion,
    statusReason: row.statusReason,
    updatedAt: row.updatedAt,
    suspension: suspensionFrom(row.status, row),
    current: versionFrom(row, 'c_', row.version),
    agreed: row.a_version === null || row.a_version === undefined ? null : versionFrom(row, 'a_', row.a_version as number),
    approvals: row.approvals,
  };
}
