import { Factory, TEST_PASSWORD, signIn, unique } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('organisations and users', () => {
  let test: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    test = await startTestApp();
    factory = await Factory.create(test.baseUrl);
  });
  afterAll(() => test.close());

  it('only administrators manage users and organisations (403 for every other role)', async () => {
    const organisation = await factory.organisation('police');
    for (const role of ['coordinator', 'police', 'service'] as const) {
      const someone = await factory.user({ role, canSign: true });
      expect((await someone.get('/api/users')).status).toBe(403);
      const createUser = await someone.post('/api/users', {
        email: `${unique('x')}@samverkan.test`,
        displayName: 'X',
        password: TEST_PASSWORD,
        role: 'police',
        organisationId: organisation.id,
      });
      expect(createUser.status).toBe(403);
      expect(createUser.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect((await someone.post('/api/organisations', { name: unique('Org'), kind: 'service' })).status).toBe(403);
      expect((await someone.patch(`/api/users/${someone.user.id}`, { canSign: true, role: 'admin' })).status).toBe(403);
      // Everyone may read the organisations and the directory of colleagues.
      expect((await someone.get('/api/organisations')).status).toBe(200);
      const directory = await someone.get('/api/users/directory');
      expect(directory.status).toBe(200);
      expect(directory.body[0]).not.toHaveProperty('email');
    }
  });

  it('an administrator creates an organisation and a user who can then sign in', async () => {
    const created = await factory.admin.post('/api/organisations', { name: 'Testmottagningen Öster', kind: 'service' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Testmottagningen Öster', kind: 'service' });

    const email = `${unique('staff')}@samverkan.test`;
    const user = await factory.admin.post('/api/users', {
      email,
      displayName: 'Åsa Öberg',
      password: TEST_PASSWORD,
      role: 'service',
      organisationId: created.body.id,
      canSign: true,
    });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ email, displayName: 'Åsa Öberg', role: 'service', canSign: true, disabled: false });
    await expect(signIn(test.baseUrl, email, TEST_PASSWORD)).resolves.toBeDefined();

    const listed = await factory.admin.get('/api/users');
    expect(listed.body.map((u: { id: string }) => u.id)).toContain(user.body.id);
  });

  it('refuses a password under 12 characters, naming the field', async () => {
    const organisation = await factory.organisation('service');
    const response = await factory.admin.post('/api/users', {
      email: `${unique('short')}@samverkan.test`,
      displayName: 'Short',
      password: 'elevenchars',
      role: 'service',
      organisationId: organisation.id,
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^password/);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
    // Code points are counted: twelve emoji are twelve characters (twelve different ones: a repeat is guessable).
    const emoji = await factory.admin.post('/api/users', {
      email: `${unique('emoji')}@samverkan.test`,
      displayName: 'Emoji',
      password: '🔑🐝🌷🚲🧭🍎🌊🎈🦔🍄🎻🧩',
      role: 'service',
      organisationId: organisation.id,
    });
    expect(emoji.status).toBe(201);
  });

  it('refuses common and guessable passwords wherever one is set, naming the reason', async () => {
    const organisation = await factory.organisation('service');
    const common = await factory.admin.post('/api/users', {
      email: `${unique('weak')}@samverkan.test`,
      displayName: 'Weak',
      password: 'password1234',
      role: 'service',
      organisationId: organisation.id,
    });
    expect(common.status).toBe(400);
    expect(common.body.message).toMatch(/^password: is too common/);
    expect(common.body.details).toEqual([{ field: 'password', message: expect.stringContaining('(similarToCommon)'), reason: 'too_common' }]);

    const user = await factory.user({ role: 'service' });
    const reset = await factory.admin.patch(`/api/users/${user.user.id}`, { password: 'qwertyuiopasdf' });
    expect(reset.status).toBe(400);
    expect(reset.body.details).toEqual([expect.objectContaining({ field: 'password', reason: expect.stringMatching(/^too_(common|guessable)$/) })]);
    const changed = await user.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaaaa' });
    expect(changed.status).toBe(400);
    expect(changed.body.details).toEqual([{ field: 'newPassword', message: expect.stringContaining('(simpleRepeat)'), reason: 'too_guessable' }]);
    // The old password still works: nothing was changed.
    await expect(signIn(test.baseUrl, user.email, TEST_PASSWORD)).resolves.toBeDefined();
  });

  it('keeps police in police organisations and service staff in services', async () => {
    const police = await factory.organisation('police');
    const service = await factory.organisation('service');
    const officerInService = await factory.admin.post('/api/users', {
      email: `${unique('p')}@samverkan.test`,
      displayName: 'P',
      password: TEST_PASSWORD,
      role: 'police',
      organisationId: service.id,
    });
    expect(officerInService.status).toBe(400);
    expect(officerInService.body.details[0]).toMatchObject({ field: 'organisationId', message: expect.stringMatching(/police organisation/) });
    const staffInPolice = await factory.admin.post('/api/users', {
      email: `${unique('s')}@samverkan.test`,
      displayName: 'S',
      password: TEST_PASSWORD,
      role: 'service',
      organisationId: police.id,
    });
    expect(staffInPolice.status).toBe(400);

    const officer = await factory.user({ role: 'police', organisationId: police.id });
    const moved = await factory.admin.patch(`/api/users/${officer.user.id}`, { organisationId: service.id });
    expect(moved.status).toBe(400);
  });

  it('refuses duplicate e-mails (any case), unknown fields, bad kinds and bad names', async () => {
    const organisation = await factory.organisation('coordination');
    const email = `${unique('dup')}@samverkan.test`;
    const body = { email, displayName: 'D', password: TEST_PASSWORD, role: 'coordinator', organisationId: organisation.id };
    expect((await factory.admin.post('/api/users', body)).status).toBe(201);
    const again = await factory.admin.post('/api/users', { ...body, email: email.toUpperCase() });
    expect(again.status).toBe(409);

    const extra = await factory.admin.post('/api/organisations', { name: 'X', kind: 'service', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.details[0].field).toBe('admin');

    const badKind = await factory.admin.post('/api/organisations', { name: 'X', kind: 'army' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toMatch(/^kind/);

    for (const name of ['', 'a'.repeat(201), 'nul\u0000byte', 'lone \ud800 surrogate', 42]) {
      const response = await factory.admin.post('/api/organisations', { name, kind: 'service' });
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('name');
    }
    // Stored exactly as sent: no trimming.
    const spaced = await factory.admin.post('/api/organisations', { name: '  Mellanrum  ', kind: 'service' });
    expect(spaced.body.name).toBe('  Mellanrum  ');
    expect((await factory.admin.post('/api/organisations', { name: 'a'.repeat(200), kind: 'service' })).status).toBe(201);
  });

  it('an administrator changes the signatory flag, and the change is audited', async () => {
    const police = await factory.user({ role: 'police' });
    const updated = await factory.admin.patch(`/api/users/${police.user.id}`, { canSign: true });
    expect(updated.status).toBe(200);
    expect(updated.body.canSign).toBe(true);
    const audit = await factory.admin.get(`/api/audit?entity=user&entityId=${police.user.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.map((event: { action: string }) => event.action)).toEqual(['create', 'update']);
    expect(audit.body[1]).toMatchObject({ actorId: factory.admin.user.id, before: { canSign: false }, after: { canSign: true } });
    expect(JSON.stringify(audit.body)).not.toMatch(/passwordHash|argon2/);
  });

  it('will not disable the last active administrator', async () => {
    const admins = (await factory.admin.get('/api/users')).body.filter((u: { role: string; disabled: boolean }) => u.role === 'admin' && !u.disabled);
    if (admins.length === 1) {
      const response = await factory.admin.patch(`/api/users/${admins[0].id}`, { disabled: true });
      expect(response.status).toBe(409);
    }
    const other = await factory.user({ role: 'admin' });
    const demote = await factory.admin.patch(`/api/users/${other.user.id}`, { role: 'coordinator' });
    expect(demote.status).toBe(200);
  });

  it('answers 404 for an unknown user and 400 for an id that is not a UUID', async () => {
    expect((await factory.admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { canSign: true })).status).toBe(404);
    expect((await factory.admin.patch('/api/users/not-a-uuid', { canSign: true })).status).toBe(400);
  });
});
