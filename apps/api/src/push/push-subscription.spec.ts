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
    expect(pushEndpointProblem('http://push.example/abc')).toBe('must be an https URL');
    expect(pushEndpointProblem('http://127.0.0.1:9999/push')).toBe('must be an https URL');
    expect(pushEndpointProblem('ftp://push.example/abc')).toBe('must be an https URL');
    expect(pushEndpointProblem('javascript:alert(1)')).toBe('must be an https URL');
    expect(pushEndpointProblem('not a url')).toBe('must be an https URL');
    expect(pushEndpointProblem('https://user:secret@push.example/abc')).toBe('must not carry a user name or password');
  });

  it('takes http on a loopback address only when the test setting allows it', () => {
    expect(pushEndpointProblem('http://127.0.0.1:9999/push', true)).toBeNull();
    expect(pushEndpointProblem('http://localhost:9999/push', true)).toBeNull();
    expect(pushEndpointProblem('http://push.example/abc', true)).toBe('must be an https URL');
    expect(pushEndpointProblem('http://10.0.0.1/abc', true)).toBe('must be an https URL');
  });
});
