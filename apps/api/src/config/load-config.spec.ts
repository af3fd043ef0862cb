import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEFAULT_VAPID_SUBJECT, loadConfig } from './load-config';
import { generateVapidKeys } from './vapid-keys';

const server = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/samverkan', JWT_SECRET: 'x'.repeat(40), AUDIT_KEY: 'k'.repeat(40) };

function errorFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('uses the contract’s defaults in embedded mode and makes the signing key once', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-config-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      embeddedDatabase: true,
      demo: true,
      redisUrl: null,
      redisKeyPrefix: 'socket.io',
      retentionDays: 365,
      messageRateLimit: { messages: 20, windowSeconds: 10 },
      allowedOrigins: [],
      trustProxy: false,
    });
    expect(config.tileUrl).toContain('openstreetmap');
    expect(config.tileAttribution).toBeNull();
    expect(loadConfig({ DATA_DIR: dataDir, TILE_ATTRIBUTION: ' © Lantmäteriet ' }).tileAttribution).toBe('© Lantmäteriet');
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('reads MESSAGE_RATE_LIMIT as messages per seconds', () => {
    expect(loadConfig({ ...server, MESSAGE_RATE_LIMIT: '3/60' }).messageRateLimit).toEqual({ messages: 3, windowSeconds: 60 });
  });

  it('reads MFA_REQUIRED_ROLES as comma-separated roles, none by default, and names a wrong one', () => {
    expect(loadConfig(server).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ ...server, MFA_REQUIRED_ROLES: ' admin, Coordinator,admin' }).mfaRequiredRoles).toEqual(['admin', 'coordinator']);
    expect(errorFor({ ...server, MFA_REQUIRED_ROLES: 'admin,signatory' })).toMatch(/MFA_REQUIRED_ROLES .*"signatory"/);
  });

  it('uses the server defaults when DATABASE_URL is set', () => {
    expect(loadConfig(server)).toMatchObject({ host: '0.0.0.0', demo: false, embeddedDatabase: false });
  });

  it('needs JWT_SECRET with a server database', () => {
    expect(errorFor({ DATABASE_URL: server.DATABASE_URL })).toBe('Configuration error: JWT_SECRET is required when DATABASE_URL is set');
  });

  it('needs AUDIT_KEY with a server database, of at least 32 characters', () => {
    expect(errorFor({ ...server, AUDIT_KEY: '' })).toBe('Configuration error: AUDIT_KEY is required when DATABASE_URL is set');
    expect(errorFor({ ...server, AUDIT_KEY: 'short' })).toBe('Configuration error: AUDIT_KEY must be at least 32 characters long');
  });

  it('in embedded mode makes the audit key once and keeps DATA_DIR and its secrets private, tightening old ones', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-config-'));
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'jwt-secret'), 'j'.repeat(40) + '\n', { mode: 0o644 });
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.jwtSecret).toBe('j'.repeat(40));
    expect(readFileSync(join(dataDir, 'audit-key'), 'utf8').trim()).toBe(config.auditKey);
    expect(config.auditKey).not.toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).auditKey).toBe(config.auditKey);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'audit-key')).mode & 0o777).toBe(0o600);
  });

  it('in embedded mode makes the VAPID keys once into DATA_DIR; the subject defaults to the first administrator', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-config-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.push).toEqual({ publicKey: expect.stringMatching(/^[\w-]{87}$/), privateKey: expect.stringMatching(/^[\w-]{43}$/), subject: DEFAULT_VAPID_SUBJECT });
    expect(JSON.parse(readFileSync(join(dataDir, 'vapid-keys.json'), 'utf8'))).toEqual({ publicKey: config.push!.publicKey, privateKey: config.push!.privateKey });
    expect(statSync(join(dataDir, 'vapid-keys.json')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).push!.publicKey).toBe(config.push!.publicKey);
    expect(loadConfig({ DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'a-long-and-unusual-passphrase-2026' }).push!.subject).toBe('mailto:admin@example.org');
    expect(config.pushInsecureLoopbackEndpoints).toBe(false);
  });

  it('on a server, push is off without VAPID keys and needs all three settings otherwise', () => {
    const keys = generateVapidKeys();
    expect(loadConfig(server).push).toBeNull();
    const full = { ...server, VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'https://samverkan.example/contact' };
    expect(loadConfig(full).push).toEqual({ ...keys, subject: 'https://samverkan.example/contact' });
    expect(errorFor({ ...full, VAPID_SUBJECT: '' })).toMatch(/^Configuration error: VAPID_SUBJECT is required/);
    expect(errorFor({ ...full, VAPID_SUBJECT: 'http://samverkan.example' })).toMatch(/^Configuration error: VAPID_SUBJECT must be a mailto: address or an https: URL/);
    expect(errorFor({ ...full, VAPID_PRIVATE_KEY: '' })).toBe('Configuration error: VAPID_PRIVATE_KEY is required with VAPID_PUBLIC_KEY');
    expect(errorFor({ ...full, VAPID_PUBLIC_KEY: keys.privateKey })).toMatch(/^Configuration error: VAPID_PUBLIC_KEY must be a P-256 public key/);
    expect(errorFor({ ...server, VAPID_SUBJECT: 'mailto:a@b.example' })).toMatch(/^Configuration error: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535 (got 70000)'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres: or postgresql: (got mysql:)'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL must be a URL'],
    [{ REDIS_KEY_PREFIX: 'with space' }, 'REDIS_KEY_PREFIX must be 1–64 letters, digits, dots, colons, dashes or underscores'],
    [{ DEMO: 'maybe' }, 'DEMO must be true or false (got "maybe")'],
    [{ TRUST_PROXY: 'sure' }, 'TRUST_PROXY must be false, a number of proxies, or a comma-separated list of proxy addresses or subnets (got "sure")'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY must be false, a number of proxies, or a comma-separated list'],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY must be false, a number of proxies from 1 to 10'],
    [{ ADMIN_EMAIL: 'root@example.org', ADMIN_PASSWORD: 'password1234' }, 'ADMIN_PASSWORD is too common: it is close to a commonly used password (similarToCommon)'],
    [{ DEMO: 'true' }, 'DEMO_PASSWORD is required with DEMO=true when others can reach the api (HOST=0.0.0.0)'],
    [{ DEMO: 'true', HOST: '127.0.0.1', TRUST_PROXY: 'true' }, 'DEMO_PASSWORD is required with DEMO=true when others can reach the api (TRUST_PROXY)'],
    [{ DEMO: 'true', DEMO_PASSWORD: 'demodemodemo' }, 'DEMO_PASSWORD is too'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS must be between 1 and 36500 (got 0)'],
    [{ PRESENTER_GRACE_SECONDS: '0' }, 'PRESENTER_GRACE_SECONDS must be between 1 and 600 (got 0)'],
    [{ MESSAGE_RATE_LIMIT: '20' }, 'MESSAGE_RATE_LIMIT must be messages/seconds, e.g. 20/10, with 1–10000 messages in 1–86400 seconds (got "20")'],
    [{ MESSAGE_RATE_LIMIT: '0/10' }, 'MESSAGE_RATE_LIMIT must be messages/seconds, e.g. 20/10, with 1–10000 messages in 1–86400 seconds (got "0/10")'],
    [{ MESSAGE_RATE_LIMIT: '5/0' }, 'MESSAGE_RATE_LIMIT must be messages/seconds, e.g. 20/10, with 1–10000 messages in 1–86400 seconds (got "5/0")'],
    [{ ALLOWED_ORIGINS: 'https://ok.example,ftp://bad.example' }, 'ALLOWED_ORIGINS holds "ftp://bad.example"'],
    [{ TILE_URL: 'https://tiles.example/tile.png' }, 'TILE_URL must be an http(s) URL template holding {z}, {x} and {y}'],
    [{ TILE_ATTRIBUTION: 'two\nlines' }, 'TILE_ATTRIBUTION must be one line of plain text, at most 300 characters'],
    [{ ADMIN_EMAIL: 'root@example.org' }, 'ADMIN_PASSWORD is required when ADMIN_EMAIL is set'],
    [{ ADMIN_EMAIL: 'root@example.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 12 characters long'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
  ])('names the variable in one line: %j', (env, expected) => {
    const message = errorFor({ ...server, ...env });
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('reads the lists and flags', () => {
    const config = loadConfig({
      ...server,
      ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443/',
      TRUST_PROXY: 'true',
      DEMO: 'yes',
      DEMO_PASSWORD: 'our-own-demo-phrase-2026',
      TILE_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png',
    });
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
    // `true` is one proxy in front: the client's address is the one that proxy saw.
    expect(config.trustProxy).toBe(1);
    expect(config.demo).toBe(true);
    expect(config.demoPassword).toBe('our-own-demo-phrase-2026');
  });

  it('reads TRUST_PROXY as a number of proxies or their addresses', () => {
    expect(loadConfig({ ...server, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...server, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...server, TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,fd00::/8, loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('allows the published demo password only on a loopback address without a proxy', () => {
    expect(loadConfig({ ...server, DEMO: 'true', HOST: '127.0.0.1' })).toMatchObject({ demo: true, demoPassword: null });
    expect(loadConfig({ ...server, DEMO: 'true', HOST: '::1' }).demo).toBe(true);
    expect(loadConfig({ ...server, HOST: '0.0.0.0', DEMO: 'false' }).demo).toBe(false);
  });
});
