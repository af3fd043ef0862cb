import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who suspended a zone, since when and until when, and which agreed version the suspension holds back, so the
 * zone can say "suspended by …" and that version applies again by itself once `suspended_until` has passed.
 * The reason stays in `status_reason`. That `suspended_until` lies ahead is checked by the api when it is given,
 * not here: one that has passed by the time the row is written only ends the suspension at once.
 */
export class ZoneSuspension1765014000000 implements MigrationInterface {
  name = 'ZoneSuspension1765014000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE zones
        ADD COLUMN suspended_by_organisation_id uuid REFERENCES organisations(id),
        ADD COLUMN suspended_at timestamptz,
        ADD COLUMN suspended_until timestamptz,
        ADD COLUMN suspended_version integer,
        ADD CONSTRAINT zones_suspension_only_when_suspended
          CHECK (status = 'suspended' OR (suspended_by_organisation_id IS NULL AND suspended_at IS NULL
                                          AND suspended_until IS NULL AND suspended_version IS NULL)),
        ADD CONSTRAINT zones_suspended_version_exists CHECK (suspended_version BETWEEN 1 AND current_version)`);
    // Suspensions made before this migration: the time and organisation come from their audit event.
    await queryRunner.query(`
      UPDATE zones z SET suspended_at = e.at, suspended_by_organisation_id = u.organisation_id
      FROM (
        SELECT DISTINCT ON (entity_id) entity_id, at, actor_id FROM audit_events
        WHERE entity = 'zone' AND action = 'suspend' ORDER BY entity_id, seq DESC
      ) AS e
      LEFT JOIN users u ON u.id = e.actor_id
      WHERE z.status = 'suspended' AND e.entity_id = z.id::text`);
    await queryRunner.query(`CREATE INDEX zones_suspended_until_idx ON zones (suspended_until) WHERE suspended_until IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX zones_suspended_until_idx`);
    await queryRunner.query(`
      ALTER TABLE zones
        DROP CONSTRAINT zones_suspended_version_exists,
        DROP CONSTRAINT zones_suspension_only_when_suspended,
        DROP COLUMN suspended_version,
        DROP COLUMN suspended_until,
        DROP COLUMN suspended_at,
        DROP COLUMN suspended_by_organisation_id`);
  }
}
