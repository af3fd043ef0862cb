import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { DOMAIN_EVENTS } from '../../apps/api/src/common/domain-events';
import { Factory } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('automatic notices on the joint channel', () => {
  let test: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    test = await startTestApp();
    factory = await Factory.create(test.baseUrl);
  });
  afterAll(() => test.close());

  it('posts a notice once per key, signed by Samverkan, readable by everyone', async () => {
    const officer = await factory.user({ role: 'police' });
    const channels = await officer.get('/api/channels');
    const joint = channels.body.find((channel: { kind: string }) => channel.kind === 'joint');
    const key = `test-notice:${randomUUID()}`;
    const body = `3 naloxone kits expire within 14 days (${key})`;
    const events = test.app.get(EventEmitter2);
    await events.emitAsync(DOMAIN_EVENTS.jointChannelNotice, { key, body });
    await events.emitAsync(DOMAIN_EVENTS.jointChannelNotice, { key, body });

    const history = await officer.get(`/api/channels/${joint.id}/messages?limit=200`);
    const posted = history.body.filter((message: { body: string }) => message.body === body);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ authorName: 'Samverkan', priority: 'normal' });
  });

  it('the notices’ author is no account an administrator can see or manage', async () => {
    const users = await factory.admin.get('/api/users');
    expect(users.body.map((user: { email: string }) => user.email)).not.toContain('system@samverkan.invalid');
    expect((await factory.admin.patch('/api/users/00000000-0000-4000-8000-00000000a001', { disabled: false })).status).toBe(404);
    const organisations = await factory.admin.get('/api/organisations');
    expect(organisations.body.map((o: { id: string }) => o.id)).not.toContain('00000000-0000-4000-8000-00000000a000');
  });
});
