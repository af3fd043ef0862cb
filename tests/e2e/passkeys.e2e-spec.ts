import { Factory } from '../support/factories';
import { client, request } from '../support/http';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { startTestApp, TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://samverkan.test';

describe('passkeys as a second factor', () => {
  let test: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    test = await startTestApp({ env: { MFA_REQUIRED_ROLES: 'coordinator', PUBLIC_URL } });
    factory = await Factory.create(test.baseUrl);
  });
  afterAll(() => test.close());

  const login = (email: string, password: string) =>
    request(test.baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  const loginOptions = (mfaToken: string) =>
    request(test.baseUrl, 'POST', '/api/auth/login/mfa/passkey/options', { body: { mfaToken } });
  const loginWith = (mfaToken: string, response: unknown) =>
    request(test.baseUrl, 'POST', '/api/auth/login/mfa/passkey', { body: { mfaToken, response } });

  type User = Awaited<ReturnType<Factory['user']>>;

  /** Registers a new software passkey for the user, as the browser ceremony would. */
  async function addPasskey(user: User, name = 'Test key') {
    const authenticator = new SoftwareAuthenticator(PUBLIC_URL);
    const options = await user.post('/api/auth/mfa/passkeys/options');
    expect(options.status).toBe(200);
    const added = await user.post('/api/auth/mfa/passkeys', {
      name,
      response: authenticator.register(options.body),
    });
    expect(added.status).toBe(201);
    return Object.assign(authenticator, { passkeyId: added.body.id as string });
  }

  /** Password, then the passkey: the whole sign-in. */
  async function signInWithPasskey(user: User, authenticator: SoftwareAuthenticator) {
    const first = await login(user.email, user.password);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    const options = await loginOptions(first.body.mfaToken);
    expect(options.status).toBe(200);
    return loginWith(first.body.mfaToken, authenticator.assert(options.body));
  }

  it('registers a passkey: options from the settings, one use of the challenge, and mfaEnabled with it alone', async () => {
    const police = await factory.user({ role: 'police' });
    const authenticator = new SoftwareAuthenticator(PUBLIC_URL);
    const options = await police.post('/api/auth/mfa/passkeys/options');
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({
      rp: { id: 'samverkan.test', name: 'Samverkan' },
      user: { name: police.email },
      challenge: expect.any(String),
      attestation: 'none',
    });
    // From another origin (a look-alike site): refused, and its challenge is gone with it.
    const phished = new SoftwareAuthenticator('https://samverkan.example');
    const refused = await police.post('/api/auth/mfa/passkeys', {
      name: 'x',
      response: phished.register(options.body),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'response', reason: 'passkey_not_recognised' });
    const again = await police.post('/api/auth/mfa/passkeys', {
      name: 'Laptop',
      response: authenticator.register(options.body),
    });
    expect(again.status).toBe(400);

    const fresh = await police.post('/api/auth/mfa/passkeys/options');
    const response = authenticator.register(fresh.body);
    const added = await police.post('/api/auth/mfa/passkeys', { name: '  Laptop ', response });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      name: 'Laptop',
      createdAt: expect.any(String),
      lastUsedAt: null,
    });
    // The same answer twice: its challenge was used.
    expect((await police.post('/api/auth/mfa/passkeys', { name: 'Again', response })).status).toBe(400);

    expect((await police.get('/api/auth/me')).body).toMatchObject({ mfaEnabled: true });
    expect((await police.get('/api/auth/mfa/passkeys')).body).toEqual([added.body]);
    const admin = await factory.admin.get(`/api/users/${police.user.id}`);
    expect(admin.body.mfaEnabled).toBe(true);
    // The next options leave out the registered key, so the browser does not make a second one on it.
    const next = await police.post('/api/auth/mfa/passkeys/options');
    expect(next.body.excludeCredentials).toEqual([
      expect.objectContaining({ id: authenticator.credentialId }),
    ]);

    const audit = await factory.admin.get(`/api/audit?entity=user&entityId=${police.user.id}`);
    expect(audit.body.map((event: { action: string }) => event.action)).toContain('passkey-add');
    expect(JSON.stringify(audit.body)).not.toContain(authenticator.credentialId);
  });

  it('signs in with the password and then a passkey; a replayed or cloned answer is refused', async () => {
    const police = await factory.user({ role: 'police' });
    const authenticator = await addPasskey(police);

    const first = await login(police.email, police.password);
    const options = await loginOptions(first.body.mfaToken);
    expect(options.body.allowCredentials).toEqual([
      expect.objectContaining({ id: authenticator.credentialId }),
    ]);
    // Another key that claims the credential's id: wrong signature.
    const impostor = Object.assign(new SoftwareAuthenticator(PUBLIC_URL), {
      credentialId: authenticator.credentialId,
    });
    const forged = await loginWith(first.body.mfaToken, impostor.assert(options.body));
    expect(forged.status).toBe(401);
    expect(forged.body.details[0]).toMatchObject({ reason: 'passkey_not_recognised' });

    // A wrong answer counts, but the sign-in survives it (as a wrong code does) with fresh options.
    const retry = await loginOptions(first.body.mfaToken);
    const answer = authenticator.assert(retry.body);
    const signedIn = await loginWith(first.body.mfaToken, answer);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: police.user.id, mfaEnabled: true });
    const me = client(test.baseUrl, signedIn.body.accessToken);
    expect((await me.get('/api/auth/me')).status).toBe(200);
    expect((await me.get('/api/auth/mfa/passkeys')).body[0].lastUsedAt).toEqual(expect.any(String));

    // Replayed on a new sign-in: its challenge was used (and never belonged to that sign-in).
    const second = await login(police.email, police.password);
    expect((await loginWith(second.body.mfaToken, answer)).status).toBe(401);
    // A clone of the authenticator, its counter behind: refused although the challenge is fresh.
    authenticator.counter -= 1;
    const cloned = await loginOptions(second.body.mfaToken);
    expect((await loginWith(second.body.mfaToken, authenticator.assert(cloned.body))).status).toBe(401);
    const ok = await loginOptions(second.body.mfaToken);
    authenticator.counter += 5;
    expect((await loginWith(second.body.mfaToken, authenticator.assert(ok.body))).status).toBe(200);
    // The finished sign-in's mfaToken asks for the password again.
    const ended = await loginOptions(second.body.mfaToken);
    expect(ended.status).toBe(401);
    expect(ended.body.details[0]).toMatchObject({ field: 'mfaToken', reason: 'sign_in_expired' });
  });

  it('a passkey meets MFA_REQUIRED_ROLES, and the last one cannot be removed then', async () => {
    const coordinator = await factory.user({ role: 'coordinator' });
    expect((await coordinator.get('/api/organisations')).status).toBe(403);
    const authenticator = await addPasskey(coordinator);
    expect((await coordinator.get('/api/organisations')).status).toBe(200);
    expect((await coordinator.get('/api/auth/me')).body).toMatchObject({
      mfaEnabled: true,
      mfaRequired: true,
    });
    const signedIn = await signInWithPasskey(coordinator, authenticator);
    expect(signedIn.status).toBe(200);
    expect((await client(test.baseUrl, signedIn.body.accessToken).get('/api/organisations')).status).toBe(
      200,
    );
    const refused = await coordinator.delete(`/api/auth/mfa/passkeys/${authenticator.passkeyId}`, {
      body: { currentPassword: coordinator.password, code: '000000' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.details[0]).toMatchObject({ reason: 'mfa_required' });
  });

  it('removes a passkey with the password and a passkey, and turning it off removes them all', async () => {
    const police = await factory.user({ role: 'police' });
    const kept = await addPasskey(police, 'Phone');
    const removed = await addPasskey(police, 'Old key');
    const remove = (body: unknown) => police.delete(`/api/auth/mfa/passkeys/${removed.passkeyId}`, { body });

    const confirm = async (authenticator: SoftwareAuthenticator) =>
      authenticator.assert((await police.post('/api/auth/mfa/passkeys/confirm-options')).body);
    const wrongPassword = await remove({ currentPassword: 'not-the-password', passkey: await confirm(kept) });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.details[0]).toMatchObject({ reason: 'wrong_password' });
    expect((await remove({ currentPassword: police.password })).status).toBe(400);
    expect((await remove({ currentPassword: police.password, code: '123456' })).status).toBe(400);
    expect((await remove({ currentPassword: police.password, passkey: await confirm(kept) })).status).toBe(
      204,
    );
    expect(
      (await police.get('/api/auth/mfa/passkeys')).body.map((passkey: { name: string }) => passkey.name),
    ).toEqual(['Phone']);
    expect((await remove({ currentPassword: police.password, passkey: await confirm(kept) })).status).toBe(
      404,
    );

    // DELETE /api/auth/mfa with a passkey instead of a code: every factor goes, sign-in is one step again.
    const off = await police.delete('/api/auth/mfa', {
      body: { currentPassword: police.password, passkey: await confirm(kept) },
    });
    expect(off.status).toBe(204);
    expect((await police.get('/api/auth/mfa/passkeys')).body).toEqual([]);
    expect((await login(police.email, police.password)).body.accessToken).toEqual(expect.any(String));
    const audit = await factory.admin.get(`/api/audit?entity=user&entityId=${police.user.id}`);
    expect(audit.body.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['passkey-remove', 'mfa-disable']),
    );
  });

  it('passkeys are off without a public address, and the app is told so', async () => {
    expect((await request(test.baseUrl, 'GET', '/api/client-config')).body).toMatchObject({ passkeys: true });
    const unaddressed = await startTestApp({ env: { HOST: '0.0.0.0' } });
    try {
      expect((await request(unaddressed.baseUrl, 'GET', '/api/client-config')).body).toMatchObject({
        passkeys: false,
      });
      const police = await (await Factory.create(unaddressed.baseUrl)).user({ role: 'police' });
      const refused = await police.post('/api/auth/mfa/passkeys/options');
      expect(refused.status).toBe(409);
      expect(refused.body.details[0]).toMatchObject({ field: 'passkey', reason: 'passkeys_unavailable' });
    } finally {
      await unaddressed.close();
    }
  });

  it('an administrator’s reset removes the passkeys', async () => {
    const police = await factory.user({ role: 'police' });
    await addPasskey(police);
    expect((await factory.admin.post(`/api/users/${police.user.id}/mfa/reset`)).status).toBe(204);
    expect((await police.get('/api/auth/me')).status).toBe(401);
    const signedIn = await login(police.email, police.password);
    expect(signedIn.body.user).toMatchObject({ mfaEnabled: false });
    const me = client(test.baseUrl, signedIn.body.accessToken);
    expect((await me.get('/api/auth/mfa/passkeys')).body).toEqual([]);
    expect((await me.post('/api/auth/mfa/passkeys/confirm-options')).status).toBe(409);
    const audit = await factory.admin.get(`/api/audit?entity=user&entityId=${police.user.id}`);
    expect(audit.body.find((event: { action: string }) => event.action === 'mfa-reset')).toMatchObject({
      before: { mfaEnabled: true },
    });
  });
});
