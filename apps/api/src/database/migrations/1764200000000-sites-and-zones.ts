import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sites, no-enforcement zones with every version of their shape and rules, and the approvals given to each version. */
export class SitesAndZones1764200000000 implements MigrationInterface {
  name = 'SitesAndZones1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('needle_exchange', 'ost_clinic', 'naloxone', 'drug_checking', 'low_threshold', 'outreach', 'other')),
        location geometry(Point, 4326) NOT NULL,
        address text,
        opening_hours text,
        description text,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Deleting keeps the row (zones and audit events refer to it); a deleted site is gone from the API.
        deleted_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX sites_location_gist ON sites USING gist (location)`);
    await queryRunner.query(`CREATE INDEX sites_organisation_id_idx ON sites (organisation_id)`);

    await queryRunner.query(`
      CREATE TABLE zones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES sites(id),
        status text NOT NULL CHECK (status IN ('proposed', 'agreed', 'suspended', 'withdrawn')),
        current_version integer NOT NULL CHECK (current_version >= 1),
        -- The version in force by agreement: the current one when agreed, an earlier one while a newer is proposed.
        agreed_version integer CHECK (agreed_version BETWEEN 1 AND current_version),
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'agreed' OR agreed_version = current_version),
        CHECK (status IN ('proposed', 'agreed') OR agreed_version IS NULL)
      )`);
    await queryRunner.query(`CREATE INDEX zones_site_id_idx ON zones (site_id)`);

    await queryRunner.query(`
      CREATE TABLE zone_versions (
        zone_id uuid NOT NULL REFERENCES zones(id),
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        -- Polygons are stored as one-part MultiPolygons; geometry_type says which the client sent.
        geom geometry(MultiPolygon, 4326) NOT NULL,
        geometry_type text NOT NULL CHECK (geometry_type IN ('Polygon', 'MultiPolygon')),
        radius_meters integer,
        schedule jsonb,
        valid_from timestamptz,
        valid_until timestamptz,
        notes text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        agreed_at timestamptz,
        PRIMARY KEY (zone_id, version),
        CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until)
      )`);
    await queryRunner.query(`CREATE INDEX zone_versions_geom_gist ON zone_versions USING gist (geom)`);

    await queryRunner.query(`
      CREATE TABLE zone_approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone_id uuid NOT NULL,
        version integer NOT NULL,
        side text NOT NULL CHECK (side IN ('police', 'service')),
        user_id uuid NOT NULL REFERENCES users(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        at timestamptz NOT NULL DEFAULT now(),
        -- A suspension voids the approvals given so far: reinstating needs both sides again.
        superseded_at timestamptz,
        FOREIGN KEY (zone_id, version) REFERENCES zone_versions (zone_id, version)
      )`);
    // One standing approval per side and version; the zone row lock orders concurrent approvals, this backs it.
    await queryRunner.query(`
      CREATE UNIQUE INDEX zone_approvals_standing_key ON zone_approvals (zone_id, version, side) WHERE superseded_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE zone_approvals`);
    await queryRunner.query(`DROP TABLE zone_versions`);
    await queryRunner.query(`DROP TABLE zones`);
    await queryRunner.query(`DROP TABLE sites`);
  }
}
