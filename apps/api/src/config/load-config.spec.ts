import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

const server = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/samverkan', JWT_SECRET: 'x'.repeat(40) };

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
      retentionDays: 365,
      allowedOrigins: [],
      trustProxy: false,
    });
    expect(config.tileUrl).toContain('openstreetmap');
    expect(config.tileAttribution).toBeNull();
    expect(loadConfig({ DATA_DIR: dataDir, TILE_ATTRIBUTION: ' © Lantmäteriet ' }).tileAttribution).toBe('© Lantmäteriet');
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('uses the server defaults when DATABASE_URL is set', () => {
    expect(loadConfig(server)).toMatchObject({ host: '0.0.0.0', demo: false, embeddedDatabase: false });
  });

  it('needs JWT_SECRET with a server database', () => {
    expect(errorFor({ DATABASE_URL: server.DATABASE_URL })).toBe('Configuration error: JWT_SECRET is required when DATABASE_URL is set');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535 (got 70000)'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres: or postgresql: (got mysql:)'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL must be a URL'],
    [{ DEMO: 'maybe' }, 'DEMO must be true or false (got "maybe")'],
    [{ TRUST_PROXY: 'sure' }, 'TRUST_PROXY must be true or false'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS must be between 1 and 36500 (got 0)'],
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
      TILE_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png',
    });
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(config.trustProxy).toBe(true);
    expect(config.demo).toBe(true);
  });
});
