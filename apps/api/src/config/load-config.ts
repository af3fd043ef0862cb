import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { AppConfig, DEFAULT_TILE_URL } from './app-config';
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

/** In embedded mode the signing key is made once and kept beside the database. */
function embeddedJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
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
    jwtSecret = embeddedJwtSecret(dataDir);
  }

  const adminEmail = env.ADMIN_EMAIL || '';
  const adminPassword = env.ADMIN_PASSWORD || '';
  if (adminEmail && !adminPassword) throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  if (adminPassword && !adminEmail) throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'must be an e-mail address');
  }
  if (adminPassword && [...adminPassword].length < 12) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 12 characters long');
  }

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
    jwtSecret,
    demo: readBoolean(env, 'DEMO', embedded),
    admin: adminEmail ? { email: adminEmail, password: adminPassword } : null,
    tileUrl: readTileUrl(env),
    tileAttribution: readTileAttribution(env),
    retentionDays: readInteger(env, 'RETENTION_DAYS', 365, 1, 36500),
    allowedOrigins: readOrigins(env),
    trustProxy: readBoolean(env, 'TRUST_PROXY', false),
    loginThrottle: { perIp: 50, perEmail: 10, windowSeconds: 15 * 60 },
    webDistDir: join(findProjectRoot(), 'apps', 'web', 'dist'),
    logLevel,
    ...overrides,
  };
}
