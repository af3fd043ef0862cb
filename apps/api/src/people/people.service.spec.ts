import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import type { OrganisationKind, Role } from '@samverkan/contracts';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import { AUTH_EVENTS } from '../auth/auth-user';
import type { SessionsService } from '../auth/sessions.service';
import { refusalOf, strictFake } from '../common/spec-helpers';
import { SYSTEM_AUTHOR } from '../common/system-author';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import type { PasswordHasher } from './password-hasher';
import type { DataSource } from 'typeorm';
import { UnitOfWork } from '../database/transaction-events';
import type { NewUser, PeopleRepository, UserChanges } from './people.repository';
import { PeopleService } from './people.service';

// The people service's rules (who fits which organisation, the last administrator, who is signed out after a
// change) against in-memory stand-ins for its repository and for auth's sessions service, which it asks to end
// sessions. The SQL itself is covered end to end.

interface SessionRow {
  id: string;
  userId: string;
  revokedAt: Date | null;
}

/** The users, organisations and sessions tables behind the fakes. */
class PeopleTables {
  readonly organisations: OrganisationEntity[] = [];
  readonly users: UserEntity[] = [];
  readonly sessions: SessionRow[] = [];
  readonly audit: AuditRecord[] = [];
  readonly revoked: unknown[] = [];
  /** Users whose sign-ins were announced as changed (sessions kept, read afresh). */
  readonly changed: unknown[] = [];

  addOrganisation(id: string, kind: OrganisationKind): OrganisationEntity {
    const organisation = { id, name: `Org ${id}`, kind } as OrganisationEntity;
    this.organisations.push(organisation);
    return organisation;
  }

  addUser(id: string, role: Role, organisationId: string, extra: Partial<UserEntity> = {}): UserEntity {
    const user = {
      id,
      email: `${id}@example.org`,
      displayName: `User ${id}`,
      role,
      canSign: false,
      organisationId,
      disabled: false,
      passwordHash: 'old-hash',
      ...extra,
    } as UserEntity;
    this.users.push(user);
    this.sessions.push({ id: `${id}-s1`, userId: id, revokedAt: null }, { id: `${id}-s2`, userId: id, revokedAt: null });
    return user;
  }

  user(id: string): UserEntity {
    return this.users.find((user) => user.id === id)!;
  }

  private copyOf(id: string): UserEntity | null {
    const user = this.users.find((candidate) => candidate.id === id);
    return user ? { ...user } : null;
  }

  liveSessions(userId: string): string[] {
    return this.sessions.filter((session) => session.userId === userId && session.revokedAt === null).map((session) => session.id);
  }

  /** Only the repository methods the service calls; copies out, as SQL reads fresh rows. */
  repository(): PeopleRepository {
    return strictFake<PeopleRepository>('PeopleRepository', {
      manager: this.manager,
      transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work(this.manager),
      findUser: async (_: EntityManager, id: string) => this.copyOf(id),
      findOrganisation: async (_: EntityManager, id: string) =>
        this.organisations.find((organisation) => organisation.id === id) ?? null,
      countActiveAdmins: async () => this.users.filter((user) => user.role === 'admin' && !user.disabled).length,
      emailTaken: async (_: EntityManager, email: string) =>
        this.users.some((user) => user.email.toLowerCase() === email.toLowerCase()),
      insertUser: async (_: EntityManager, values: NewUser) => {
        const saved = { id: `user-${this.users.length + 1}`, disabled: false, ...values } as UserEntity;
        this.users.push(saved);
        return { ...saved };
      },
      updateUser: async (_: EntityManager, id: string, changes: UserChanges) => {
        const { passwordHash, ...rest } = changes;
        Object.assign(this.user(id), rest, passwordHash === undefined ? {} : { passwordHash });
      },
      setPasswordHash: async (_: EntityManager, id: string, passwordHash: string) => {
        this.user(id).passwordHash = passwordHash;
      },
    });
  }

  /** Auth's sessions service, which the people service asks to end a user's sessions. */
  sessionsService(): SessionsService {
    return strictFake<SessionsService>('SessionsService', {
      revokeAllOf: async (_: EntityManager, userId: string, keepSessionId?: string) => {
        for (const session of this.sessions) {
          if (session.userId === userId && session.revokedAt === null && session.id !== keepSessionId) session.revokedAt = new Date();
        }
      },
    });
  }

