import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { MESSAGE_RATE_LIMIT, ROLES, type Role } from '@samverkan/contracts';
import { passwordWeakness } from '../common/password-strength';
import { AppConfig, DEFAULT_TILE_URL, PushConfig } from './app-config';
import { readOrCreateSecret } from './private-files';
import { readOrCreateVapidKeys, vapidKeysProblem } from './vapid-keys';
import { findProjectRoot } from './project-root';

/** A setting that cannot be used; the message names the variable and says what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Configuration error: ${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = BOOLEAN_WORDS[raw.trim().toLowerCase()];
  if (value === undefined) throw new ConfigError(name, `must be true or false (got "${raw}")`);
  return value;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

function readUrl(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL such as ${protocols[0]}//host:port/... (got something else)`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')} (got ${url.protocol})`);
  }
  return raw;
}

function readOrigins(env: Env): string[] {
  const raw = env.ALLOWED_ORIGINS;
  if (!raw) return [];
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((origin) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        throw new ConfigError('ALLOWED_ORIGINS', `holds "${origin}", which is not an origin such as https://example.org`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ConfigError('ALLOWED_ORIGINS', `holds "${origin}": only http and https origins are allowed`);
      }
      return url.origin;
    });
}

function readTileUrl(env: Env): string {
  const raw = env.TILE_URL;
  if (!raw) return DEFAULT_TILE_URL;
  if (!/^https?:\/\//.test(raw) || !raw.includes('{z}') || !raw.includes('{x}') || !raw.includes('{y}')) {
    throw new ConfigError('TILE_URL', 'must be an http(s) URL template holding {z}, {x} and {y}');
  }
  return raw;
}

/** Plain text (the app never renders it as HTML); one line, as the map's corner has room for. */
function readTileAttribution(env: Env): string | null {
  const raw = env.TILE_ATTRIBUTION?.trim();
  if (!raw) return null;
  const controlCharacter = [...raw].some((character) => character.charCodeAt(0) < 0x20 || character === '\u007f');
  if (raw.length > 300 || controlCharacter) {
    throw new ConfigError('TILE_ATTRIBUTION', 'must be one line of plain text, at most 300 characters');
  }
  return raw;
}

/**
 * AUDIT_KEY: the audit chain's HMAC key, kept outside the database so that whoever can write the database cannot
 * recompute the chain. Made once into DATA_DIR in embedded mode; a server deployment sets it.
 */
function readAuditKey(env: Env, embedded: boolean, dataDir: string): string {
  const key = env.AUDIT_KEY ?? '';
  if (key !== '' && key.length < 32) throw new ConfigError('AUDIT_KEY', 'must be at least 32 characters long');
  if (key !== '') return key;
  if (!embedded) throw new ConfigError('AUDIT_KEY', 'is required when DATABASE_URL is set');
  return readOrCreateSecret(dataDir, 'audit-key');
}

/** The contact push services are given when VAPID_SUBJECT is unset in embedded mode. */
export const DEFAULT_VAPID_SUBJECT = 'mailto:admin@samverkan.invalid';

/**
 * VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT: all three on a server, or none (push is off). In
 * embedded mode the keys are made once into DATA_DIR, and the subject defaults to ADMIN_EMAIL's address.
 */
function readPush(env: Env, embedded: boolean, dataDir: string): PushConfig | null {
  const publicKey = env.VAPID_PUBLIC_KEY ?? '';
  const privateKey = env.VAPID_PRIVATE_KEY ?? '';
  const subject = env.VAPID_SUBJECT ?? '';
  if (subject !== '' && !/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s/]+\S*)$/.test(subject)) {
    throw new ConfigError('VAPID_SUBJECT', 'must be a mailto: address or an https: URL where the push services can reach you');
  }
  if (publicKey === '' && privateKey === '') {
    if (!embedded) {
      if (subject !== '') throw new ConfigError('VAPID_PUBLIC_KEY', 'and VAPID_PRIVATE_KEY are required with VAPID_SUBJECT');
      return null;
    }
    const fallback = env.ADMIN_EMAIL ? `mailto:${env.ADMIN_EMAIL}` : DEFAULT_VAPID_SUBJECT;
    return { ...readOrCreateVapidKeys(dataDir), subject: subject || fallback };
  }
  if (publicKey === '') throw new ConfigError('VAPID_PUBLIC_KEY', 'is required with VAPID_PRIVATE_KEY');
  if (privateKey === '') throw new ConfigError('VAPID_PRIVATE_KEY', 'is required with VAPID_PUBLIC_KEY');
  const problem = vapidKeysProblem({ publicKey, privateKey });
  if (problem) throw new ConfigError(problem.split(' ')[0], problem.slice(problem.indexOf(' ') + 1));
  if (subject === '') throw new ConfigError('VAPID_SUBJECT', 'is required with the VAPID keys (a mailto: address or an https: URL)');
  return { publicKey, privateKey, subject };
}

