import { MigrationInterface, QueryRunner } from 'typeorm';

/** Joint meetings: participating organisations, an ordered agenda with minutes, decisions, actions and the shared map state. */
export class Meetings1764600000000 implements MigrationInterface {
  name = 'Meetings1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        place text,
        series text,
        -- What "the same series" compares: the series name when there is one, else the sorted organisation ids.
        series_key text NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        -- Rises with every change to the meeting or anything in it: clients keep the meeting:updated with the highest.
        revision integer NOT NULL DEFAULT 1,
        channel_id uuid REFERENCES channels(id),
        -- The shared map state lives here, not in a process, so every instance answers meeting:join the same.
        presenter_id uuid REFERENCES users(id),
        current_item_id uuid,
        view jsonb,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX meetings_series_idx ON meetings (series_key, starts_at)`);
    await queryRunner.query(`CREATE INDEX meetings_starts_at_idx ON meetings (starts_at)`);

    await queryRunner.query(`
      CREATE TABLE meeting_organisations (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (meeting_id, organisation_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX meeting_organisations_organisation_idx ON meeting_organisations (organisation_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE meeting_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        title text NOT NULL,
        site_id uuid REFERENCES sites(id),
        zone_id uuid REFERENCES zones(id),
        report_id uuid REFERENCES field_reports(id),
        minutes text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Deferrable: a move shifts the items between in one statement, checked when the statement ends.
        CONSTRAINT meeting_agenda_items_position_key UNIQUE (meeting_id, position) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await queryRunner.query(
      `CREATE INDEX meeting_agenda_items_report_idx ON meeting_agenda_items (report_id) WHERE report_id IS NOT NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE meetings ADD CONSTRAINT meetings_current_item_fk
        FOREIGN KEY (current_item_id) REFERENCES meeting_agenda_items(id) ON DELETE SET NULL`);

    await queryRunner.query(`
      CREATE TABLE meeting_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        -- An item with decisions cannot be deleted: the decision would lose what it was about.
        agenda_item_id uuid REFERENCES meeting_agenda_items(id),
        text text NOT NULL,
        zone_id uuid REFERENCES zones(id),
        zone_version integer,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (zone_id, zone_version) REFERENCES zone_versions (zone_id, version),
        CHECK (zone_version IS NULL OR zone_id IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX meeting_decisions_meeting_idx ON meeting_decisions (meeting_id, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE meeting_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id uuid REFERENCES meeting_agenda_items(id) ON DELETE SET NULL,
        title text NOT NULL,
        owner_id uuid NOT NULL REFERENCES users(id),
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        done_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'done') = (done_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX meeting_actions_meeting_idx ON meeting_actions (meeting_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX meeting_actions_owner_idx ON meeting_actions (owner_id, status, due_date)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE meeting_actions`);
    await queryRunner.query(`DROP TABLE meeting_decisions`);
    await queryRunner.query(`ALTER TABLE meetings DROP CONSTRAINT meetings_current_item_fk`);
    await queryRunner.query(`DROP TABLE meeting_agenda_items`);
    await queryRunner.query(`DROP TABLE meeting_organisations`);
    await queryRunner.query(`DROP TABLE meetings`);
  }
}
