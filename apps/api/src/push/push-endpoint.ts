import { isIP } from 'node:net';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type EndpointProblem = { reason: 'not_https' | 'not_a_push_service'; message: string };

const NOT_HTTPS: EndpointProblem = { reason: 'not_https', message: 'must be an https URL' };

/**
 * Why a push endpoint is refused, or null. Push services are reached over https only: the endpoint is where the
 * api sends (encrypted) messages, so an http one, or one carrying credentials, is never taken. Push services
 * have public host names: an address or `localhost` would let a signed-in user make the api post to machines
 * beside it. `http://` on a loopback address only when the test setting allows it (the end-to-end tests' fake).
 */
export function pushEndpointProblem(endpoint: string, allowInsecureLoopback = false): EndpointProblem | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return NOT_HTTPS;
  }
  if (allowInsecureLoopback && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.protocol !== 'https:') return NOT_HTTPS;
  if (url.username || url.password) return { reason: 'not_a_push_service', message: 'must not carry a user name or password' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) {
    return { reason: 'not_a_push_service', message: "must name a push service by its public host name" };
  }
  return null;
}

/**
 * Why a subscription's keys cannot be used, or null: `p256dh` is an uncompressed P-256 point (65 bytes, 0x04
 * first) and `auth` a 16-byte secret, both URL-safe base64. Checked here, not when a message is sent, so a
 * broken subscription is refused at once instead of failing silently later.
 */
export function pushKeysProblem(keys: { p256dh: string; auth: string }): { field: string; message: string } | null {
  const p256dh = Buffer.from(keys.p256dh, 'base64url');
  if (p256dh.length !== 65 || p256dh[0] !== 0x04) return { field: 'keys.p256dh', message: 'must be a P-256 public key (65 bytes, uncompressed)' };
  if (Buffer.from(keys.auth, 'base64url').length !== 16) return { field: 'keys.auth', message: 'must be a 16-byte secret' };
  return null;
}