/** Validates every setting of the contract; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env, overrides: Partial<AppConfig> = {}): AppConfig {
  const databaseUrl = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const embedded = databaseUrl === null;
  const dataDirRaw = env.DATA_DIR || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret !== '' && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (jwtSecret === '') {
    if (!embedded) throw new ConfigError('JWT_SECRET', 'is required when DATABASE_URL is set');
    jwtSecret = readOrCreateSecret(dataDir, 'jwt-secret');
  }

  const adminEmail = env.ADMIN_EMAIL || '';
  const adminPassword = env.ADMIN_PASSWORD || '';
  if (adminEmail && !adminPassword) throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  if (adminPassword && !adminEmail) throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'must be an e-mail address');
  }
  const adminPasswordWeakness = adminPassword ? passwordWeakness(adminPassword, [adminEmail]) : null;
  if (adminPasswordWeakness) throw new ConfigError('ADMIN_PASSWORD', adminPasswordWeakness.message);

  const host = env.HOST || (embedded ? '127.0.0.1' : '0.0.0.0');
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `must be an address or host name (got "${host}")`);

  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', 'must be one of fatal, error, warn, info, debug, silent');
  }

  return {
    port: readInteger(env, 'PORT', 3000, 0, 65535),
    host,
    databaseUrl,
    embeddedDatabase: embedded,
    dataDir,
    redisUrl: readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisKeyPrefix: readRedisKeyPrefix(env),
    jwtSecret,
    auditKey: readAuditKey(env, embedded, dataDir),
    auditAnchorDelayMs: 2000,
    presenterGraceMs: readInteger(env, 'PRESENTER_GRACE_SECONDS', 20, 1, 600) * 1000,
    ...readDemo(env, embedded, host),
    admin: adminEmail ? { email: adminEmail, password: adminPassword } : null,
    tileUrl: readTileUrl(env),
    tileAttribution: readTileAttribution(env),
    retentionDays: readInteger(env, 'RETENTION_DAYS', 365, 1, 36500),
    messageRateLimit: readMessageRateLimit(env),
    allowedOrigins: readOrigins(env),
    trustProxy: readTrustProxy(env),
    mfaRequiredRoles: readMfaRequiredRoles(env),
    push: readPush(env, embedded, dataDir),
    pushInsecureLoopbackEndpoints: false,
    loginThrottle: { perIp: 50, perEmail: 10, windowSeconds: 15 * 60 },
    webDistDir: join(findProjectRoot(), 'apps', 'web', 'dist'),
    logLevel,
    ...overrides,
  };
}

/** MFA_REQUIRED_ROLES: comma-separated roles, e.g. `admin,coordinator`; unset or empty: none. */
function readMfaRequiredRoles(env: Env): Role[] {
  const entries = (env.MFA_REQUIRED_ROLES ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    if (!(ROLES as readonly string[]).includes(entry)) {
      throw new ConfigError('MFA_REQUIRED_ROLES', `must list roles among ${ROLES.join(', ')}, separated by commas (got "${entry}")`);
    }
  }
  return [...new Set(entries)] as Role[];
}

function readRedisKeyPrefix(env: Env): string {
  const prefix = env.REDIS_KEY_PREFIX || 'socket.io';
  if (!/^[\w.:-]{1,64}$/.test(prefix)) {
    throw new ConfigError('REDIS_KEY_PREFIX', 'must be 1–64 letters, digits, dots, colons, dashes or underscores');
  }
  return prefix;
}

/**
 * TRUST_PROXY: `false`, the number of reverse proxies in front of the api (`true` means 1: one proxy, the
 * usual set-up), or the proxies' addresses and subnets. Express then takes the client's address from
 * X-Forwarded-For only as far as those proxies vouch for it, so a client cannot choose its own address.
 */
function readTrustProxy(env: Env): AppConfig['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  const word = raw.toLowerCase();
  if (word === '' || word === 'false' || word === 'no' || word === '0') return false;
  if (word === 'true' || word === 'yes') return 1;
  if (/^\d+$/.test(word)) {
    const hops = Number(word);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `must be false, a number of proxies from 1 to 10, or the proxies' addresses (got ${hops})`);
    return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be false, a number of proxies, or a comma-separated list of proxy addresses or subnets (got "${entry}")`,
      );
    }
  }
  return entries;
}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4 or IPv6 address, a subnet in CIDR notation, or one of Express's names for ranges. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * DEMO and DEMO_PASSWORD. The demo accounts' default password is published, so demo data is refused where
 * others can reach the api (a HOST beyond loopback, or a reverse proxy in front) unless the operator sets
 * DEMO_PASSWORD, which then is every demo account's password.
 */
function readDemo(env: Env, embedded: boolean, host: string): Pick<AppConfig, 'demo' | 'demoPassword'> {
  const demo = readBoolean(env, 'DEMO', embedded);
  const demoPassword = env.DEMO_PASSWORD || null;
  if (demoPassword !== null) {
    const weakness = passwordWeakness(demoPassword);
    if (weakness) throw new ConfigError('DEMO_PASSWORD', weakness.message);
  }
  const exposedBy = !isLoopback(host) ? `HOST=${host}` : readTrustProxy(env) !== false ? 'TRUST_PROXY' : null;
  if (demo && demoPassword === null && exposedBy !== null) {
    throw new ConfigError(
      'DEMO_PASSWORD',
      `is required with DEMO=true when others can reach the api (${exposedBy}): the default demo password is published`,
    );
  }
  return { demo, demoPassword };
}

/** MESSAGE_RATE_LIMIT: `messages/seconds`, e.g. `20/10` (the default): at most 20 messages per user in 10 seconds. */
function readMessageRateLimit(env: Env): AppConfig['messageRateLimit'] {
  const raw = (env.MESSAGE_RATE_LIMIT ?? '').trim();
  if (raw === '') return { ...MESSAGE_RATE_LIMIT };
  const match = /^(\d{1,6})\s*\/\s*(\d{1,6})$/.exec(raw);
  const messages = match ? Number(match[1]) : 0;
  const windowSeconds = match ? Number(match[2]) : 0;
  if (!match || messages < 1 || messages > 10_000 || windowSeconds < 1 || windowSeconds > 86_400) {
    throw new ConfigError(
      'MESSAGE_RATE_LIMIT',
      `must be messages/seconds, e.g. 20/10, with 1–10000 messages in 1–86400 seconds (got "${raw}")`,
    );
  }
  return { messages, windowSeconds };
}
