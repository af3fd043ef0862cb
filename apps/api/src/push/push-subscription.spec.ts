import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PushSubscriptionDto } from './dto/push.dto';
import { pushEndpointProblem, pushKeysProblem } from './push-endpoint';

// A real browser's key sizes: a 65-byte uncompressed P-256 point and a 16-byte secret.
const p256dh = Buffer.concat([Buffer.from([0x04]), Buffer.alloc(64, 7)]).toString('base64url');
const auth = Buffer.alloc(16, 9).toString('base64url');
const endpoint = 'https://fcm.googleapis.com/fcm/send/abc:def';

async function problemsOf(body: unknown): Promise<string[]> {
  const errors = await validate(plainToInstance(PushSubscriptionDto, body), { whitelist: true, forbidNonWhitelisted: true });
  const flatten = (list: typeof errors, parent = ''): string[] =>
    list.flatMap((error) => [
      ...Object.keys(error.constraints ?? {}).map(() => `${parent}${error.property}`),
      ...flatten(error.children ?? [], `${parent}${error.property}.`),
    ]);
  return flatten(errors);
}

describe('a push subscription', () => {
  it('takes what PushSubscription.toJSON() gives, expirationTime included', async () => {
    expect(await problemsOf({ endpoint, keys: { p256dh, auth } })).toEqual([]);
    expect(await problemsOf({ endpoint, expirationTime: null, keys: { p256dh, auth } })).toEqual([]);
    expect(pushKeysProblem({ p256dh, auth })).toBeNull();
  });

  it('refuses a missing or malformed shape, over-long endpoints and keys, unknown fields', async () => {
    expect(await problemsOf({ endpoint })).toContain('keys');
    expect(await problemsOf({ keys: { p256dh, auth } })).toContain('endpoint');
    expect(await problemsOf({ endpoint: `https://push.example/${'a'.repeat(1100)}`, keys: { p256dh, auth } })).toContain('endpoint');
    expect(await problemsOf({ endpoint, keys: { p256dh: 'not base64!', auth } })).toContain('keys.p256dh');
    expect(await problemsOf({ endpoint, keys: { p256dh: 'A'.repeat(200), auth } })).toContain('keys.p256dh');
    expect(await problemsOf({ endpoint, keys: { p256dh, auth: 5 } })).toContain('keys.auth');
    expect(await problemsOf({ endpoint, keys: { p256dh, auth }, extra: 1 })).toContain('extra');
  });

  it('refuses keys of the wrong size', () => {
    expect(pushKeysProblem({ p256dh: Buffer.alloc(65, 4).toString('base64url').replace(/^./, 'A'), auth })?.field).toBe('keys.p256dh');
    expect(pushKeysProblem({ p256dh: Buffer.alloc(33, 4).toString('base64url'), auth })?.field).toBe('keys.p256dh');
    expect(pushKeysProblem({ p256dh, auth: Buffer.alloc(8).toString('base64url') })?.field).toBe('keys.auth');
  });

  it('takes https endpoints only', () => {
    expect(pushEndpointProblem(endpoint)).toBeNull();
    expect(pushEndpointProblem('https://web.push.apple.com/QGx')).toBeNull();
    for (const refused of ['http://push.example/abc', 'http://127.0.0.1:9999/push', 'ftp://push.example/abc', 'javascript:alert(1)', 'not a url']) {
      expect(pushEndpointProblem(refused)?.reason).toBe('not_https');
    }
  });

  it('takes only a push service by its public name: no credentials, addresses or local names', () => {
    for (const refused of [
      'https://user:secret@push.example/abc',
      'https://127.0.0.1/push',
      'https://10.1.2.3/push',
      'https://[::1]/push',
      'https://[fd00::1]/push',
      'https://localhost/push',
      'https://api.localhost/push',
      'https://intranet/push',
    ]) {
      expect(pushEndpointProblem(refused)?.reason).toBe('not_a_push_service');
    }
  });

  it('takes http on a loopback address only when the test setting allows it', () => {
    expect(pushEndpointProblem('http://127.0.0.1:9999/push', true)).toBeNull();
    expect(pushEndpointProblem('http://localhost:9999/push', true)).toBeNull();
    expect(pushEndpointProblem('http://push.example/abc', true)?.reason).toBe('not_https');
    expect(pushEndpointProblem('http://10.0.0.1/abc', true)?.reason).toBe('not_https');
  });
});
