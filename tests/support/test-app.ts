import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { loadConfig } from '../../apps/api/src/config/load-config';
import { AppProcess, freePort } from './app-process';

export const TEST_ADMIN = { email: 'test-admin@samverkan.test', password: 'test-admin-password-2026' };
export const TEST_JWT_SECRET = 'samverkan-test-secret-0123456789-abcdefghijklmnop';
export const TEST_AUDIT_KEY = 'samverkan-test-audit-key-0123456789-abcdefghijklm';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** This Jest worker's own database (see global-setup.ts): files in one worker run one after another. */
export function testDatabaseUrl(): string {
  const urls = JSON.parse(process.env.SAMVERKAN_TEST_DATABASE_URLS ?? '[]') as string[];
  const url = urls[Number(process.env.JEST_WORKER_ID ?? '1') - 1];
  if (!url) throw new Error('The e2e global setup did not provide a database for this worker');
  return url;
}

/** The worker's Socket.IO channel prefix on a shared Redis: workers' broadcasts to everyone must not meet. */
export function testRedisKeyPrefix(): string {
  return `samverkan-test-${process.pid}-w${process.env.JEST_WORKER_ID ?? '1'}`;
}

const testDataDirs: string[] = [];

/** A fresh DATA_DIR, removed when the test process ends. */
function testDataDir(): string {
  if (testDataDirs.length === 0)
    process.once('exit', () => testDataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-test-data-'));
  testDataDirs.push(dir);
  return dir;
}

export function testDatabaseIsEmbedded(): boolean {
  return process.env.SAMVERKAN_TEST_EMBEDDED === 'true';
}

/** The settings a test app runs with: the shared test database, a known admin, quiet logs. */
export function testEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    AUDIT_KEY: TEST_AUDIT_KEY,
    DEMO: 'false',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: 'silent',
    ...extra,
  };
  if (process.env.REDIS_URL && !('REDIS_URL' in extra)) env.REDIS_URL = process.env.REDIS_URL;
  if (!('REDIS_KEY_PREFIX' in extra)) env.REDIS_KEY_PREFIX = testRedisKeyPrefix();
  // Each app its own: the audit anchors written there belong to this run's database, not to an earlier one's.
  if (!('DATA_DIR' in extra)) env.DATA_DIR = testDataDir();
  return env;
}

/**
 * Why the tests that run the api as two processes cannot run here, or null when they can: the instances share a
 * PostgreSQL server (the embedded database belongs to one process) and meet through Redis.
 */
export function twoInstancesSkipReason(): string | null {
  if (testDatabaseIsEmbedded()) return 'two instances need a PostgreSQL server (run with DATABASE_URL)';
  if (!process.env.REDIS_URL) return 'two instances need Redis (run with REDIS_URL)';
  return null;
}

/**
 * `count` processes of the built api (`npm run build:api`) on the test database and, unless `extra` names another,
 * the REDIS_URL of the environment.
 */
export async function startInstances(count: number, extra: Record<string, string> = {}): Promise<AppProcess[]> {
  const instances: AppProcess[] = [];
  for (let i = 0; i < count; i++) {
    // One after the other: the first runs the migrations.
    instances.push(await AppProcess.start({ ...testEnvironment(extra), LOG_LEVEL: 'warn', PORT: String(await freePort()) }));
  }
  return instances;
}

/** Boots the real api on a free loopback port against the test database. */
export async function startTestApp(options: { env?: Record<string, string>; overrides?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const config = loadConfig(testEnvironment(options.env), {
    embeddedDatabase: testDatabaseIsEmbedded(),
    loginThrottle: { perIp: 10_000, perEmail: 10, windowSeconds: 900 },
    ...options.overrides,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}
