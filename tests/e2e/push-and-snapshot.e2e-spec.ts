import { EventEmitter2 } from '@nestjs/event-emitter';
import type {
  Channel,
  Message,
  PushSubscriptionRequest,
  SiteFeature,
  ZoneCheckResponse,
  ZoneFeature,
  ZoneSnapshot,
  ZoneSnapshotEntry,
} from '@samverkan/contracts';
import { SnapshotIndex } from '@samverkan/geo/snapshot-check';
import { DOMAIN_EVENTS } from '../../apps/api/src/common/domain-events';
import { generateVapidKeys } from '../../apps/api/src/config/vapid-keys';
import { FakePushService } from '../support/fake-push-service';
import { Factory, signIn } from '../support/factories';
import { directChannel, postMessage, TestUser } from '../support/messaging-factories';
import { connectSocket, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';
import { MapFactory, MapTeam, offset, squareAround } from '../support/zone-factories';

describe('the phone: the zone snapshot', () => {
  let test: TestApp;
  let map: MapFactory;
  let team: MapTeam;
  let site: SiteFeature;
  let centre: [number, number];

  beforeAll(async () => {
    test = await startTestApp();
    map = await MapFactory.create(test.baseUrl);
    team = await map.team();
    site = await map.site(team.staff, { name: 'Snapshotplatsen' });
    centre = site.geometry.coordinates as [number, number];
  });
  afterAll(() => test.close());

  async function snapshot(headers: Record<string, string> = {}) {
    return team.police.get<ZoneSnapshot>('/api/zones/snapshot', { headers });
  }
  const entry = (body: ZoneSnapshot, zone: ZoneFeature): ZoneSnapshotEntry | undefined =>
    body.zones.find((held) => held.id === zone.properties.id);

  it('holds agreed zones, and the agreed version of a zone whose newer version is proposed', async () => {
    const agreed = await map.agree(
      team,
      await map.zone(team.staff, site, { name: 'Agreed', geometry: squareAround(centre, 100) }),
    );
    const schedule = {
      timezone: 'Europe/Stockholm',
      windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' }],
    };
    const changing = await map.agree(
      team,
      await map.zone(team.staff, site, {
        name: 'Changing v1',
        geometry: squareAround(offset(centre, 300, 0), 50),
        schedule,
        validUntil: '2030-01-01T00:00:00+01:00',
      }),
    );
    const proposal = await team.staff.patch(`/api/zones/${changing.id}`, {
      version: 1,
      name: 'Changing v2',
      geometry: squareAround(offset(centre, 300, 0), 80),
      schedule: null,
    });
    expect(proposal.status).toBe(200);
    const never = await map.zone(team.staff, site, {
      name: 'Never agreed',
      geometry: squareAround(offset(centre, -300, 0), 50),
    });

    const response = await snapshot();
    expect(response.status).toBe(200);
    expect(Date.now() - Date.parse(response.body.generatedAt)).toBeLessThan(60_000);
    expect(entry(response.body, agreed)).toEqual({
      id: agreed.id,
      siteId: site.id,
      name: 'Agreed',
      siteName: 'Snapshotplatsen',
      status: 'agreed',
      agreedVersion: 1,
      geometry: { type: 'Polygon', coordinates: expect.any(Array) },
      schedule: null,
      validFrom: null,
      validUntil: null,
    });
    // The version in force, not the pending proposal: its name, shape, schedule and validity.
    expect(entry(response.body, changing)).toEqual({
      id: changing.id,
      siteId: site.id,
      name: 'Changing v1',
      siteName: 'Snapshotplatsen',
      status: 'proposed',
      agreedVersion: 1,
      geometry: changing.geometry,
      schedule,
      validFrom: null,
      validUntil: '2029-12-31T23:00:00.000Z',
    });
    expect(entry(response.body, never)).toBeUndefined();
  });

  it('keeps suspended zones apart, with their suspension and the version it holds back; leaves withdrawn zones out', async () => {
    const schedule = { timezone: 'Europe/Stockholm', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }] };
    const suspended = await map.agree(
      team,
      await map.zone(team.staff, site, {
        name: 'Suspended',
        geometry: squareAround(offset(centre, 0, 300), 50),
        schedule,
      }),
    );
    const withdrawn = await map.agree(
      team,
      await map.zone(team.staff, site, {
        name: 'Withdrawn',
        geometry: squareAround(offset(centre, 0, -300), 50),
      }),
    );
    expect(entry((await snapshot()).body, suspended)).toBeDefined();
    const before = await snapshot();
    const until = new Date(Date.now() + 2 * 3600_000).toISOString();
    const suspending = await team.policeSignatory.post<ZoneFeature>(`/api/zones/${suspended.id}/suspend`, {
      reason: 'Sanering av trapphuset',
      until,
    });
    expect(suspending.status).toBe(200);
    expect(
      (await team.signatory.post(`/api/zones/${withdrawn.id}/withdraw`, { reason: 'Test' })).status,
    ).toBe(200);

    const after = await snapshot({ 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    const body = after.body;
    // Not among the zones in force by agreement (a client that knows only the contract reads those)…
    expect(entry(body, suspended)).toBeUndefined();
    expect(entry(body, withdrawn)).toBeUndefined();
    // …but in the list of suspended zones, with the version the suspension holds back.
    const { byOrganisationId, byOrganisationName, since } = suspending.body.properties.suspension!;
    expect(body.suspended?.find((held) => held.id === suspended.id)).toEqual({
      id: suspended.id,
      siteId: site.id,
      name: 'Suspended',
      siteName: site.properties.name,
      status: 'suspended',
      geometry: suspended.geometry,
      schedule,
      validFrom: null,
      validUntil: null,
      suspension: { byOrganisationId, byOrganisationName, since, reason: 'Sanering av trapphuset', until, version: 1 },
    });
    expect(body.suspended?.find((held) => held.id === withdrawn.id)).toBeUndefined();

    // The phone's answer for it is the api's, field by field (the terms are the api's alone).
    const [lng, lat] = offset(centre, 0, 300);
    const served = await team.police.get<ZoneCheckResponse>(`/api/zones/check?lat=${lat}&lng=${lng}`);
    const phone = new SnapshotIndex(body).check({ lat, lng }, 200, new Date(served.body.at));
    const api = served.body.inside.find((summary) => summary.zoneId === suspended.id)!;
    const { terms: _terms, edgeDistanceMeters, ...apiRest } = api;
    expect(apiRest).toMatchObject({ inForce: false, nextInForceAt: expect.any(String), suspension: expect.any(Object) });
    const mine = phone.inside.find((summary) => summary.zoneId === suspended.id)!;
    expect({ ...mine, nextInForceAt: new Date(mine.nextInForceAt!).toISOString(), edgeDistanceMeters: undefined }).toEqual({
      ...apiRest,
      nextInForceAt: new Date(api.nextInForceAt!).toISOString(),
      edgeDistanceMeters: undefined,
    });
    expect(Math.abs(mine.edgeDistanceMeters! - edgeDistanceMeters!)).toBeLessThanOrEqual(0.5);
  });

  it('carries a strong ETag: If-None-Match answers 304 until a zone changes', async () => {
    const first = await snapshot();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const again = await snapshot({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.body).toBe('');
    expect((await snapshot({ 'if-none-match': '"something-else"' })).status).toBe(200);

    // A change that adds nothing the snapshot holds leaves the tag as it was; an agreement changes it.
    const zone = await map.zone(team.staff, site, {
      name: 'Later',
      geometry: squareAround(offset(centre, -300, 300), 50),
    });
    expect((await snapshot({ 'if-none-match': etag })).status).toBe(304);
    await map.agree(team, zone);
    const changed = await snapshot({ 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(entry(changed.body, zone)).toMatchObject({ name: 'Later', status: 'agreed' });

    // A site's new name is in the snapshot too.
    const renamed = await team.staff.patch(`/api/sites/${site.properties.id}`, {
      version: site.properties.version,
      name: 'Nytt namn',
    });
    expect(renamed.status).toBe(200);
    const afterRename = await snapshot({ 'if-none-match': changed.headers.get('etag')! });
    expect(afterRename.status).toBe(200);
    expect(entry(afterRename.body, zone)).toMatchObject({ siteName: 'Nytt namn' });
  });

  it('needs a signed-in user', async () => {
    const response = await fetch(`${test.baseUrl}/api/zones/snapshot`);
    expect(response.status).toBe(401);
  });

  it('without VAPID keys on a server, push is off: the key and subscriptions answer 404', async () => {
    const key = await team.police.get('/api/push/key');
    expect(key.status).toBe(404);
    expect(key.body.details).toEqual([expect.objectContaining({ reason: 'push_off' })]);
    const subscribe = await team.police.post('/api/push/subscriptions', {
      endpoint: 'https://push.invalid/x',
      keys: {
        p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
        auth: Buffer.alloc(16, 1).toString('base64url'),
      },
    });
    expect(subscribe.status).toBe(404);
  });

  it('the position check is never kept by a cache', async () => {
    const response = await team.police.get(`/api/zones/check?lat=${centre[1]}&lng=${centre[0]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

/** The session behind a token (its `jti`). */
function sessionOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).jti;
}

describe('the phone: Web Push', () => {
  const vapid = generateVapidKeys();
  let test: TestApp;
  let factory: Factory;
  let fake: FakePushService;

  beforeAll(async () => {
    test = await startTestApp({
      env: {
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:push-test@samverkan.test',
      },
      overrides: { pushInsecureLoopbackEndpoints: true },
    });
    factory = await Factory.create(test.baseUrl);
    fake = await FakePushService.start();
  });
  afterAll(async () => {
    await test.close();
    await fake.close();
  });

  async function subscribe(
    user: { post: TestUser['post'] },
    subscription: PushSubscriptionRequest = fake.subscription(),
  ) {
    const response = await user.post('/api/push/subscriptions', subscription);
    if (response.status !== 201)
      throw new Error(`Subscribing failed: ${response.status} ${JSON.stringify(response.body)}`);
    return subscription;
  }

  async function storedRow(endpoint: string): Promise<{ userId: string; sessionId: string } | undefined> {
    const rows = await test.dataSource.query(
      `SELECT user_id AS "userId", session_id AS "sessionId" FROM push_subscriptions WHERE endpoint = $1`,
      [endpoint],
    );
    return rows[0];
  }

  async function jointChannel(user: TestUser): Promise<Channel> {
    const channels: Channel[] = (await user.get('/api/channels')).body;
    return channels.find((channel) => channel.kind === 'joint')!;
  }

  it('gives the VAPID public key', async () => {
    const user = await factory.user({ role: 'police' });
    expect(await user.get('/api/push/key')).toMatchObject({
      status: 200,
      body: { publicKey: vapid.publicKey },
    });
  });

  it('takes https endpoints and keys of the right size, one subscription per endpoint, bound to the latest session', async () => {
    const user = await factory.user({ role: 'police' });
    const { keys } = fake.subscription();
    const refused = async (body: unknown) => {
      const response = await user.post('/api/push/subscriptions', body);
      expect(response.status).toBe(400);
      return response.body.details.map(
        (detail: { field: string; reason: string }) => `${detail.field}:${detail.reason}`,
      );
    };
    // Even with the test setting, only loopback addresses may use http.
    expect(await refused({ endpoint: 'http://push.invalid/abc', keys })).toEqual(['endpoint:not_https']);
    expect(
      await refused({ endpoint: 'https://push.invalid/abc', keys: { ...keys, p256dh: keys.auth } }),
    ).toEqual(['keys.p256dh:invalid_push_key']);
    expect(await refused({ endpoint: 'https://push.invalid/abc', keys: { p256dh: keys.p256dh } })).toContain(
      'keys.auth:required',
    );
    expect(await refused({ endpoint: `https://push.invalid/${'a'.repeat(1100)}`, keys })).toContain(
      'endpoint:text_length',
    );
    expect(await refused({ endpoint: 'https://push.invalid/abc', keys, extra: true })).toContain(
      'extra:unknown_field',
    );

    const https = { endpoint: `https://push.invalid/${user.user.id}`, expirationTime: null, keys };
    const created = await user.post('/api/push/subscriptions', https);
    expect(created).toMatchObject({
      status: 201,
      body: { endpoint: https.endpoint, createdAt: expect.any(String) },
    });
    expect(await storedRow(https.endpoint)).toEqual({
      userId: user.user.id,
      sessionId: sessionOf(user.token!),
    });
    // The same browser again, after signing in anew: 200, and the subscription now lives with the new session.
    const again = await signIn(test.baseUrl, user.email, user.password);
    expect((await again.post('/api/push/subscriptions', https)).status).toBe(200);
    expect(await storedRow(https.endpoint)).toEqual({
      userId: user.user.id,
      sessionId: sessionOf(again.token!),
    });
    // Another person signing in on that browser takes it over.
    const other = await factory.user({ role: 'service' });
    expect((await other.post('/api/push/subscriptions', https)).status).toBe(200);
    expect(await storedRow(https.endpoint)).toMatchObject({ userId: other.user.id });
    // Only the holder removes it; removing what one does not hold is 204 all the same.
    expect(
      (await again.delete('/api/push/subscriptions', { body: { endpoint: https.endpoint } })).status,
    ).toBe(204);
    expect(await storedRow(https.endpoint)).toBeDefined();
    expect(
      (await other.delete('/api/push/subscriptions', { body: { endpoint: https.endpoint } })).status,
    ).toBe(204);
    expect(await storedRow(https.endpoint)).toBeUndefined();
  });

  it('a subscription ends with its session: at logout, and for the other sessions at a password change', async () => {
    const first = await factory.user({ role: 'service' });
    const second = await signIn(test.baseUrl, first.email, first.password);
    const third = await signIn(test.baseUrl, first.email, first.password);
    const [one, two, three] = [await subscribe(first), await subscribe(second), await subscribe(third)];

    expect((await first.post('/api/auth/logout')).status).toBe(204);
    await waitFor(
      "the logged-out session's subscription deleted",
      async () => (await storedRow(one.endpoint)) === undefined,
    );
    expect(await storedRow(two.endpoint)).toBeDefined();
    expect(await storedRow(three.endpoint)).toBeDefined();

    const changed = await second.post('/api/auth/password', {
      currentPassword: first.password,
      newPassword: 'a-new-and-long-password-2026',
    });
    expect(changed.status).toBe(204);
    await waitFor(
      "the other sessions' subscriptions deleted",
      async () => (await storedRow(three.endpoint)) === undefined,
    );
    expect(await storedRow(two.endpoint)).toBeDefined();
  });

  describe('what is pushed', () => {
    let author: TestUser;
    let authorSocket: TestSocket;
    let member: TestUser;
    let fromAuthor: PushSubscriptionRequest;
    let toMember: PushSubscriptionRequest;
    let joint: Channel;

    beforeAll(async () => {
      author = await factory.user({ role: 'police', displayName: 'Push Författare' });
      member = await factory.user({ role: 'service' });
      authorSocket = await connectSocket(test.baseUrl, author.token!);
      fromAuthor = await subscribe(author);
      toMember = await subscribe(member);
      joint = await jointChannel(author);
    });
    afterAll(() => authorSocket.close());

    it('an urgent alert reaches every member but its author, with its text', async () => {
      const alert = await postMessage(authorSocket, joint.id, 'Brådskande: överdos vid entrén', {
        priority: 'urgent',
      });
      const push = await fake.next(
        'the alert to the member',
        (received) => received.endpoint === toMember.endpoint && received.payload.messageId === alert.id,
      );
      expect(push.payload).toEqual({
        kind: 'alert',
        channelId: joint.id,
        messageId: alert.id,
        authorName: 'Push Författare',
        body: 'Brådskande: överdos vid entrén',
        truncated: false,
        createdAt: alert.createdAt,
        url: `/#/chat/${joint.id}`,
        tag: `alert:${alert.id}`,
      });
      expect(push.headers.urgency).toBe('high');
      expect(push.headers.authorization).toMatch(
        new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`),
      );

      // A later alert by the member reaches the author; by then the first one's pushes are out, none to its author.
      const memberSocket = await connectSocket(test.baseUrl, member.token!);
      const reply = await postMessage(memberSocket, joint.id, 'Uppfattat', { priority: 'urgent' });
      memberSocket.close();
      await fake.next(
        'the reply to the author',
        (received) => received.endpoint === fromAuthor.endpoint && received.payload.messageId === reply.id,
      );
      expect(fake.to(fromAuthor.endpoint).map((received) => received.payload.messageId)).not.toContain(
        alert.id,
      );
      expect(fake.to(toMember.endpoint).map((received) => received.payload.messageId)).not.toContain(
        reply.id,
      );
    });

    it('a subscription whose session ended without a logout (expired) gets no push, and is deleted at the next one', async () => {
      const ended = await factory.user({ role: 'service' });
      const toEnded = await subscribe(ended);
      await test.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        sessionOf(ended.token!),
      ]);
      const alert = await postMessage(authorSocket, joint.id, 'Larm efter en utgången inloggning', {
        priority: 'urgent',
      });
      await fake.next(
        'the alert to a member whose session is live',
        (received) => received.endpoint === toMember.endpoint && received.payload.messageId === alert.id,
      );
      await waitFor(
        "the expired session's subscription deleted",
        async () => (await storedRow(toEnded.endpoint)) === undefined,
      );
      expect(fake.to(toEnded.endpoint)).toEqual([]);
    });

    it('a direct message reaches a person with no open connection, without its text', async () => {
      const channel = await directChannel(author, member);
      const message = await postMessage(authorSocket, channel.id, 'Ring mig om mötet i morgon');
      const push = await fake.next(
        'the direct message',
        (received) => received.endpoint === toMember.endpoint && received.payload.messageId === message.id,
      );
      expect(push.payload).toEqual({
        kind: 'direct',
        channelId: channel.id,
        messageId: message.id,
        authorId: author.user.id,
        authorName: 'Push Författare',
        createdAt: message.createdAt,
        url: `/#/chat/${channel.id}`,
        tag: `direct:${channel.id}`,
      });
      expect(JSON.stringify(push.payload)).not.toContain('mötet');
      expect(push.headers.urgency).toBe('normal');
    });

    it('no direct push while the person is connected (the app shows it); an alert still comes', async () => {
      const channel = await directChannel(author, member);
      const memberSocket = await connectSocket(test.baseUrl, member.token!);
      try {
        const quiet: Message = await postMessage(authorSocket, channel.id, 'Syns i appen');
        const urgent = await postMessage(authorSocket, channel.id, 'Brådskande i direkt', {
          priority: 'urgent',
        });
        const push = await fake.next(
          'the urgent direct message',
          (received) => received.endpoint === toMember.endpoint && received.payload.messageId === urgent.id,
        );
        expect(push.payload).toMatchObject({ kind: 'alert', body: 'Brådskande i direkt' });
        expect(fake.to(toMember.endpoint).map((received) => received.payload.messageId)).not.toContain(
          quiet.id,
        );
      } finally {
        memberSocket.close();
      }
    });

    it("an escalation step (alert.escalated) reaches its targets with the step; a push service's 410 ends the subscription", async () => {
      const alert = await postMessage(authorSocket, joint.id, 'Ingen har kvitterat', { priority: 'urgent' });
      const target = await factory.user({ role: 'coordinator' });
      const toTarget = await subscribe(target);
      test.app
        .get(EventEmitter2)
        .emit(DOMAIN_EVENTS.alertEscalated, {
          message: alert,
          userIds: [target.user.id],
          step: 2,
          of: 3,
          at: new Date().toISOString(),
          state: 'open',
        });
      const push = await fake.next(
        'the escalation step',
        (received) => received.endpoint === toTarget.endpoint && received.payload.messageId === alert.id,
      );
      expect(push.payload).toMatchObject({
        kind: 'alert',
        body: 'Ingen har kvitterat',
        escalation: { step: 2, of: 3 },
        tag: `alert:${alert.id}`,
      });

      fake.markGone(toTarget.endpoint);
      test.app
        .get(EventEmitter2)
        .emit(DOMAIN_EVENTS.alertEscalated, {
          message: alert,
          userIds: [target.user.id],
          step: 3,
          of: 3,
          at: new Date().toISOString(),
          state: 'open',
        });
      await waitFor(
        'the gone subscription deleted',
        async () => (await storedRow(toTarget.endpoint)) === undefined,
      );
    });
  });
});
