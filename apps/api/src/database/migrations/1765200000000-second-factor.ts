import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second factor: one TOTP secret per user (usable once confirmed), its recovery codes (argon2 hashes only),
 * and the short-lived challenges that sit between the password and the code at sign-in. The challenges live in
 * the database, not in memory, so any instance can finish a sign-in another one started.
 */
export class SecondFactor1765200000000 implements MigrationInterface {
  name = 'SecondFactor1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_totp_factors (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        -- The last 30-second step a code was accepted for: that step and older ones are refused (no replay).
        last_step bigint
      )`);
    await queryRunner.query(`
      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX user_recovery_codes_user_id_idx ON user_recovery_codes (user_id)`);
    await queryRunner.query(`
      CREATE TABLE mfa_challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        consumed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX mfa_challenges_expires_at_idx ON mfa_challenges (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mfa_challenges`);
    await queryRunner.query(`DROP TABLE user_recovery_codes`);
    await queryRunner.query(`DROP TABLE user_totp_factors`);
  }
}
