import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from '../config/app-config';

/**
 * The contract's origin rule, for HTTP and sockets alike: a request that sends `Origin` is served only from
 * the app's own origin (as the request's Host, or the proxy's forwarded host when TRUST_PROXY is on, shows
 * it) or from one listed in ALLOWED_ORIGINS. `Origin: null` never is. No Origin header (scripts) is fine.
 */
export function isOriginAllowed(
  origin: string | undefined,
  headers: IncomingHttpHeaders,
  encrypted: boolean,
  config: Pick<AppConfig, 'allowedOrigins' | 'trustProxy'>,
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (origin === 'null' || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
  if (config.allowedOrigins.includes(parsed.origin)) return true;
  // Browsers cannot set X-Forwarded-*, so any trusted proxy set-up may name the public host here.
  return parsed.origin === ownOrigin(headers, encrypted, config.trustProxy !== false);
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

function ownOrigin(headers: IncomingHttpHeaders, encrypted: boolean, trustProxy: boolean): string | null {
  const forwardedProto = trustProxy ? firstValue(headers['x-forwarded-proto']) : undefined;
  const forwardedHost = trustProxy ? firstValue(headers['x-forwarded-host']) : undefined;
  const host = forwardedHost ?? firstValue(headers.host);
  if (!host) return null;
  const scheme = forwardedProto ?? (encrypted ? 'https' : 'http');
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}
