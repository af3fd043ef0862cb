import { MigrationInterface, QueryRunner } from 'typeorm';

/** Channels, messages with a gap-free per-channel seq, read state and urgent-alert acknowledgements. */
export class Messaging1764300000000 implements MigrationInterface {
  name = 'Messaging1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('joint', 'site', 'zone', 'meeting', 'direct')),
        name text NOT NULL,
        -- The site, zone or meeting the channel belongs to.
        ref_id uuid,
        -- Site and zone channels: the organisation that owns the site, which decides who sees the channel.
        organisation_id uuid REFERENCES organisations(id),
        -- Direct channels: the two users, the smaller id first, so a pair has exactly one channel.
        direct_user_low uuid REFERENCES users(id),
        direct_user_high uuid REFERENCES users(id),
        -- The per-channel counter that hands out seq: updated in the sending transaction, so seq has no gaps.
        last_seq integer NOT NULL DEFAULT 0,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT channels_direct_pair CHECK (
          (kind = 'direct') = (direct_user_low IS NOT NULL AND direct_user_high IS NOT NULL) AND
          (direct_user_low IS NULL OR direct_user_low < direct_user_high)
        ),
        CONSTRAINT channels_owned_ref CHECK (kind NOT IN ('site', 'zone') OR (ref_id IS NOT NULL AND organisation_id IS NOT NULL)),
        CONSTRAINT channels_meeting_ref CHECK (kind <> 'meeting' OR ref_id IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX channels_kind_ref_key ON channels (kind, ref_id) WHERE ref_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX channels_direct_pair_key ON channels (direct_user_low, direct_user_high) WHERE kind = 'direct'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX channels_one_joint_key ON channels (kind) WHERE kind = 'joint'`,
    );
    await queryRunner.query(
      `CREATE INDEX channels_direct_high_idx ON channels (direct_user_high) WHERE kind = 'direct'`,
    );
    // Which organisations may see a meeting channel (set by the meetings module).
    await queryRunner.query(`
      CREATE TABLE channel_organisations (
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (channel_id, organisation_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX channel_organisations_organisation_idx ON channel_organisations (organisation_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id uuid NOT NULL REFERENCES channels(id),
        seq integer NOT NULL,
        client_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        -- The organisation the author spoke for when writing.
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        body text NOT NULL,
        priority text NOT NULL CHECK (priority IN ('normal', 'urgent')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT messages_channel_seq_key UNIQUE (channel_id, seq),
        -- Idempotent sending: a resend with the same clientId finds the stored message.
        CONSTRAINT messages_author_client_key UNIQUE (author_id, client_id)
      )`);
    await queryRunner.query(`CREATE INDEX messages_created_at_idx ON messages (created_at)`);
    await queryRunner.query(
      `CREATE INDEX messages_urgent_idx ON messages (created_at) WHERE priority = 'urgent'`,
    );
    await queryRunner.query(`
      CREATE TABLE channel_reads (
        user_id uuid NOT NULL REFERENCES users(id),
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        last_read_seq integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, channel_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE alert_acks (
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        acked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX alert_acks_user_idx ON alert_acks (user_id)`);
    // The joint channel exists from the first start.
    await queryRunner.query(`INSERT INTO channels (kind, name) VALUES ('joint', 'Gemensam kanal')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE alert_acks`);
    await queryRunner.query(`DROP TABLE channel_reads`);
    await queryRunner.query(`DROP TABLE messages`);
    await queryRunner.query(`DROP TABLE channel_organisations`);
    await queryRunner.query(`DROP TABLE channels`);
  }
}
