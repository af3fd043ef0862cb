import { MigrationInterface, QueryRunner } from 'typeorm';

/** Field reports, the naloxone guide with every version kept, and the naloxone kits police organisations carry. */
export class ReportsAndNaloxone1764500000000 implements MigrationInterface {
  name = 'ReportsAndNaloxone1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE naloxone_kits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        label text NOT NULL,
        batch text NOT NULL,
        expires_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('in_service', 'used', 'discarded')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        used_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'used') = (used_at IS NOT NULL))
      )`);
    // The expiry listing and the daily notice look up kits in service by expiry day.
    await queryRunner.query(`CREATE INDEX naloxone_kits_organisation_status_idx ON naloxone_kits (organisation_id, status, expires_on)`);

    await queryRunner.query(`
      CREATE TABLE field_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category text NOT NULL CHECK (category IN
          ('enforcement_near_site', 'diversion', 'staff_safety', 'public_nuisance', 'overdose_response', 'other')),
        site_id uuid REFERENCES sites(id),
        zone_id uuid REFERENCES zones(id),
        occurred_at timestamptz NOT NULL,
        body text NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        author_id uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'discussed', 'closed')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        -- A kit is used once, so it creates at most one report.
        kit_id uuid UNIQUE REFERENCES naloxone_kits(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (zone_id IS NULL OR site_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX field_reports_occurred_at_idx ON field_reports (occurred_at DESC)`);
    await queryRunner.query(`CREATE INDEX field_reports_site_id_idx ON field_reports (site_id, occurred_at DESC)`);
    await queryRunner.query(`CREATE INDEX field_reports_zone_id_idx ON field_reports (zone_id)`);
    await queryRunner.query(`CREATE INDEX field_reports_organisation_id_idx ON field_reports (organisation_id, occurred_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE guide_versions (
        key text NOT NULL CHECK (key IN ('naloxone')),
        lang text NOT NULL CHECK (lang IN ('sv', 'en')),
        version integer NOT NULL CHECK (version >= 1),
        title text NOT NULL,
        body text NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The guide officers read is the version published last; publishing an older one again rolls back.
        published_at timestamptz,
        published_by uuid REFERENCES users(id),
        PRIMARY KEY (key, lang, version)
      )`);
    await queryRunner.query(`
      CREATE INDEX guide_versions_published_idx ON guide_versions (key, lang, published_at DESC) WHERE published_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE guide_versions`);
    await queryRunner.query(`DROP TABLE field_reports`);
    await queryRunner.query(`DROP TABLE naloxone_kits`);
  }
}
