import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { JwtService } from '@nestjs/jwt';
import type { DataSource, EntityManager } from 'typeorm';
import { strictFake } from '../common/spec-helpers';
import { UnitOfWork } from '../database/transaction-events';
import type { PasswordHasher } from '../people/password-hasher';
import type { PeopleService } from '../people/people.service';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import type { LoginThrottle } from './login-throttle';
import type { MfaChallenges } from './second-factor/mfa-challenges';
import type { SessionsService } from './sessions.service';
import type { TokenPayload } from './token-payload';

// How a bearer token becomes a caller: the session is auth's (SessionsService), the user is people's
// (PeopleService). Both are fakes here; the SQL is covered end to end.

const USER_ID = '00000000-0000-4000-8000-000000000001';
const SESSION_ID = '00000000-0000-4000-8000-0000000000aa';

const caller = { id: USER_ID, email: 'a@example.org', sessionId: SESSION_ID } as AuthUser;

function world(options: { live: boolean }) {
  const asked: string[] = [];
  const revoked: string[] = [];
  const announced: unknown[] = [];
  const sessions = strictFake<SessionsService>('SessionsService', {
    isLive: async (sessionId: string, userId: string) => {
      asked.push(`session ${sessionId} of ${userId}`);
      return options.live;
    },
    revoke: async (_manager: EntityManager, sessionId: string) => {
      revoked.push(sessionId);
    },
  });
  const people = strictFake<PeopleService>('PeopleService', {
    findActiveUser: async (userId: string, sessionId: string) => {
      asked.push(`user ${userId}`);
      return { ...caller, id: userId, sessionId };
    },
  });
  const jwt = strictFake<JwtService>('JwtService', {
    verifyAsync: async <T>(token: string) => {
      if (token !== 'good') throw new Error('bad signature');
      return { sub: USER_ID, jti: SESSION_ID } as TokenPayload as T;
    },
  });
  const events = strictFake<EventEmitter2>('events', {
    emit: (_name: string, event: unknown) => {
      announced.push(event);
      return true;
    },
  });
  // The transaction runs straight away; its events are announced once it has "committed".
  const manager = strictFake<EntityManager>('manager', {});
  const dataSource = strictFake<DataSource>('dataSource', {
    transaction: (work: (manager: EntityManager) => Promise<unknown>) => work(manager),
  });
  const auth = new AuthService(
    sessions,
    jwt,
    strictFake<PasswordHasher>('hasher', {}),
    strictFake<LoginThrottle>('throttle', {}),
    people,
    new UnitOfWork(dataSource, events),
    strictFake<MfaChallenges>('MfaChallenges', {}),
  );
  return { auth, asked, revoked, announced };
}

describe('AuthService', () => {
  it('answers the user behind a live session', async () => {
    const { auth, asked } = world({ live: true });
    expect(await auth.authenticate('good')).toMatchObject({ id: USER_ID, sessionId: SESSION_ID });
    expect(asked).toEqual([`session ${SESSION_ID} of ${USER_ID}`, `user ${USER_ID}`]);
  });

  it('answers null for a revoked or expired session without asking for the user', async () => {
    const { auth, asked } = world({ live: false });
    expect(await auth.authenticate('good')).toBeNull();
    expect(asked).toEqual([`session ${SESSION_ID} of ${USER_ID}`]);
  });

  it('answers null for a token it did not sign, asking nothing', async () => {
    const { auth, asked } = world({ live: true });
    expect(await auth.authenticate('forged')).toBeNull();
    expect(await auth.authenticate(undefined)).toBeNull();
    expect(asked).toEqual([]);
  });

  it('signing out revokes the session and announces it', async () => {
    const { auth, revoked, announced } = world({ live: true });
    await auth.logout(caller);
    expect(revoked).toEqual([SESSION_ID]);
    expect(announced).toEqual([{ userId: USER_ID, sessionIds: [SESSION_ID] }]);
  });
});
