import { AppProcess, freePort } from '../support/app-process';
import { Factory, TEST_PASSWORD, signIn } from '../support/factories';
import { client } from '../support/http';
import { PrivateRedis, redisServerAvailable } from '../support/redis-server';
import { startInstances, startTestApp, TestApp, twoInstancesSkipReason } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * A token let in a moment ago is kept in the api's session cache (docs/decisions/0025): these tests use each
 * token twice before the change, so that it is surely cached, and expect the change on the very next request.
 */
describe('the session cache forgets at once', () => {
  let test: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    test = await startTestApp();
    factory = await Factory.create(test.baseUrl);
  });
  afterAll(() => test.close());

  const letInTwice = async (api: ReturnType<typeof client>) => {
    for (let i = 0; i < 2; i++) expect((await api.get('/api/auth/me')).status).toBe(200);
  };

  it('refuses a token just let in once it is signed out, on the very next request', async () => {
    const police = await factory.user({ role: 'police' });
    await letInTwice(police);
    expect((await police.post('/api/auth/logout')).status).toBe(204);
    expect((await police.get('/api/auth/me')).status).toBe(401);
    expect((await police.get('/api/zones/check?lat=55.6&lng=13.0')).status).toBe(401);
  });

  it('refuses the other devices just let in after a password change, and keeps this one', async () => {
    const service = await factory.user({ role: 'service' });
    const otherDevice = await signIn(test.baseUrl, service.email, TEST_PASSWORD);
    await letInTwice(otherDevice);
    await letInTwice(service);
    const changed = await service.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' });
    expect(changed.status).toBe(204);
    expect((await otherDevice.get('/api/auth/me')).status).toBe(401);
    expect((await service.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a user just let in once disabled, once given another role, or once their second factor is reset', async () => {
    const disabled = await factory.user({ role: 'police' });
    const promoted = await factory.user({ role: 'police' });
    const reset = await factory.user({ role: 'service' });
    for (const user of [disabled, promoted, reset]) await letInTwice(user);

    expect((await factory.admin.patch(`/api/users/${disabled.user.id}`, { disabled: true })).status).toBe(200);
    expect((await disabled.get('/api/auth/me')).status).toBe(401);
    expect((await factory.admin.patch(`/api/users/${promoted.user.id}`, { role: 'coordinator' })).status).toBe(200);
    expect((await promoted.get('/api/auth/me')).status).toBe(401);
    expect((await factory.admin.post(`/api/users/${reset.user.id}/mfa/reset`)).status).toBe(204);
    expect((await reset.get('/api/auth/me')).status).toBe(401);
  });

  it('shows a change of signing right on the very next request, without signing the user out', async () => {
    const police = await factory.user({ role: 'police', canSign: true });
    await letInTwice(police);
    expect((await factory.admin.patch(`/api/users/${police.user.id}`, { canSign: false, displayName: 'Omdöpt' })).status).toBe(200);
    const me = await police.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ canSign: false, displayName: 'Omdöpt' });
  });
});

const reason = twoInstancesSkipReason();
if (reason) console.warn(`Skipping the session cache's two-instance tests: ${reason}.`);

jest.setTimeout(120_000);

(reason ? describe.skip : describe)('the session cache on two instances', () => {
  let instances: AppProcess[] = [];
  let factory: Factory;

  beforeAll(async () => {
    instances = await startInstances(2);
    factory = await Factory.create(instances[0].baseUrl);
  });
  afterAll(() => Promise.all(instances.map((instance) => instance.stop())));

  /** The user's token on each instance, each let in twice there (so cached on both). */
  const onBoth = async (user: { token?: string }) => {
    const apis = instances.map((instance) => client(instance.baseUrl, user.token));
    for (const api of apis) for (let i = 0; i < 2; i++) expect((await api.get('/api/auth/me')).status).toBe(200);
    return apis;
  };

  it('a sign-out on one instance is refused by the other on the very next request', async () => {
    const police = await factory.user({ role: 'police' });
    const [one, two] = await onBoth(police);
    expect((await one.post('/api/auth/logout')).status).toBe(204);
    expect((await two.get('/api/auth/me')).status).toBe(401);
  });

  it('disabling on one instance, or a new signing right, shows on the other at once', async () => {
    const disabled = await factory.user({ role: 'service' });
    const signer = await factory.user({ role: 'service', canSign: false });
    const [, disabledOnTwo] = await onBoth(disabled);
    const [, signerOnTwo] = await onBoth(signer);
    expect((await factory.admin.patch(`/api/users/${disabled.user.id}`, { disabled: true })).status).toBe(200);
    expect((await disabledOnTwo.get('/api/auth/me')).status).toBe(401);
    expect((await factory.admin.patch(`/api/users/${signer.user.id}`, { canSign: true })).status).toBe(200);
    expect((await signerOnTwo.get('/api/auth/me')).body.canSign).toBe(true);
  });
});

const outageReason = reason ?? (redisServerAvailable() ? null : 'redis-server is not on PATH');
(outageReason ? describe.skip : describe)('the session cache while Redis is away', () => {
  let instances: AppProcess[] = [];
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    instances = await startInstances(2, { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis.stop();
  });

  it('an instance that cannot hear the others trusts no cached sign-in: a sign-out elsewhere still counts at once', async () => {
    const [one, two] = instances;
    const factory = await Factory.create(one.baseUrl);
    const police = await factory.user({ role: 'police' });
    const onOne = client(one.baseUrl, police.token);
    const onTwo = client(two.baseUrl, police.token);
    for (const api of [onOne, onTwo]) for (let i = 0; i < 2; i++) expect((await api.get('/api/auth/me')).status).toBe(200);

    await redis.stop();
    // The second instance has noticed that its link to the others is broken.
    await waitFor('the second instance reports its Redis link down', () => two.output.includes('is unreachable'));
    expect((await onOne.post('/api/auth/logout')).status).toBe(204);
    expect((await onTwo.get('/api/auth/me')).status).toBe(401);
  });
});
