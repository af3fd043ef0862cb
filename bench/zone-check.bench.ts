/**
 * Zone-check benchmark: 10,000 zones around 2,000 sites in Malmö, then the position check measured two
 * ways at random points in the city: through the HTTP endpoint (auth, validation, SQL, schedule
 * evaluation, JSON) and as the same SQL sent straight through `pg`. Prints requests per second, p50 and
 * p99 for both, and their ratio.
 *
 * Database: DATABASE_URL if set (the bench's rows are removed afterwards), else a fresh embedded PGlite
 * in a temporary folder. Run: `npm run bench:zones` (BENCH_REQUESTS=n changes the number of requests).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/app.factory';
import { loadConfig } from '../apps/api/src/config/load-config';
import { EmbeddedDatabase } from '../apps/api/src/database/embedded-database';
import { PasswordHasher } from '../apps/api/src/people/password-hasher';
import { ZONE_CHECK_SQL, zoneCheckParameters } from '../apps/api/src/zones/zones.repository';

const ZONES = 10_000;
const ZONES_PER_SITE = 5;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 8;
const RADIUS = 200;
// Central Malmö and around: about 16 km by 13 km.
const AREA = { minLng: 12.9, maxLng: 13.15, minLat: 55.53, maxLat: 55.65 };
const BENCH_ORGANISATION = 'Bench – zone check (temporary)';

interface Timing {
  label: string;
  requests: number;
  seconds: number;
  latencies: number[];
}

function randomPoint(): [lng: number, lat: number] {
  return [AREA.minLng + Math.random() * (AREA.maxLng - AREA.minLng), AREA.minLat + Math.random() * (AREA.maxLat - AREA.minLat)];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `task` `total` times, `concurrency` at a time (each worker numbered), timing each call. */