  readonly manager = strictFake<EntityManager>('manager', {});

  service(): PeopleService {
    const hasher = strictFake<PasswordHasher>('hasher', { hash: async (password: string) => `hash(${password})` });
    const audit = strictFake<AuditService>('audit', {
      record: async (_manager: EntityManager, record: AuditRecord) => {
        this.audit.push(record);
      },
    });
    const events = strictFake<EventEmitter2>('events', {
      emit: (name: string, event: unknown) => {
        expect([AUTH_EVENTS.sessionsRevoked, AUTH_EVENTS.callerChanged]).toContain(name);
        (name === AUTH_EVENTS.sessionsRevoked ? this.revoked : this.changed).push(event);
        return true;
      },
    });
    // Transactions run straight on the in-memory tables; the revocation events come after the "commit".
    const dataSource = strictFake<DataSource>('dataSource', {
      transaction: (work: (manager: EntityManager) => Promise<unknown>) => work(this.manager),
    });
    return new PeopleService(this.repository(), hasher, audit, new UnitOfWork(dataSource, events), this.sessionsService(), {
      mfaRequiredRoles: [],
    });
  }
}

const newUser = (role: Role, organisationId: string) => ({
  email: 'new@example.org',
  displayName: 'New Person',
  password: 'a long enough password',
  role,
  organisationId,
});

