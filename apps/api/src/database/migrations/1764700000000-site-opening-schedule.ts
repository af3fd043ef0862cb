import { MigrationInterface, QueryRunner } from 'typeorm';

/** A site's opening hours as a schedule (the zones' format), so the app can tell whether it is open now. */
export class SiteOpeningSchedule1764700000000 implements MigrationInterface {
  name = 'SiteOpeningSchedule1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Null: no schedule given (the free-text opening_hours may still say something); nothing is claimed about now.
    await queryRunner.query(`ALTER TABLE sites ADD COLUMN opening_schedule jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sites DROP COLUMN opening_schedule`);
  }
}
