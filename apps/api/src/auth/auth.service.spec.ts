import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { JwtService } from '@nestjs/jwt';
import type { DataSource, EntityManager } from 'typeorm';
import { strictFake } from '../common/spec-helpers';
import { UnitOfWork } from '../database/transaction-events';
import type { PasswordHasher } from '../people/password-hasher';
import type { PeopleService } from '../people/people.service';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { InstanceCaches } from '../common/instance-caches';
import { SessionCache } from './session-cache';
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
    revoke: async (_manager: EntityManager, sessionId: string) => {
      revoked.push(sessionId);
    },
  });
  const people = strictFake<PeopleService>('PeopleService', {
    findSignedIn: async (userId: string, sessionId: string) => {
      asked.push(`session ${sessionId} of ${userId}`);
      return options.live ? { user: { ...caller, id: userId, sessionId }, sessionExpiresAt: new Date(Date.now() + 3_600_000) } : null;
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
  const unitOfWork = new UnitOfWork(dataSource, events);
  const cache = new SessionCache({ redisUrl: null }, unitOfWork, new InstanceCaches());
  const auth = new AuthService(
    sessions,
    jwt,
    strictFake<PasswordHasher>('hasher', {}),
    strictFake<LoginThrottle>('throttle', {}),
    people,
    unitOfWork,
    strictFake<MfaChallenges>('MfaChallenges', {}),
    cache,
  );
  return { auth, asked, revoked, announced, cache };
}

describe('AuthService', () => {
  it('answers the user behind a live session, asking once for the session and its user', async () => {
    const { auth, asked } = world({ live: true });
    expect(await auth.authenticate('good')).toMatchObject({ id: USER_ID, sessionId: SESSION_ID });
    expect(asked).toEqual([`session ${SESSION_ID} of ${USER_ID}`]);
  });

  it('answers null for a revoked or expired session', async () => {
    const { auth } = world({ live: false });
    expect(await auth.authenticate('good')).toBeNull();
  });

  it('lets the same token in again from the cache, until the user\'s sign-ins are forgotten', async () => {
    const { auth, asked, cache } = world({ live: true });
    await auth.authenticate('good');
    expect(await auth.authenticate('good')).toMatchObject({ id: USER_ID });
    expect(asked).toHaveLength(1);
    cache.forgetHere({ userId: USER_ID, sessionIds: [SESSION_ID] });
    await auth.authenticate('good');
    expect(asked).toHaveLength(2);
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
