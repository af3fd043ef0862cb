import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { REQUIRED_ORGANISATION_KIND, type Organisation, type Role, type User } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import { AUTH_EVENTS, AuthUser, SessionsRevokedEvent } from '../auth/auth-user';
import { SessionEntity } from '../auth/entities/session.entity';
import { SYSTEM_AUTHOR } from '../common/system-author';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { conflict, DetailedHttpException } from '../common/api-exception.filter';
import { CreateOrganisationDto, CreateUserDto, UpdateUserDto } from './dto/people.dto';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { toOrganisationDto, toUserDto } from './people.mapper';

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'mfaRequiredRoles'>,
  ) {}

  /** The contract's `user` for a loaded entity. */
  toUserDto(user: UserEntity): User {
    return toUserDto(user, this.config.mfaRequiredRoles);
  }

  async listOrganisations(): Promise<Organisation[]> {
    const rows = await this.dataSource
      .getRepository(OrganisationEntity)
      .find({ where: { id: Not(SYSTEM_AUTHOR.organisationId) }, order: { name: 'ASC' } });
    return rows.map(toOrganisationDto);
  }

  async getOrganisation(id: string): Promise<OrganisationEntity> {
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
    if (!organisation) throw new NotFoundException(`No organisation with id ${id}`);
    return organisation;
  }

  /** The organisations among these that exist, with their kinds; in the caller's transaction when one is given. */
  async organisationsByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Organisation[]> {
    if (!ids.length) return [];
    const rows = await manager.getRepository(OrganisationEntity).findBy({ id: In(ids) });
    return rows.map(toOrganisationDto);
  }

  async createOrganisation(input: CreateOrganisationDto, actorId: string | null): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(OrganisationEntity).save({ name: input.name, kind: input.kind });
      const dto = toOrganisationDto(saved);
      await this.audit.record(manager, { actorId, action: 'create', entity: 'organisation', entityId: saved.id, after: dto });
      return dto;
    });
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .find({ where: { id: Not(SYSTEM_AUTHOR.userId) }, order: { displayName: 'ASC' } });
    return rows.map((row) => this.toUserDto(row));
  }

  async getUser(id: string): Promise<User> {
    const user = id === SYSTEM_AUTHOR.userId ? null : await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundException(`No user with id ${id}`);
    return this.toUserDto(user);
  }

  /** The active signatories of these organisations: who signs for a side of a zone. */
  async activeSignatories(organisationIds: string[]): Promise<User[]> {
    if (!organisationIds.length) return [];
    const rows = await this.dataSource.getRepository(UserEntity).find({
      where: { organisationId: In(organisationIds), canSign: true, disabled: false, id: Not(SYSTEM_AUTHOR.userId) },
      order: { displayName: 'ASC' },
    });
    return rows.map((row) => this.toUserDto(row));
  }

  async countAdmins(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).countBy({ role: 'admin', disabled: false });
  }

  async createUser(input: CreateUserDto, actorId: string | null): Promise<User> {
    const organisation = await this.getOrganisationForUser(input.organisationId);
    this.checkRoleFitsOrganisation(input.role, organisation);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      await this.ensureEmailFree(manager, input.email);
      const saved = await manager.getRepository(UserEntity).save({
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        canSign: input.canSign ?? false,
        organisationId: organisation.id,
        disabled: false,
        passwordHash,
      });
      const dto = this.toUserDto(saved);
      await this.audit.record(manager, { actorId, action: 'create', entity: 'user', entityId: saved.id, after: dto });
      return dto;
    });
  }

  async updateUser(id: string, input: UpdateUserDto, actorId: string | null): Promise<User> {
    const passwordHash = input.password === undefined ? undefined : await this.hasher.hash(input.password);
    const { result, revokeAll } = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(UserEntity);
      // The automatic notices' author is not an account anyone may manage.
      const current = id === SYSTEM_AUTHOR.userId ? null : await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundException(`No user with id ${id}`);
      const before = this.toUserDto(current);
      const role = input.role ?? current.role;
      const organisationId = input.organisationId ?? current.organisationId;
      if (input.role !== undefined || input.organisationId !== undefined) {
        this.checkRoleFitsOrganisation(role, await this.getOrganisationForUser(organisationId, manager));
      }
      const losesAdmin = current.role === 'admin' && !current.disabled && (role !== 'admin' || input.disabled === true);
      if (losesAdmin && (await repository.countBy({ role: 'admin', disabled: false })) <= 1) {
        throw conflict('role', 'This is the last active administrator: make another administrator first', 'last_administrator');
      }
      const changes: Partial<UserEntity> = {
        displayName: input.displayName ?? current.displayName,
        role,
        organisationId,
        canSign: input.canSign ?? current.canSign,
        disabled: input.disabled ?? current.disabled,
      };
      if (passwordHash) changes.passwordHash = passwordHash;
      await repository.update({ id }, changes);
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
      if (revokeAll) await this.revokeSessions(manager, id);
      return { result: after, revokeAll };
    });
    if (revokeAll) this.announceRevoked({ userId: id });
    return result;
  }

  /**
   * Disables the enabled accounts among these e-mail addresses and ends their sessions. No last-administrator
   * check: this serves accounts that must not stay usable (the demo accounts once DEMO is off).
   */
  async disableAccounts(emails: string[], actorId: string | null): Promise<string[]> {
    const disabled: string[] = [];
    if (!emails.length) return disabled;
    const enabled = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) IN (:...emails) AND NOT u.disabled', { emails: emails.map((email) => email.toLowerCase()) })
      .getMany();
    for (const { email } of enabled) {
      const userId = await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(UserEntity);
        const current = await repository
          .createQueryBuilder('u')
          .setLock('pessimistic_write')
          .where('lower(u.email) = lower(:email) AND NOT u.disabled', { email })
          .getOne();
        if (!current) return null;
        await repository.update({ id: current.id }, { disabled: true });
        const before = this.toUserDto(current);
        await this.audit.record(manager, { actorId, action: 'disable', entity: 'user', entityId: current.id, before, after: { ...before, disabled: true } });
        await this.revokeSessions(manager, current.id);
        return current.id;
      });
      if (userId) {
        this.announceRevoked({ userId });
        disabled.push(email);
      }
    }
    return disabled;
  }

  /** Sets a password and signs the user out of every other session. */
  async setPassword(userId: string, password: string, actorId: string, options: { keepSessionId?: string } = {}): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash });
      await this.audit.record(manager, { actorId, action: 'change-password', entity: 'user', entityId: userId });
      await this.revokeSessions(manager, userId, options.keepSessionId);
    });
    this.announceRevoked({ userId });
  }

  /** The entity itself, for auth (which starts sessions for it); null when unknown. */
  async findUserEntity(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  async findUserWithPasswordHash(email: string): Promise<{ user: UserEntity; passwordHash: string } | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    return user ? { user, passwordHash: user.passwordHash } : null;
  }

  /** The user behind a live session, or null when the session is revoked or expired or the user disabled. */
  async findActiveSessionUser(sessionId: string, userId: string): Promise<AuthUser | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(SessionEntity, 's', 's.user_id = u.id')
      .innerJoin(OrganisationEntity, 'o', 'o.id = u.organisation_id')
      .addSelect('o.kind', 'organisation_kind')
      .where('s.id = :sessionId AND u.id = :userId', { sessionId, userId })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled')
      .getRawAndEntities();
    const user = row.entities[0];
    if (!user) return null;
    return { ...this.toUserDto(user), organisationKind: row.raw[0].organisation_kind, sessionId };
  }

  /** Sessions that are still live for a user (the gateway checks its sockets against them). */
  async liveSessionIds(userId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(SessionEntity).find({
      select: { id: true },
      where: { userId, revokedAt: IsNull() },
    });
    return rows.map((row) => row.id);
  }

  private async revokeSessions(manager: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    await manager.getRepository(SessionEntity).update(
      keepSessionId ? { userId, revokedAt: IsNull(), id: Not(keepSessionId) } : { userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }

  private announceRevoked(event: SessionsRevokedEvent): void {
    this.events.emit(AUTH_EVENTS.sessionsRevoked, event);
  }

  private async getOrganisationForUser(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganisationEntity> {
    const organisation = await manager.getRepository(OrganisationEntity).findOneBy({ id });
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
    const taken = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getExists();
    if (taken) throw conflict('email', 'A user with this e-mail address already exists', 'already_exists');
  }
}
