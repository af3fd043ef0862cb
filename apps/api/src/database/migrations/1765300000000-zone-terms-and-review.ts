import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each zone version carries its terms (standard clauses by key and a free text) and a review date. The review
 * notices sent are rows of their own: the primary key is the claim, so each stage (30, 7, 0 days before) is
 * posted once per zone and date, across restarts and instances.
 */
export class ZoneTermsAndReview1765300000000 implements MigrationInterface {
  name = 'ZoneTermsAndReview1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE zone_versions
        ADD COLUMN terms jsonb NOT NULL DEFAULT '{"clauses": [], "text": ""}'::jsonb,
        ADD COLUMN review_by date,
        ADD CONSTRAINT zone_versions_terms_shape
          CHECK (jsonb_typeof(terms->'clauses') = 'array' AND jsonb_typeof(terms->'text') = 'string'
                 AND char_length(terms->>'text') <= 2000)`);
    await queryRunner.query(`
      CREATE TABLE zone_review_notices (
        zone_id uuid NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
        review_by date NOT NULL,
        days_before integer NOT NULL CHECK (days_before IN (30, 7, 0)),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (zone_id, review_by, days_before)
      )`);
    await queryRunner.query(`CREATE INDEX zone_versions_review_by_idx ON zone_versions (review_by) WHERE review_by IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX zone_versions_review_by_idx`);
    await queryRunner.query(`DROP TABLE zone_review_notices`);
    await queryRunner.query(`
      ALTER TABLE zone_versions
        DROP CONSTRAINT zone_versions_terms_shape,
        DROP COLUMN review_by,
        DROP COLUMN terms`);
  }
}
