import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A site's public phone number (an organisation's, for the nearest-naloxone list), and which officer used a
 * kit, so the officer is reminded to get a new one until they register it. An officer is a user; nothing here
 * says anything about the person the naloxone was given to.
 */
export class SitePhoneAndKitUser1765100000000 implements MigrationInterface {
  name = 'SitePhoneAndKitUser1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sites ADD COLUMN phone text`);
    await queryRunner.query(`ALTER TABLE naloxone_kits ADD COLUMN used_by uuid REFERENCES users(id)`);
    // Kits used before: the officer who recorded the use wrote its report in the same transaction.
    await queryRunner.query(
      `UPDATE naloxone_kits k SET used_by = r.author_id FROM field_reports r WHERE r.kit_id = k.id AND k.status = 'used'`,
    );
    await queryRunner.query(`CREATE INDEX naloxone_kits_used_by_idx ON naloxone_kits (used_by) WHERE used_by IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX naloxone_kits_used_by_idx`);
    await queryRunner.query(`ALTER TABLE naloxone_kits DROP COLUMN used_by`);
    await queryRunner.query(`ALTER TABLE sites DROP COLUMN phone`);
  }
}
