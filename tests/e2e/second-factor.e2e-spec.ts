import { Secret, TOTP } from 'otpauth';
import { Clock } from '../../apps/api/src/common/clock';
import { Factory, TEST_PASSWORD } from '../support/factories';
import { client, request } from '../support/http';
import { connectError, connectSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/** What the user's authenticator app shows for this secret at this time. */
function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  });
}

describe('second factor (TOTP and recovery codes)', () => {
  let test: TestApp;
  let factory: Factory;
  // The api's clock, moved by the tests: codes and the mfaToken's lifetime follow it. Starts mid-step.
  let now: Date;
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    test = await startTestApp({ env: { MFA_REQUIRED_ROLES: 'coordinator' } });
    factory = await Factory.create(test.baseUrl);
  });
  beforeEach(() => {
    now = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
    jest.spyOn(test.app.get(Clock), 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => test.close());

  const login = (email: string, password = TEST_PASSWORD) =>
    request(test.baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  const loginMfa = (mfaToken: string, code: string) =>
    request(test.baseUrl, 'POST', '/api/auth/login/mfa', { body: { mfaToken, code } });

  /** A user of this role with a confirmed factor: its secret, recovery codes and signed-in client. */
  async function enrolled(role: 'police' | 'service' | 'coordinator' = 'police') {
    const user = await factory.user({ role });
    const setup = await user.post('/api/auth/mfa/totp/setup');
    expect(setup.status).toBe(200);
    const confirm = await user.post('/api/auth/mfa/totp/confirm', { code: codeAt(setup.body.secret, now) });
    expect(confirm.status).toBe(200);
    // The confirming code's step is used: sign-ins in the test start from the next one.
    advance(30);
    return Object.assign(user, {
      secret: setup.body.secret as string,
      recoveryCodes: confirm.body.recoveryCodes as string[],
    });
  }

  it('enrols: a setup changes nothing until a code confirms it, then gives ten recovery codes once', async () => {
    const police = await factory.user({ role: 'police' });
    expect(police.user).toMatchObject({ mfaEnabled: false, mfaRequired: false });
    const first = await police.post('/api/auth/mfa/totp/setup');
    expect(first.status).toBe(200);
    expect(first.body.secret).toMatch(/^[A-Z2-7]+=*$/);
    const url = new URL(first.body.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(first.body.secret);
    expect((await police.get('/api/auth/me')).body.mfaEnabled).toBe(false);
    expect((await login(police.email)).body.accessToken).toEqual(expect.any(String));

    // A new setup replaces the unconfirmed one: the first secret's codes no longer confirm.
    const second = await police.post('/api/auth/mfa/totp/setup');
    expect(second.body.secret).not.toBe(first.body.secret);
    const stale = await police.post('/api/auth/mfa/totp/confirm', { code: codeAt(first.body.secret, now) });
    expect(stale.status).toBe(400);
    expect(stale.body.details[0]).toMatchObject({ field: 'code', reason: 'wrong_code' });
    expect((await police.post('/api/auth/mfa/totp/confirm', { code: 12 })).status).toBe(400);

    const confirmed = await police.post('/api/auth/mfa/totp/confirm', {
      code: codeAt(second.body.secret, now),
    });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await police.get('/api/auth/me')).body).toMatchObject({ mfaEnabled: true, mfaRequired: false });
    // Shown once: confirming again, or a new setup, is refused while the factor is on.
    expect(
      (await police.post('/api/auth/mfa/totp/confirm', { code: codeAt(second.body.secret, now) })).status,
    ).toBe(409);
    expect((await police.post('/api/auth/mfa/totp/setup')).status).toBe(409);

    // The audit tells what happened, never the secret or the codes.
    const audit = await factory.admin.get(`/api/audit?entity=user&entityId=${police.user.id}`);
    expect(audit.body.map((event: { action: string }) => event.action)).toContain('mfa-enable');
    const text = JSON.stringify(audit.body);
    expect(text).not.toContain(second.body.secret);
    for (const code of codes) expect(text).not.toContain(code);
  });

  it('signs in in two steps, and a code is accepted once', async () => {
    const police = await enrolled();
    const first = await login(police.email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    const wrongPassword = await login(police.email, 'not-the-password-at-all');
    expect(wrongPassword.status).toBe(401);

    const code = codeAt(police.secret, now);
    const signedIn = await loginMfa(first.body.mfaToken, code);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: police.user.id, mfaEnabled: true });
    expect((await client(test.baseUrl, signedIn.body.accessToken).get('/api/auth/me')).status).toBe(200);
    // One success ends the mfaToken.
    expect(
      (await loginMfa(first.body.mfaToken, codeAt(police.secret, new Date(now.getTime() + 30_000)))).status,
    ).toBe(401);

    // The same code again, on a new sign-in, is refused; so is the previous step's code; the next step's passes.
    const again = await login(police.email);
    expect((await loginMfa(again.body.mfaToken, code)).status).toBe(401);
    expect(
      (await loginMfa(again.body.mfaToken, codeAt(police.secret, new Date(now.getTime() - 30_000)))).status,
    ).toBe(401);
    expect(
      (await loginMfa(again.body.mfaToken, codeAt(police.secret, new Date(now.getTime() + 30_000)))).status,
    ).toBe(200);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const police = await enrolled();
    const [firstCode, secondCode] = police.recoveryCodes;
    const one = await login(police.email);
    expect((await loginMfa(one.body.mfaToken, ` ${firstCode.toUpperCase()} `)).status).toBe(200);
    const two = await login(police.email);
    const reused = await loginMfa(two.body.mfaToken, firstCode);
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      details: [expect.objectContaining({ field: 'code', reason: 'wrong_code' })],
    });
    expect((await loginMfa(two.body.mfaToken, secondCode.replace('-', ''))).status).toBe(200);
    const audit = await factory.admin.get(`/api/audit?entity=user&entityId=${police.user.id}`);
    expect(
      audit.body.filter((event: { action: string }) => event.action === 'mfa-recovery-code-used'),
    ).toHaveLength(2);
  });

  it('an mfaToken dies after five wrong codes, and after five minutes', async () => {
    const police = await enrolled();
    const challenge = await login(police.email);
    for (let i = 0; i < 5; i++) expect((await loginMfa(challenge.body.mfaToken, '000000')).status).toBe(401);
    const dead = await loginMfa(challenge.body.mfaToken, codeAt(police.secret, now));
    expect(dead.status).toBe(401);
    expect(dead.body.message).toMatch(/password again/);
    expect(dead.body.details[0]).toMatchObject({ field: 'mfaToken', reason: 'sign_in_expired' });

    const late = await login(police.email);
    advance(5 * 60 + 1);
    const expired = await loginMfa(late.body.mfaToken, codeAt(police.secret, now));
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/password again/);

    const inTime = await login(police.email);
    advance(4 * 60);
    expect((await loginMfa(inTime.body.mfaToken, codeAt(police.secret, now))).status).toBe(200);
    expect((await loginMfa('not-a-token', codeAt(police.secret, now))).status).toBe(401);
    expect((await loginMfa('', '123456')).status).toBe(400);
  });

  it('wrong codes count towards the sign-in throttle (429)', async () => {
    const police = await enrolled();
    // The test app allows 10 failures per e-mail: the password step and five wrong codes, then another sign-in.
    const first = await login(police.email);
    for (let i = 0; i < 5; i++) expect((await loginMfa(first.body.mfaToken, '000000')).status).toBe(401);
    const second = await login(police.email);
    expect(second.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await loginMfa(second.body.mfaToken, '000000')).status).toBe(401);
    const throttled = await loginMfa(second.body.mfaToken, codeAt(police.secret, now));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a role that needs a second factor can do nothing else until it has one, over HTTP and sockets', async () => {
    const coordinator = await factory.user({ role: 'coordinator' });
    expect(coordinator.user).toMatchObject({ mfaEnabled: false, mfaRequired: true });
    const refused = await coordinator.get('/api/users/directory');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      details: [expect.objectContaining({ reason: 'mfa_required' })],
    });
    expect((await coordinator.get('/api/sites')).status).toBe(403);
    expect((await coordinator.get('/api/auth/me')).status).toBe(200);
    expect(await connectError(test.baseUrl, coordinator.token!)).toBe('mfa_required');

    const setup = await coordinator.post('/api/auth/mfa/totp/setup');
    expect(setup.status).toBe(200);
    expect(
      (await coordinator.post('/api/auth/mfa/totp/confirm', { code: codeAt(setup.body.secret, now) })).status,
    ).toBe(200);
    expect((await coordinator.get('/api/users/directory')).status).toBe(200);
    const socket = await connectSocket(test.baseUrl, coordinator.token!);
    socket.close();

    // While the role needs it, it cannot be turned off.
    advance(30);
    const off = await coordinator.delete('/api/auth/mfa', {
      body: { currentPassword: TEST_PASSWORD, code: codeAt(setup.body.secret, now) },
    });
    expect(off.status).toBe(403);
    expect(off.body.details[0].reason).toBe('mfa_required');

    // A role that does not need it is not held up.
    const police = await factory.user({ role: 'police' });
    expect((await police.get('/api/users/directory')).status).toBe(200);
  });

  it('logout and the password change stay open to a user who must set up a factor', async () => {
    const coordinator = await factory.user({ role: 'coordinator' });
    const changed = await coordinator.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another-long-password-2026',
    });
    expect(changed.status).toBe(204);
    expect((await coordinator.post('/api/auth/logout')).status).toBe(204);
  });

  it('turning it off needs the password and a code', async () => {
    const police = await enrolled();
    const noCode = await police.delete('/api/auth/mfa', { body: { currentPassword: TEST_PASSWORD } });
    expect(noCode.status).toBe(400);
    const wrongPassword = await police.delete('/api/auth/mfa', {
      body: { currentPassword: 'not-the-password', code: codeAt(police.secret, now) },
    });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.details[0]).toMatchObject({
      field: 'currentPassword',
      reason: 'wrong_password',
    });
    const wrongCode = await police.delete('/api/auth/mfa', {
      body: { currentPassword: TEST_PASSWORD, code: '000000' },
    });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.details[0]).toMatchObject({ field: 'code', reason: 'wrong_code' });
    const off = await police.delete('/api/auth/mfa', {
      body: { currentPassword: TEST_PASSWORD, code: codeAt(police.secret, now) },
    });
    expect(off.status).toBe(204);
    expect((await police.get('/api/auth/me')).body.mfaEnabled).toBe(false);
    expect((await login(police.email)).body.accessToken).toEqual(expect.any(String));
    expect(
      (await police.delete('/api/auth/mfa', { body: { currentPassword: TEST_PASSWORD, code: '123456' } }))
        .status,
    ).toBe(409);
    const audit = await factory.admin.get(`/api/audit?entity=user&entityId=${police.user.id}`);
    expect(audit.body.map((event: { action: string }) => event.action)).toContain('mfa-disable');
  });

  it('an administrator’s reset removes the factor and ends the user’s sessions', async () => {
    const police = await enrolled();
    const otherDevice = await login(police.email);
    const token = (await loginMfa(otherDevice.body.mfaToken, codeAt(police.secret, now))).body.accessToken;
    const socket = await connectSocket(test.baseUrl, token);
    const closed = socket.disconnection();

    expect((await police.post(`/api/users/${police.user.id}/mfa/reset`)).status).toBe(403);
    expect(
      (await factory.admin.post('/api/users/00000000-0000-4000-8000-000000000000/mfa/reset')).status,
    ).toBe(404);
    expect((await factory.admin.post(`/api/users/${police.user.id}/mfa/reset`)).status).toBe(204);
    expect((await police.get('/api/auth/me')).status).toBe(401);
    expect((await client(test.baseUrl, token).get('/api/auth/me')).status).toBe(401);
    await closed;
    const after = await login(police.email);
    expect(after.body.accessToken).toEqual(expect.any(String));
    expect(after.body.user.mfaEnabled).toBe(false);
    const user = await factory.admin.get(`/api/users/${police.user.id}`);
    expect(user.body.mfaEnabled).toBe(false);
    const audit = await factory.admin.get(`/api/audit?entity=user&entityId=${police.user.id}`);
    expect(audit.body.map((event: { action: string }) => event.action)).toContain('mfa-reset');
  });

  it('a password change or an administrator’s password reset keeps the factor', async () => {
    const police = await enrolled();
    const newPassword = 'a-brand-new-password-2026';
    expect(
      (await police.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword })).status,
    ).toBe(204);
    expect((await login(police.email, newPassword)).body.mfaRequired).toBe(true);
    const adminSet = 'set-by-the-administrator-2026';
    expect((await factory.admin.patch(`/api/users/${police.user.id}`, { password: adminSet })).status).toBe(
      200,
    );
    const challenge = await login(police.email, adminSet);
    expect(challenge.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect((await loginMfa(challenge.body.mfaToken, codeAt(police.secret, now))).status).toBe(200);
  });
});