describe('PeopleService', () => {
  let tables: PeopleTables;
  let service: PeopleService;

  beforeEach(() => {
    tables = new PeopleTables();
    tables.addOrganisation('police-org', 'police');
    tables.addOrganisation('service-org', 'service');
    tables.addOrganisation('coord-org', 'coordination');
    tables.addUser('admin-1', 'admin', 'coord-org');
    service = tables.service();
  });

  describe('creating a user', () => {
    it('refuses a police user in a service organisation, naming organisationId, and stores nothing', async () => {
      const refusal = await refusalOf(service.createUser(newUser('police', 'service-org'), 'admin-1'));
      expect(refusal).toMatchObject({ status: 400, fields: ['organisationId'] });
      expect(refusal.message).toContain('a police user must belong to a police organisation');
      expect(tables.users).toHaveLength(1);
      expect(tables.audit).toEqual([]);
    });

    it('refuses a service user in a police organisation', async () => {
      expect(await refusalOf(service.createUser(newUser('service', 'police-org'), 'admin-1'))).toMatchObject({ status: 400, fields: ['organisationId'] });
    });

    it('lets a coordinator or admin belong to any kind of organisation', async () => {
      await service.createUser({ ...newUser('coordinator', 'police-org'), email: 'c@example.org' }, 'admin-1');
      await service.createUser({ ...newUser('admin', 'service-org'), email: 'a@example.org' }, 'admin-1');
      expect(tables.users.map((user) => user.role)).toEqual(['admin', 'coordinator', 'admin']);
    });

    it('refuses an unknown organisation with 400 naming organisationId', async () => {
      expect(await refusalOf(service.createUser(newUser('police', 'no-such-org'), 'admin-1'))).toMatchObject({ status: 400, fields: ['organisationId'] });
    });

    it('answers 409 for an e-mail address already taken, whatever its case', async () => {
      tables.addUser('taken', 'police', 'police-org', { email: 'New@Example.org' });
      const refusal = await refusalOf(service.createUser(newUser('police', 'police-org'), 'admin-1'));
      expect(refusal.status).toBe(409);
      expect(tables.users).toHaveLength(2);
    });

    it('stores the hashed password, canSign false by default, and audits the user without the hash', async () => {
      const created = await service.createUser(newUser('police', 'police-org'), 'admin-1');
      expect(created).toMatchObject({ role: 'police', canSign: false, disabled: false, organisationId: 'police-org' });
      expect(tables.user(created.id).passwordHash).toBe('hash(a long enough password)');
      expect(tables.audit).toEqual([{ actorId: 'admin-1', action: 'create', entity: 'user', entityId: created.id, after: created }]);
      expect(JSON.stringify(tables.audit)).not.toContain('hash(');
    });
  });

  describe('changing a user', () => {
    it('keeps the last active administrator: neither demoted nor disabled (409), nothing written', async () => {
      expect((await refusalOf(service.updateUser('admin-1', { role: 'coordinator' }, 'admin-1'))).status).toBe(409);
      expect((await refusalOf(service.updateUser('admin-1', { disabled: true }, 'admin-1'))).status).toBe(409);
      expect(tables.user('admin-1')).toMatchObject({ role: 'admin', disabled: false });
      expect(tables.audit).toEqual([]);
      expect(tables.liveSessions('admin-1')).toHaveLength(2);
    });

    it('lets an administrator be disabled while another active one remains', async () => {
      tables.addUser('admin-2', 'admin', 'coord-org');
      await service.updateUser('admin-1', { disabled: true }, 'admin-2');
      expect(tables.user('admin-1').disabled).toBe(true);
    });

    it('does not count a disabled administrator as the other one', async () => {
      tables.addUser('admin-2', 'admin', 'coord-org', { disabled: true });
      expect((await refusalOf(service.updateUser('admin-1', { disabled: true }, 'admin-1'))).status).toBe(409);
    });

    it('checks a new role against the organisation the user stays in', async () => {
      tables.addUser('officer', 'police', 'police-org');
      const refusal = await refusalOf(service.updateUser('officer', { role: 'service' }, 'admin-1'));
      expect(refusal).toMatchObject({ status: 400, fields: ['organisationId'] });
      expect(tables.user('officer').role).toBe('police');
    });

    it('answers 404 for the system author, which no one manages', async () => {
      expect((await refusalOf(service.updateUser(SYSTEM_AUTHOR.userId, { displayName: 'X' }, 'admin-1'))).status).toBe(404);
      expect((await refusalOf(service.getUser(SYSTEM_AUTHOR.userId))).status).toBe(404);
    });

    it('disabling audits "disable", ends every session and announces the revocation', async () => {
      tables.addUser('officer', 'police', 'police-org');
      await service.updateUser('officer', { disabled: true }, 'admin-1');
      expect(tables.audit.map((record) => record.action)).toEqual(['disable']);
      expect(tables.liveSessions('officer')).toEqual([]);
      expect(tables.revoked).toEqual([{ userId: 'officer' }]);
    });

    it('enabling again audits "enable" and signs no one out', async () => {
      tables.addUser('officer', 'police', 'police-org', { disabled: true });
      await service.updateUser('officer', { disabled: false }, 'admin-1');
      expect(tables.audit.map((record) => record.action)).toEqual(['enable']);
      expect(tables.revoked).toEqual([]);
    });

    it.each([
      ['a new role', { role: 'coordinator' as Role }],
      ['a new organisation', { organisationId: 'police-org-2' }],
      ['a new password', { password: 'another long password' }],
    ])('signs the user out everywhere after %s', async (_what, change) => {
      tables.addOrganisation('police-org-2', 'police');
      tables.addUser('officer', 'police', 'police-org');
      await service.updateUser('officer', change, 'admin-1');
      expect(tables.liveSessions('officer')).toEqual([]);
      expect(tables.revoked).toEqual([{ userId: 'officer' }]);
    });

    it('keeps the sessions after a change of name or signing right, and records a password change only as a flag', async () => {
      tables.addUser('officer', 'police', 'police-org');
      await service.updateUser('officer', { displayName: 'Renamed', canSign: true }, 'admin-1');
      expect(tables.liveSessions('officer')).toHaveLength(2);
      expect(tables.revoked).toEqual([]);
      // What the sessions allow is read afresh on every instance (the session cache forgets them).
      expect(tables.changed).toEqual([{ userId: 'officer' }]);
      expect(tables.audit[0]).toMatchObject({ action: 'update', before: { canSign: false }, after: { canSign: true, displayName: 'Renamed' } });

      await service.updateUser('officer', { password: 'another long password' }, 'admin-1');
      expect(tables.audit[1].after).toMatchObject({ passwordChanged: true });
      expect(JSON.stringify(tables.audit)).not.toContain('another long password');
    });
  });

  it('a password change keeps the session that made it and ends the others', async () => {
    tables.addUser('officer', 'police', 'police-org');
    await service.setPassword('officer', 'another long password', 'officer', { keepSessionId: 'officer-s1' });
    expect(tables.user('officer').passwordHash).toBe('hash(another long password)');
    expect(tables.liveSessions('officer')).toEqual(['officer-s1']);
    expect(tables.audit).toEqual([{ actorId: 'officer', action: 'change-password', entity: 'user', entityId: 'officer' }]);
    expect(tables.revoked).toEqual([{ userId: 'officer' }]);
  });
});
