import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { REQUIRED_ORGANISATION_KIND, type Organisation, type Role, type User } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import { AUTH_EVENTS, AuthUser } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions.service';
import { SYSTEM_AUTHOR } from '../common/system-author';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { conflict, DetailedHttpException } from '../common/api-exception.filter';
import { Transaction, UnitOfWork } from '../database/transaction-events';
import { CreateOrganisationDto, CreateUserDto, UpdateUserDto } from './dto/people.dto';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { toAuthUser, toOrganisationDto, toUserDto } from './people.mapper';
import { PeopleRepository, UserChanges, type UserCriteria } from './people.repository';

@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'mfaRequiredRoles'>,
  ) {}

  /** The contract's `user` for a loaded entity. */
  toUserDto(user: UserEntity): User {
    return toUserDto(user, this.config.mfaRequiredRoles);
  }

  async listOrganisations(): Promise<Organisation[]> {
    const rows = await this.people.listOrganisations(SYSTEM_AUTHOR.organisationId);
    return rows.map(toOrganisationDto);
  }

  async getOrganisation(id: string): Promise<OrganisationEntity> {
    const organisation = await this.people.findOrganisation(this.people.manager, id);
    if (!organisation) throw new NotFoundException(`No organisation with id ${id}`);
    return organisation;
  }

  /** The organisation with this exact name, if any (the demo seed and the first administrator find theirs by name). */
  async findOrganisationByName(name: string): Promise<Organisation | null> {
    const organisation = await this.people.findOrganisationByName(name);
    return organisation && toOrganisationDto(organisation);
  }

  /** The organisations among these that exist, with their kinds, by name; in the caller's transaction when one is given. */
  async organisationsByIds(ids: string[], manager: EntityManager = this.people.manager): Promise<Organisation[]> {
    if (!ids.length) return [];
    const rows = await this.people.organisationsByIds(manager, ids);
    return rows.map(toOrganisationDto);
  }

  /** These users, the automatic notices' author included (it writes in meetings too); in the caller's transaction. */
  async usersByIds(ids: string[], manager: EntityManager = this.people.manager): Promise<User[]> {
    if (!ids.length) return [];
    const rows = await this.people.usersByIds(manager, ids);
    return rows.map((row) => this.toUserDto(row));
  }

  async createOrganisation(input: CreateOrganisationDto, actorId: string | null): Promise<Organisation> {
    return this.people.transaction(async (manager) => {
      const saved = await this.people.insertOrganisation(manager, { name: input.name, kind: input.kind });
      const dto = toOrganisationDto(saved);
      await this.audit.record(manager, { actorId, action: 'create', entity: 'organisation', entityId: saved.id, after: dto });
      return dto;
    });
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.people.listUsers(SYSTEM_AUTHOR.userId);
    return rows.map((row) => this.toUserDto(row));
  }

  async getUser(id: string): Promise<User> {
    const user = id === SYSTEM_AUTHOR.userId ? null : await this.people.findUser(this.people.manager, id);
    if (!user) throw new NotFoundException(`No user with id ${id}`);
    return this.toUserDto(user);
  }

  /** The active signatories of these organisations: who signs for a side of a zone. */
  async activeSignatories(organisationIds: string[]): Promise<User[]> {
    if (!organisationIds.length) return [];
    const rows = await this.people.activeSignatories(organisationIds, SYSTEM_AUTHOR.userId);
    return rows.map((row) => this.toUserDto(row));
  }

  /** The enabled users these criteria name (never the automatic notices' author), but `exceptIds`; in the caller's transaction. */
  activeUserIdsMatching(manager: EntityManager, criteria: UserCriteria, exceptIds: string[] = []): Promise<string[]> {
    return this.people.activeUserIdsMatching(manager, criteria, [...exceptIds, SYSTEM_AUTHOR.userId]);
  }

  /** Whether a user of this organisation goes by this name, whatever its case (a kit's label must not name a person). */
  isUserDisplayName(organisationId: string, name: string): Promise<boolean> {
    return this.people.isDisplayNameIn(organisationId, name);
  }

  async countAdmins(): Promise<number> {
    return this.people.countActiveAdmins(this.people.manager);
  }

  async createUser(input: CreateUserDto, actorId: string | null): Promise<User> {
    const organisation = await this.getOrganisationForUser(input.organisationId);
    this.checkRoleFitsOrganisation(input.role, organisation);
    const passwordHash = await this.hasher.hash(input.password);
    return this.people.transaction(async (manager) => {
      await this.ensureEmailFree(manager, input.email);
      const saved = await this.people.insertUser(manager, {
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        canSign: input.canSign ?? false,
        organisationId: organisation.id,
        passwordHash,
      });
      const dto = this.toUserDto(saved);
      await this.audit.record(manager, { actorId, action: 'create', entity: 'user', entityId: saved.id, after: dto });
      return dto;
    });
  }

  async updateUser(id: string, input: UpdateUserDto, actorId: string | null): Promise<User> {
    const passwordHash = input.password === undefined ? undefined : await this.hasher.hash(input.password);
    return this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      // The automatic notices' author is not an account anyone may manage.
      const current = id === SYSTEM_AUTHOR.userId ? null : await this.people.findUser(manager, id, { lock: true });
      if (!current) throw new NotFoundException(`No user with id ${id}`);
      const before = this.toUserDto(current);
      const role = input.role ?? current.role;
      const organisationId = input.organisationId ?? current.organisationId;
      if (input.role !== undefined || input.organisationId !== undefined) {
        this.checkRoleFitsOrganisation(role, await this.getOrganisationForUser(organisationId, manager));
      }
      const losesAdmin = current.role === 'admin' && !current.disabled && (role !== 'admin' || input.disabled === true);
      if (losesAdmin && (await this.people.countActiveAdmins(manager)) <= 1) {
        throw conflict('role', 'This is the last active administrator: make another administrator first', 'last_administrator');
      }
      const changes: UserChanges = {
        displayName: input.displayName ?? current.displayName,
        role,
        organisationId,
        canSign: input.canSign ?? current.canSign,
        disabled: input.disabled ?? current.disabled,
      };
      if (passwordHash) changes.passwordHash = passwordHash;
      await this.people.updateUser(manager, id, changes);
      const after = this.toUserDto({ ...current, ...changes } as UserEntity);
      const action = input.disabled === true && !current.disabled ? 'disable' : input.disabled === false && current.disabled ? 'enable' : 'update';
      await this.audit.record(manager, {
        actorId,
        action,
        entity: 'user',
        entityId: id,
        before,
        after: passwordHash ? { ...after, passwordChanged: true } : after,
      });
      // Losing the account, a role or an organisation changes what old tokens would allow: sign out everywhere.
      const revokeAll =
        after.disabled || passwordHash !== undefined || after.role !== before.role || after.organisationId !== before.organisationId;
      if (revokeAll) await this.revokeSessions(transaction, id);
      // Otherwise the sessions go on, but what they let the user do (a signing right) is read afresh.
      else await transaction.raise(AUTH_EVENTS.callerChanged, { userId: id });
      return after;
    });
  }

  /**
   * Disables the enabled accounts among these e-mail addresses and ends their sessions. No last-administrator
   * check: this serves accounts that must not stay usable (the demo accounts once DEMO is off).
   */
  async disableAccounts(emails: string[], actorId: string | null): Promise<string[]> {
    const disabled: string[] = [];
    if (!emails.length) return disabled;
    const enabled = await this.people.enabledWithEmails(emails);
    for (const { email } of enabled) {
      const userId = await this.unitOfWork.run(async (transaction) => {
        const { manager } = transaction;
        const current = await this.people.findEnabledByEmailForUpdate(manager, email);
        if (!current) return null;
        await this.people.disable(manager, current.id);
        const before = this.toUserDto(current);
        await this.audit.record(manager, { actorId, action: 'disable', entity: 'user', entityId: current.id, before, after: { ...before, disabled: true } });
        await this.revokeSessions(transaction, current.id);
        return current.id;
      });
      if (userId) disabled.push(email);
    }
    return disabled;
  }

  /** Sets a password and signs the user out of every other session. */
  async setPassword(userId: string, password: string, actorId: string, options: { keepSessionId?: string } = {}): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.unitOfWork.run(async (transaction) => {
      const { manager } = transaction;
      await this.people.setPasswordHash(manager, userId, passwordHash);
      await this.audit.record(manager, { actorId, action: 'change-password', entity: 'user', entityId: userId });
      await this.revokeSessions(transaction, userId, options.keepSessionId);
    });
  }

  /** The entity itself, for auth (which starts sessions for it); null when unknown. */
  async findUserEntity(id: string): Promise<UserEntity | null> {
    return this.people.findUser(this.people.manager, id);
  }

  async findUserWithPasswordHash(email: string): Promise<{ user: UserEntity; passwordHash: string } | null> {
    const user = await this.people.findWithPasswordHash(email);
    return user ? { user, passwordHash: user.passwordHash } : null;
  }

  /**
   * The signed-in caller behind a session: an enabled user with their organisation's kind, when the session is
   * theirs, not revoked and not expired; with the session's expiry. One statement (auth asks on every request).
   */
  async findSignedIn(userId: string, sessionId: string): Promise<{ user: AuthUser; sessionExpiresAt: Date } | null> {
    const row = await this.people.findSignedIn(userId, sessionId);
    if (!row) return null;
    return {
      user: toAuthUser(row, row.organisationKind, sessionId, this.config.mfaRequiredRoles),
      sessionExpiresAt: new Date(row.sessionExpiresAt),
    };
  }

  /** Sessions are auth's: it ends them in this transaction; once committed, the user's sockets close too. */
  private async revokeSessions(transaction: Transaction, userId: string, keepSessionId?: string): Promise<void> {
    await this.sessions.revokeAllOf(transaction.manager, userId, keepSessionId);
    await transaction.raise(AUTH_EVENTS.sessionsRevoked, { userId });
  }

  private async getOrganisationForUser(id: string, manager: EntityManager = this.people.manager): Promise<OrganisationEntity> {
    const organisation = await this.people.findOrganisation(manager, id);
    if (!organisation) {
      throw new DetailedHttpException(400, [{ field: 'organisationId', message: 'names no organisation' }]);
    }
    return organisation;
  }

  private checkRoleFitsOrganisation(role: Role, organisation: OrganisationEntity): void {
    const required = REQUIRED_ORGANISATION_KIND[role];
    if (required && organisation.kind !== required) {
      throw new DetailedHttpException(400, [
        {
          field: 'organisationId',
          message: `a ${role} user must belong to a ${required} organisation (${organisation.name} is ${organisation.kind})`,
        },
      ]);
    }
  }

  private async ensureEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await this.people.emailTaken(manager, email)) throw conflict('email', 'A user with this e-mail address already exists', 'already_exists');
  }
}
