const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why a push endpoint is refused, or null. Push services are reached over https only: the endpoint is where the
 * api sends (encrypted) messages, so an http one, or one carrying credentials, is never taken. `http://` on a
 * loopback address only when the test setting allows it (a fake push service in the end-to-end tests).
 */
export function pushEndpointProblem(endpoint: string, allowInsecureLoopback = false): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be an https URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (allowInsecureLoopback && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'must be an https URL';
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
