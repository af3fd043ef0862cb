import { Factory, TEST_PASSWORD, signIn, signInAdmin, unique } from '../support/factories';
import { request } from '../support/http';
import { startTestApp, TestApp, TEST_ADMIN } from '../support/test-app';

describe('sign-in and sessions', () => {
  let test: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    test = await startTestApp();
    factory = await Factory.create(test.baseUrl);
  });
  afterAll(() => test.close());

  it('signs in with the right password and tells who is signed in', async () => {
    const police = await factory.user({ role: 'police', canSign: true });
    const me = await police.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: police.user.id,
      email: police.email,
      displayName: police.user.displayName,
      role: 'police',
      canSign: true,
      organisationId: police.organisationId,
      disabled: false,
      mfaEnabled: false,
      mfaRequired: false,
    });
    expect(JSON.stringify(me.body)).not.toMatch(/password|hash/i);
  });

  it('accepts the e-mail address in any case', async () => {
    const service = await factory.user({ role: 'service' });
    const response = await request(test.baseUrl, 'POST', '/api/auth/login', {
      body: { email: service.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
  });

  it('answers an unknown e-mail and a wrong password with the same 401', async () => {
    const service = await factory.user({ role: 'service' });
    const wrongPassword = await request(test.baseUrl, 'POST', '/api/auth/login', {
      body: { email: service.email, password: 'not-the-password-at-all' },
    });
    const unknownEmail = await request(test.baseUrl, 'POST', '/api/auth/login', {
      body: { email: `${unique('nobody')}@samverkan.test`, password: 'not-the-password-at-all' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: 'Wrong e-mail or password' });
  });

  it('refuses a login body without the fields, naming them', async () => {
    const response = await request(test.baseUrl, 'POST', '/api/auth/login', { body: { email: 'x@y.z' } });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^password/);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
  });

  it('needs a valid token on every /api route but health', async () => {
    expect((await request(test.baseUrl, 'GET', '/api/health')).status).toBe(200);
    for (const path of ['/api/auth/me', '/api/users/directory', '/api/organisations', '/api/audit']) {
      const none = await request(test.baseUrl, 'GET', path);
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      const forged = await request(test.baseUrl, 'GET', path, { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
      expect(forged.status).toBe(401);
    }
  });

  it('stops a token at logout, and only that one', async () => {
    const police = await factory.user({ role: 'police' });
    const other = await signIn(test.baseUrl, police.email, TEST_PASSWORD);
    expect((await police.post('/api/auth/logout')).status).toBe(204);
    expect((await police.get('/api/auth/me')).status).toBe(401);
    expect((await other.get('/api/auth/me')).status).toBe(200);
  });

  it('changing the password stops the other tokens and keeps this one', async () => {
    const service = await factory.user({ role: 'service' });
    const otherDevice = await signIn(test.baseUrl, service.email, TEST_PASSWORD);
    const tooShort = await service.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.details[0].field).toBe('newPassword');
    const wrongCurrent = await service.post('/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-password' });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.details[0].field).toBe('currentPassword');

    const changed = await service.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' });
    expect(changed.status).toBe(204);
    expect((await service.get('/api/auth/me')).status).toBe(200);
    expect((await otherDevice.get('/api/auth/me')).status).toBe(401);
    await expect(signIn(test.baseUrl, service.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    await expect(signIn(test.baseUrl, service.email, 'a-brand-new-password')).resolves.toBeDefined();
  });

  it('a disabled user’s existing tokens stop at once and they cannot sign in', async () => {
    const police = await factory.user({ role: 'police' });
    expect((await police.get('/api/auth/me')).status).toBe(200);
    const disabled = await factory.admin.patch(`/api/users/${police.user.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await police.get('/api/auth/me')).status).toBe(401);
    await expect(signIn(test.baseUrl, police.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    await factory.admin.patch(`/api/users/${police.user.id}`, { disabled: false });
    await expect(signIn(test.baseUrl, police.email, TEST_PASSWORD)).resolves.toBeDefined();
  });

  it('the bootstrap administrator exists once, however often the app starts', async () => {
    const second = await startTestApp();
    try {
      const admin = await signInAdmin(second.baseUrl);
      const users = await admin.get('/api/users');
      expect(users.body.filter((user: { email: string }) => user.email === TEST_ADMIN.email)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('sign-in throttling', () => {
  let test: TestApp;
  let factory: Factory;
  let nextAddress = 1;
  /** A client address of its own for each test: the app runs behind one trusted proxy (TRUST_PROXY=1). */
  const newAddress = () => `203.0.113.${nextAddress++}`;
  const login = (email: string, password: string, forwardedFor: string) =>
    request(test.baseUrl, 'POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': forwardedFor } });

  beforeAll(async () => {
    test = await startTestApp({ env: { TRUST_PROXY: '1' }, overrides: { loginThrottle: { perIp: 12, perEmail: 3, windowSeconds: 60 } } });
    factory = await Factory.create(test.baseUrl);
  });
  afterAll(() => test.close());

  it('after too many wrong passwords for one e-mail, answers 429 even with the right one', async () => {
    const police = await factory.user({ role: 'police' });
    const address = newAddress();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await login(police.email, 'wrong-wrong-wrong', address)).status).toBe(401);
    }
    const blocked = await login(police.email, TEST_PASSWORD, address);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts wrong passwords sent in parallel before checking them: no more than the limit are tried', async () => {
    const police = await factory.user({ role: 'police' });
    const address = newAddress();
    const responses = await Promise.all(Array.from({ length: 20 }, () => login(police.email, 'wrong-wrong-wrong', address)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(17);
  });

  it('a stranger’s guesses from other addresses do not keep the owner out of their own address', async () => {
    const owner = await factory.user({ role: 'service' });
    const home = newAddress();
    expect((await login(owner.email, TEST_PASSWORD, home)).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await login(owner.email, 'guess-guess-guess', newAddress())).status).toBe(401);
    }
    // The stranger is slowed down wherever they come from next …
    expect((await login(owner.email, 'guess-guess-guess', newAddress())).status).toBe(429);
    // … and the owner signs in from home as usual.
    expect((await login(owner.email, TEST_PASSWORD, home)).status).toBe(200);
  });

  it('limits the failed attempts from one IP address whatever the e-mail', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 14; attempt++) {
      statuses.push((await login(`${unique('guess')}@samverkan.test`, 'guess-guess-guess', address)).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(12);
  });

  it('takes the client’s address from X-Forwarded-For only as far as the trusted proxy vouches for it', async () => {
    // One trusted proxy appends the address it saw; what the client wrote in front of it is the client's own story.
    const address = newAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 14; attempt++) {
      const spoofed = `198.18.${attempt}.1, ${address}`;
      statuses.push((await login(`${unique('spoof')}@samverkan.test`, 'guess-guess-guess', spoofed)).status);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(12);
    expect(statuses.slice(12)).toEqual([429, 429]);
  });

  it('throttles guesses at the current password when changing it', async () => {
    const service = await factory.user({ role: 'service' });
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await service.post('/api/auth/password', { currentPassword: 'guess-guess-guess', newPassword: 'a-brand-new-password' });
      expect(wrong.status).toBe(400);
    }
    const blocked = await service.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    await expect(signIn(test.baseUrl, service.email, TEST_PASSWORD)).resolves.toBeDefined();
  });
});
