import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind, Role } from '@samverkan/contracts';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { mfaEnabledSql } from './mfa-enabled';

// Writes that answer rows are `WITH x AS (… RETURNING *) SELECT …`, so the columns get their aliases.

const ORGANISATION_COLUMNS = `o.id, o.name, o.kind, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

// Never the password hash: only findWithPasswordHash reads it.
const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role, u.can_sign AS "canSign",
  u.organisation_id AS "organisationId", u.disabled, u.created_at AS "createdAt", u.updated_at AS "updatedAt",
  ${mfaEnabledSql('u')} AS "mfaEnabled"`;

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  canSign: boolean;
  organisationId: string;
  passwordHash: string;
}

export type UserChanges = Pick<UserEntity, 'displayName' | 'role' | 'organisationId' | 'canSign' | 'disabled'> & {
  passwordHash?: string;
};

/** Whom a search for users names: ids, roles (in an organisation or anywhere), organisations' signatories. */
export interface UserCriteria {
  userIds: string[];
  roles: { role: string; organisationId?: string }[];
  signatoryOrganisationIds: string[];
}

/** Organisations and users (`organisations`, `users`). */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ------------------------------------------------------------------ organisations

  /** Every organisation but `exceptId`, by name. */
  listOrganisations(exceptId: string): Promise<OrganisationEntity[]> {
    return this.dataSource.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id <> $1 ORDER BY o.name`, [
      exceptId,
    ]);
  }

  async findOrganisation(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    const rows: OrganisationEntity[] = await manager.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findOrganisationByName(name: string): Promise<OrganisationEntity | null> {
    const rows: OrganisationEntity[] = await this.dataSource.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.name = $1 LIMIT 1`,
      [name],
    );
    return rows[0] ?? null;
  }

  /** The organisations among these ids, by name. */
  organisationsByIds(manager: EntityManager, ids: string[]): Promise<OrganisationEntity[]> {
    return manager.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = ANY($1::uuid[]) ORDER BY o.name, o.id`,
      [ids],
    );
  }

  async insertOrganisation(manager: EntityManager, values: { name: string; kind: OrganisationKind }): Promise<OrganisationEntity> {
    const rows: OrganisationEntity[] = await manager.query(
      `WITH o AS (INSERT INTO organisations (name, kind) VALUES ($1, $2) RETURNING *) SELECT ${ORGANISATION_COLUMNS} FROM o`,
      [values.name, values.kind],
    );
    return rows[0];
  }

  // ------------------------------------------------------------------ users

  /** Every user but `exceptId`, by display name. */
  listUsers(exceptId: string): Promise<UserEntity[]> {
    return this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id <> $1 ORDER BY u.display_name`, [exceptId]);
  }

  async findUser(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<UserEntity | null> {
    const rows: UserEntity[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  usersByIds(manager: EntityManager, ids: string[]): Promise<UserEntity[]> {
    return manager.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[])`, [ids]);
  }

  /** Enabled users of these organisations who may sign, but `exceptId`, by display name. */
  activeSignatories(organisationIds: string[], exceptId: string): Promise<UserEntity[]> {
    return this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users u
       WHERE u.organisation_id = ANY($1::uuid[]) AND u.can_sign AND NOT u.disabled AND u.id <> $2
       ORDER BY u.display_name`,
      [organisationIds, exceptId],
    );
  }

  /**
   * The enabled users who are one of `userIds`, have one of the roles (in its organisation when one is given), or
   * sign for one of `signatoryOrganisationIds`; but `exceptIds`. In the caller's transaction.
   */
  async activeUserIdsMatching(
    manager: EntityManager,
    criteria: UserCriteria,
    exceptIds: string[],
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM users u
       WHERE NOT u.disabled AND u.id <> ALL($5::uuid[]) AND (
         u.id = ANY($1::uuid[])
         OR EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS r(role, organisation_id)
                    WHERE u.role = r.role AND (r.organisation_id = '' OR u.organisation_id::text = r.organisation_id))
         OR (u.can_sign AND u.organisation_id = ANY($4::uuid[])))
       ORDER BY u.id`,
      [
        criteria.userIds,
        criteria.roles.map((r) => r.role),
        criteria.roles.map((r) => r.organisationId ?? ''),
        criteria.signatoryOrganisationIds,
        exceptIds,
      ],
    );
    return rows.map((row) => row.id);
  }

  async isDisplayNameIn(organisationId: string, name: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM users WHERE organisation_id = $1 AND lower(display_name) = lower($2) LIMIT 1`,
      [organisationId, name],
    );
    return rows.length > 0;
  }

  async countActiveAdmins(manager: EntityManager): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND NOT disabled`,
    );
    return rows[0].count;
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM users WHERE lower(email) = lower($1) LIMIT 1`, [email]);
    return rows.length > 0;
  }

  async insertUser(manager: EntityManager, values: NewUser): Promise<UserEntity> {
    const rows: UserEntity[] = await manager.query(
      `WITH u AS (
         INSERT INTO users (email, display_name, role, can_sign, organisation_id, disabled, password_hash)
         VALUES ($1, $2, $3, $4, $5, false, $6) RETURNING *
       ) SELECT ${USER_COLUMNS} FROM u`,
      [values.email, values.displayName, values.role, values.canSign, values.organisationId, values.passwordHash],
    );
    return rows[0];
  }

  /** Writes the user's fields; the password hash only when one is given. */
  async updateUser(manager: EntityManager, id: string, changes: UserChanges): Promise<void> {
    await manager.query(
      `UPDATE users SET display_name = $2, role = $3, organisation_id = $4, can_sign = $5, disabled = $6,
         password_hash = COALESCE($7, password_hash), updated_at = now()
       WHERE id = $1`,
      [id, changes.displayName, changes.role, changes.organisationId, changes.canSign, changes.disabled, changes.passwordHash ?? null],
    );
  }

  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, passwordHash]);
  }

  async disable(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE users SET disabled = true, updated_at = now() WHERE id = $1`, [id]);
  }

  /** Enabled users with one of these e-mail addresses, whatever their case. */
  enabledWithEmails(emails: string[]): Promise<UserEntity[]> {
    return this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.email) = ANY($1::text[]) AND NOT u.disabled`,
      [emails.map((email) => email.toLowerCase())],
    );
  }

  async findEnabledByEmailForUpdate(manager: EntityManager, email: string): Promise<UserEntity | null> {
    const rows: UserEntity[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.email) = lower($1) AND NOT u.disabled FOR UPDATE`,
      [email],
    );
    return rows[0] ?? null;
  }

  async findWithPasswordHash(email: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    const rows: (UserEntity & { passwordHash: string })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE lower(u.email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  /**
   * An enabled user with the kind of their organisation, when `sessionId` is a live session of theirs. It reads
   * auth's sessions table in the same statement (a read-only exception, decisions 0017 and 0025): every request
   * asks this, and one round trip instead of two matters most on the embedded database's single connection.
   */
  async findSignedIn(
    userId: string,
    sessionId: string,
  ): Promise<(UserEntity & { organisationKind: OrganisationKind; sessionExpiresAt: Date }) | null> {
    const rows: (UserEntity & { organisationKind: OrganisationKind; sessionExpiresAt: Date })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, o.kind AS "organisationKind", s.expires_at AS "sessionExpiresAt"
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       JOIN organisations o ON o.id = u.organisation_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }
}
