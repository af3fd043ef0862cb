import { ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { Client } from 'pg';

const EMBEDDED_CHILD = join(__dirname, 'embedded-database.child.cjs');
const BUILT_DATABASE = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'database', 'embedded-database.js');

export interface TestDatabases {
  children: ChildProcess[];
  /** PostgreSQL: the server database the worker databases were made from, and theirs. */
  server: { adminUrl: string; names: string[] } | null;
}

/**
 * One database per Jest worker, so test files run in parallel without seeing each other's rows: on a
 * PostgreSQL server (DATABASE_URL) a database per worker made beside the given one, else an in-memory
 * embedded PGlite with PostGIS per worker, each in its own process (it takes seconds to start, so once
 * per run, not per file). Workers find theirs through `testDatabaseUrl()` in test-app.ts.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers);
  const databases: TestDatabases = { children: [], server: null };
  (globalThis as { samverkanTestDatabases?: TestDatabases }).samverkanTestDatabases = databases;
  let urls: string[];
  if (process.env.DATABASE_URL) {
    const names = Array.from({ length: workers }, (_, i) => `${databaseName(process.env.DATABASE_URL)}_w${i + 1}`);
    databases.server = { adminUrl: process.env.DATABASE_URL, names };
    urls = await Promise.all(names.map((name) => createServerDatabase(process.env.DATABASE_URL as string, name)));
  } else {
    if (!existsSync(BUILT_DATABASE)) throw new Error(`${BUILT_DATABASE} is missing: build the api first (npm run build:api).`);
    urls = await Promise.all(Array.from({ length: workers }, () => startEmbeddedDatabase(databases.children)));
  }
  process.env.SAMVERKAN_TEST_DATABASE_URLS = JSON.stringify(urls);
  process.env.SAMVERKAN_TEST_EMBEDDED = String(!process.env.DATABASE_URL);
}

function databaseName(url: string | undefined): string {
  const name = new URL(url as string).pathname.slice(1);
  return name.replace(/[^a-z0-9_]/gi, '_').slice(0, 40) || 'samverkan_test';
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh database with PostGIS on the same server as `adminUrl` (an earlier run's leftover is dropped). */
async function createServerDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
  } finally {
    await client.end();
  }
  return url;
}

function startEmbeddedDatabase(children: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(EMBEDDED_CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('exit', (code) => reject(new Error(`The embedded test database exited with ${code} before it was ready`)));
  });
}
