import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passkeys (WebAuthn credentials) as a second factor beside TOTP, and the challenges of their ceremonies. The
 * challenges live in the database, short-lived and deleted when used, so any instance can finish a ceremony
 * another one started.
 */
export class Passkeys1765600000000 implements MigrationInterface {
  name = 'Passkeys1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_passkeys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- base64url, as the browser names the credential; unique across users, as the authenticator made it.
        credential_id text NOT NULL UNIQUE,
        -- The COSE public key, base64url.
        public_key text NOT NULL,
        -- The authenticator's signature counter: an assertion must raise it (unless the authenticator keeps none).
        counter bigint NOT NULL DEFAULT 0,
        transports text[] NOT NULL DEFAULT '{}',
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX user_passkeys_user_id_idx ON user_passkeys (user_id)`);
    await queryRunner.query(`
      CREATE TABLE passkey_challenges (
        challenge text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('register', 'sign-in', 'confirm')),
        -- For a sign-in: the password step (mfaToken) this challenge belongs to.
        mfa_challenge_id uuid REFERENCES mfa_challenges(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX passkey_challenges_expires_at_idx ON passkey_challenges (expires_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE passkey_challenges`);
    await queryRunner.query(`DROP TABLE user_passkeys`);
  }
}