async function measure(label: string, total: number, concurrency: number, task: (worker: number) => Promise<void>): Promise<Timing> {
  const latencies: number[] = [];
  let started = 0;
  const begin = performance.now();
  const worker = async (index: number) => {
    while (started < total) {
      started += 1;
      const t0 = performance.now();
      await task(index);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  return { label, requests: total, seconds: (performance.now() - begin) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

function row(timing: Timing): string {
  const rps = timing.requests / timing.seconds;
  return `${timing.label.padEnd(36)} ${String(timing.requests).padStart(6)} ${rps.toFixed(0).padStart(8)} ${percentile(timing.latencies, 50).toFixed(2).padStart(8)} ${percentile(timing.latencies, 99).toFixed(2).padStart(8)}`;
}

async function seed(dataSource: DataSource, passwordHash: string): Promise<{ organisationId: string; email: string }> {
  const [organisation] = await dataSource.query(`INSERT INTO organisations (name, kind) VALUES ($1, 'service') RETURNING id`, [BENCH_ORGANISATION]);
  const email = `bench-${randomBytes(4).toString('hex')}@bench.samverkan.test`;
  await dataSource.query(
    `INSERT INTO users (email, display_name, role, can_sign, organisation_id, password_hash) VALUES ($1, 'Bench', 'service', false, $2, $3)`,
    [email, organisation.id, passwordHash],
  );
  await dataSource.query(
    `INSERT INTO sites (organisation_id, name, type, location)
     SELECT $1, 'Bench site ' || g, 'outreach', ST_SetSRID(ST_MakePoint($2::float8 + random() * ($3::float8 - $2::float8), $4::float8 + random() * ($5::float8 - $4::float8)), 4326)
     FROM generate_series(1, $6::int) AS g`,
    [organisation.id, AREA.minLng, AREA.maxLng, AREA.minLat, AREA.maxLat, ZONES / ZONES_PER_SITE],
  );
  // Three in four agreed, one in four proposed; half always in force, half on weekday daytime hours.
  await dataSource.query(
    `INSERT INTO zones (site_id, status, current_version, agreed_version)
     SELECT s.id, CASE WHEN k = 1 THEN 'proposed' ELSE 'agreed' END, 1, CASE WHEN k = 1 THEN NULL ELSE 1 END
     FROM sites s CROSS JOIN generate_series(1, $2::int) AS k
     WHERE s.organisation_id = $1`,
    [organisation.id, ZONES_PER_SITE],
  );
  await dataSource.query(
    `INSERT INTO zone_versions (zone_id, version, name, geom, geometry_type, schedule)
     SELECT z.id, 1, 'Bench zone',
            ST_Multi(ST_Buffer(ST_Project(s.location::geography, random() * 400, random() * 2 * pi()), 30 + random() * 150, 'quad_segs=8')::geometry),
            'Polygon',
            CASE WHEN random() < 0.5 THEN NULL
                 ELSE '{"timezone":"Europe/Stockholm","windows":[{"days":[1,2,3,4,5],"from":"09:00","to":"17:00"}]}'::jsonb END
     FROM zones z JOIN sites s ON s.id = z.site_id
     WHERE s.organisation_id = $1`,
    [organisation.id],
  );
  for (const table of ['sites', 'zones', 'zone_versions']) await dataSource.query(`ANALYZE ${table}`);
  return { organisationId: organisation.id, email };
}

async function removeBenchRows(dataSource: DataSource, organisationId: string): Promise<void> {
  const zonesOf = `SELECT z.id FROM zones z JOIN sites s ON s.id = z.site_id WHERE s.organisation_id = $1`;
  await dataSource.query(`DELETE FROM zone_versions WHERE zone_id IN (${zonesOf})`, [organisationId]);
  await dataSource.query(`DELETE FROM zones WHERE id IN (${zonesOf})`, [organisationId]);
  await dataSource.query(`DELETE FROM sites WHERE organisation_id = $1`, [organisationId]);
  await dataSource.query(`DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE organisation_id = $1)`, [organisationId]);
  await dataSource.query(`DELETE FROM users WHERE organisation_id = $1`, [organisationId]);
  await dataSource.query(`DELETE FROM organisations WHERE id = $1`, [organisationId]);
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const dataDir = serverUrl ? null : mkdtempSync(join(tmpdir(), 'samverkan-bench-'));
  const embedded = dataDir ? await EmbeddedDatabase.start(join(dataDir, 'db')) : null;
  const databaseUrl = serverUrl ?? embedded!.url;
  const config = loadConfig(
    {
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUDIT_KEY: randomBytes(32).toString('hex'),
      DEMO: 'false',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir ?? mkdtempSync(join(tmpdir(), 'samverkan-bench-')),
    },
    { embeddedDatabase: !serverUrl },
  );
  const app = await createApp(config);
  const dataSource = app.get(DataSource);
  let appOpen = true;
  const closeApp = async () => {
    if (appOpen) await app.close();
    appOpen = false;
  };
  let organisationId: string | null = null;
  try {
    console.log(`Seeding ${ZONES.toLocaleString('en')} zones around ${(ZONES / ZONES_PER_SITE).toLocaleString('en')} sites (${serverUrl ? 'PostgreSQL server' : 'embedded PGlite'})…`);
    const seedStart = performance.now();
    const password = randomBytes(12).toString('hex');
    const seeded = await seed(dataSource, await app.get(PasswordHasher).hash(password));
    organisationId = seeded.organisationId;
    console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const [lng0, lat0] = randomPoint();
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${ZONE_CHECK_SQL}`,
      zoneCheckParameters(lng0, lat0, RADIUS),
    );
    console.log(`\nPlan of one check (radius ${RADIUS} m):\n${plan.map((line) => line['QUERY PLAN']).join('\n')}\n`);

    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: seeded.email, password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    let found = 0;
    const httpCheck = async () => {
      const [lng, lat] = randomPoint();
      const response = await fetch(`${base}/api/zones/check?lat=${lat}&lng=${lng}&radius=${RADIUS}`, { headers });
      if (response.status !== 200) throw new Error(`The check answered ${response.status}`);
      const body = (await response.json()) as { inside: unknown[]; nearby: unknown[] };
      found += body.inside.length + body.nearby.length;
    };

    await measure('warm-up', 200, 1, httpCheck);
    found = 0;
    const httpSequential = await measure('HTTP endpoint, 1 at a time', REQUESTS, 1, httpCheck);
    const zonesPerAnswer = found / REQUESTS;
    const httpConcurrent = await measure(`HTTP endpoint, ${CONCURRENCY} at a time`, REQUESTS, CONCURRENCY, httpCheck);
    await closeApp();

    // The same statement and parameters, straight through pg (after the app has let go of the database).
    const clients = await Promise.all(
      Array.from({ length: serverUrl ? CONCURRENCY : 1 }, async () => {
        const client = new Client({ connectionString: databaseUrl });
        await client.connect();
        return client;
      }),
    );
    // Each worker has its own connection.
    const sqlCheck = async (worker: number) => {
      const [lng, lat] = randomPoint();
      await clients[worker].query(ZONE_CHECK_SQL, zoneCheckParameters(lng, lat, RADIUS));
    };
    await measure('warm-up', 200, 1, sqlCheck);
    const sqlSequential = await measure('SQL through pg, 1 at a time', REQUESTS, 1, sqlCheck);
    const sqlConcurrent = serverUrl ? await measure(`SQL through pg, ${CONCURRENCY} connections`, REQUESTS, CONCURRENCY, sqlCheck) : null;
    await Promise.all(clients.map((client) => client.end()));

    const rps = (timing: Timing) => timing.requests / timing.seconds;
    console.log(`${'Zone check, 10,000 zones'.padEnd(36)} ${'n'.padStart(6)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
    for (const timing of [httpSequential, httpConcurrent, sqlSequential, sqlConcurrent]) if (timing) console.log(row(timing));
    console.log(`\nZones in an answer (inside + nearby), on average: ${zonesPerAnswer.toFixed(2)}`);
    console.log(
      `Ratio, endpoint to SQL (1 at a time): throughput ${(rps(httpSequential) / rps(sqlSequential)).toFixed(2)}×, ` +
        `p50 ${(percentile(httpSequential.latencies, 50) / percentile(sqlSequential.latencies, 50)).toFixed(2)}×, ` +
        `p99 ${(percentile(httpSequential.latencies, 99) / percentile(sqlSequential.latencies, 99)).toFixed(2)}×`,
    );
    if (sqlConcurrent) {
      console.log(`Ratio, endpoint to SQL (${CONCURRENCY} at a time): throughput ${(rps(httpConcurrent) / rps(sqlConcurrent)).toFixed(2)}×`);
    }
  } finally {
    if (serverUrl && organisationId) {
      // The app is closed by now: clean up through a data source of our own.
      const cleanup = await new DataSource({ type: 'postgres', url: serverUrl }).initialize();
      await removeBenchRows(cleanup, organisationId);
      await cleanup.destroy();
    }
    await closeApp();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
