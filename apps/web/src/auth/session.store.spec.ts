import type { User } from '@samverkan/contracts';
import type { ApiFetch, ApiRequest } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { memoryStorage } from '../state/safe-storage';
import { SessionStore, TOKEN_STORAGE_KEY, USER_STORAGE_KEY } from './session.store';
import { signInErrorMessage } from './sign-in-error';

const user: User = {
  id: 'u1',
  email: 'police@demo.samverkan.test',
  displayName: 'Demo Polis',
  role: 'police',
  canSign: false,
  organisationId: 'o1',
  disabled: false,
  mfaEnabled: false,
  mfaRequired: false,
};

type Handler = (path: string, request: ApiRequest) => unknown;

/** A session whose api answers with `handler`; a thrown ApiError 401 signs out as the real client does. */
function setup(handler: Handler, stored: Record<string, string> = {}) {
  const storage = memoryStorage(stored);
  const calls: { path: string; request: ApiRequest }[] = [];
  const apiFetch = (async (path: string, request: ApiRequest = {}) => {
    calls.push({ path, request });
    const sentToken = request.auth === false ? null : session.token;
    try {
      return handler(path, request);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && sentToken) session.expired(sentToken);
      throw error;
    }
  }) as ApiFetch;
  const session: SessionStore = new SessionStore(storage, apiFetch);
  return { session, storage, calls };
}

const unauthorized = () => new ApiError(401, 'Unauthorized', 'Not signed in');

describe('SessionStore', () => {
  it('starts signed out when no token is stored', async () => {
    const { session, calls } = setup(() => user);
    await session.restore();
    expect(session.value).toEqual({ status: 'signed-out', reason: null });
    expect(calls).toEqual([]);
  });

  it('restores the session of a stored token', async () => {
    const { session } = setup(() => user, { [TOKEN_STORAGE_KEY]: 'stored' });
    await session.restore();
    expect(session.value).toEqual({ status: 'signed-in', user, token: 'stored' });
  });

  it('forgets a stored token the api no longer accepts', async () => {
    const { session, storage } = setup(
      () => {
        throw unauthorized();
      },
      { [TOKEN_STORAGE_KEY]: 'revoked' },
    );
    await session.restore();
    expect(session.value).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(storage.get(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('keeps the token when the api cannot be reached, so the user can retry', async () => {
    const { session, storage } = setup(
      () => {
        throw ApiError.network(new TypeError('Failed to fetch'));
      },
      { [TOKEN_STORAGE_KEY]: 'stored' },
    );
    await session.restore();
    expect(session.value).toEqual({ status: 'unreachable' });
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('stored');
  });

  it('offline, opens signed in as the user the token was last confirmed for, until the token expires', async () => {
    const jwt = (exp: number) => `h.${btoa(JSON.stringify({ sub: 'u1', exp }))}.s`;
    const offline = () => {
      throw ApiError.network(new TypeError('Failed to fetch'));
    };
    const valid = jwt(Math.floor(Date.now() / 1000) + 3600);
    const { session } = setup(offline, { [TOKEN_STORAGE_KEY]: valid, [USER_STORAGE_KEY]: JSON.stringify(user) });
    await session.restore();
    expect(session.value).toEqual({ status: 'signed-in', user, token: valid });

    const expired = jwt(Math.floor(Date.now() / 1000) - 60);
    const later = setup(offline, { [TOKEN_STORAGE_KEY]: expired, [USER_STORAGE_KEY]: JSON.stringify(user) });
    await later.session.restore();
    expect(later.session.value).toEqual({ status: 'unreachable' });
  });

  it('signs in without sending a token and stores the new one', async () => {
    const { session, storage, calls } = setup(() => ({ accessToken: 'fresh', user }));
    await session.signIn({ email: user.email, password: 'secret' });
    expect(calls[0]).toMatchObject({ path: '/api/auth/login', request: { method: 'POST', auth: false } });
    expect(session.value).toEqual({ status: 'signed-in', user, token: 'fresh' });
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('fresh');
    expect(JSON.parse(storage.get(USER_STORAGE_KEY) ?? 'null')).toEqual(user);
  });

  it('with a second factor, asks for the code and signs in with it, storing nothing before', async () => {
    const { session, storage, calls } = setup((path) =>
      path === '/api/auth/login'
        ? { mfaRequired: true, mfaToken: 'challenge' }
        : { accessToken: 'fresh', user },
    );
    expect(await session.signIn({ email: user.email, password: 'secret' })).toBeNull();
    expect(session.value).toEqual({ status: 'second-step', mfaToken: 'challenge' });
    expect(storage.get(TOKEN_STORAGE_KEY)).toBeNull();

    await session.signInWithCode('123456');
    expect(calls[1]).toMatchObject({
      path: '/api/auth/login/mfa',
      request: { method: 'POST', auth: false, body: { mfaToken: 'challenge', code: '123456' } },
    });
    expect(session.value).toEqual({ status: 'signed-in', user, token: 'fresh' });
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('fresh');
  });

  it('goes back from the second step to the password, saying why', async () => {
    const { session } = setup(() => ({ mfaRequired: true, mfaToken: 'challenge' }));
    await session.signIn({ email: user.email, password: 'secret' });
    session.cancelSecondStep('code-expired');
    expect(session.value).toEqual({ status: 'signed-out', reason: 'code-expired' });
  });

  it('takes the signed-in user’s new record (a second factor turned on)', async () => {
    const { session } = setup(() => ({ accessToken: 'fresh', user }));
    await session.signIn({ email: user.email, password: 'secret' });
    session.userChanged({ ...user, mfaEnabled: true });
    expect(session.user?.mfaEnabled).toBe(true);
  });

  it('signs out on the server and here, even when the server cannot be reached', async () => {
    const { session, storage, calls } = setup(
      (path) => {
        if (path === '/api/auth/logout') throw ApiError.network(new TypeError('Failed to fetch'));
        return user;
      },
      { [TOKEN_STORAGE_KEY]: 'stored' },
    );
    await session.restore();

    await session.signOut();

    expect(calls.map((call) => call.path)).toEqual(['/api/auth/me', '/api/auth/logout']);
    expect(session.value).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(storage.get(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('is signed out here before the server is asked, and asks it with the ended token', async () => {
    const { session, calls } = setup(() => user, { [TOKEN_STORAGE_KEY]: 'stored' });
    await session.restore();
    const statusWhenAsked: string[] = [];
    session.subscribe((value) => statusWhenAsked.push(value.status));

    await session.signOut();

    expect(statusWhenAsked[0]).toBe('signed-out');
    expect(calls[1]).toMatchObject({ path: '/api/auth/logout', request: { token: 'stored', keepalive: true } });
  });

  it('ignores a 401 for a token that is no longer the current one', async () => {
    const { session } = setup(() => ({ accessToken: 'new', user }));
    await session.signIn({ email: user.email, password: 'secret' });
    session.expired('old');
    expect(session.value.status).toBe('signed-in');
  });
});

describe('signInErrorMessage', () => {
  it.each([
    [new ApiError(401, 'Unauthorized', 'x'), 'signIn.error.wrongCredentials'],
    [new ApiError(429, 'Too Many Requests', 'x'), 'error.rateLimited'],
    [new ApiError(400, 'Bad Request', 'x'), 'signIn.error.invalid'],
    [new ApiError(503, 'Service Unavailable', 'x'), 'error.server'],
    [ApiError.network(new TypeError('Failed to fetch')), 'error.network'],
    [new Error('bug'), 'error.server'],
  ])('%s → %s', (error, key) => {
    expect(signInErrorMessage(error)).toBe(key);
  });
});
