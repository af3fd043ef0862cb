import { MigrationInterface, QueryRunner } from 'typeorm';
import { SYSTEM_AUTHOR } from '../../common/system-author';

/**
 * The author of automatic notices on the joint channel (e.g. naloxone kits about to expire): a disabled
 * account that can never sign in (its password hash matches no password), in an organisation of its own.
 */
export class SystemAuthor1764800000000 implements MigrationInterface {
  name = 'SystemAuthor1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO organisations (id, name, kind) VALUES ($1, $2, 'coordination')`, [
      SYSTEM_AUTHOR.organisationId,
      SYSTEM_AUTHOR.organisationName,
    ]);
    await queryRunner.query(
      `INSERT INTO users (id, email, display_name, role, can_sign, organisation_id, disabled, password_hash)
       VALUES ($1, $2, $3, 'coordinator', false, $4, true, '!')`,
      [SYSTEM_AUTHOR.userId, SYSTEM_AUTHOR.email, SYSTEM_AUTHOR.displayName, SYSTEM_AUTHOR.organisationId],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM users WHERE id = $1`, [SYSTEM_AUTHOR.userId]);
    await queryRunner.query(`DELETE FROM organisations WHERE id = $1`, [SYSTEM_AUTHOR.organisationId]);
  }
}
