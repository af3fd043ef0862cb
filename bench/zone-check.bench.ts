/**
 * Zone-check benchmark: 10,000 zones around 2,000 sites in Malmö, then the position check at random points in
 * the city, measured two ways in the same run on the same engine: through the api's HTTP endpoint (the built api
 * as its own process, as in production: auth, validation, logging, SQL, schedule evaluation, JSON) and as the
 * same SQL sent straight through `pg` (the anchor). Each is measured
 *  - closed-loop, 1 and 8 requests at a time: the most it answers per second, and its ratio to the anchor;
 *  - open-loop at a fixed arrival rate (BENCH_RATE, 300 checks/s): requests leave on schedule whether or not
 *    earlier ones have been answered, and each latency counts from the moment the request was due, so a server
 *    that falls behind shows it in p99 (no coordinated omission).
 *
 * On a machine with two cores or more the server side runs on core 0 (`taskset -c 0`: the api, with its
 * embedded database thread if any; or, for the anchor on the embedded engine, a process holding only that same
 * PGlite) and this process, the load, on core 1. A PostgreSQL server is not pinned: it serves both alike.
 *
 * Database: DATABASE_URL if set (a PostgreSQL server with PostGIS; the bench's rows are removed afterwards),
 * else the embedded PGlite in a temporary folder. Run: `npm run bench:zones`. Settings: BENCH_REQUESTS (2000,
 * per closed-loop run), BENCH_RATE (300 checks/s), BENCH_SECONDS (20, per open-loop run), BENCH_PROFILE (a
 * folder: the api writes a CPU profile there, `node --cpu-prof`), BENCH_API_NODE_ARGS (more node arguments for the api).
 */
import { ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuMs } from './process-cpu';
import { Client, Pool } from 'pg';
import { ZONE_CHECK_SQL, zoneCheckParameters } from '../apps/api/src/zones/zones.repository';

const ZONES = 10_000;
const ZONES_PER_SITE = 5;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PROFILE_DIR = process.env.BENCH_PROFILE ?? null;
/** More node arguments for the api, e.g. `--trace-gc` to see its collections beside the latencies. */
const API_NODE_ARGS = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
const CONCURRENCY = 8;
const WARM_UP = 500;
const RADIUS = 200;
// Central Malmö and around: about 16 km by 13 km.
const AREA = { minLng: 12.9, maxLng: 13.15, minLat: 55.53, maxLat: 55.65 };
const BENCH_ORGANISATION = 'Bench – zone check (temporary)';
const ROOT = join(__dirname, '..');
const API_ENTRY = join(ROOT, 'apps', 'api', 'src', 'main.js');
const DATABASE_ENTRY = join(__dirname, 'embedded-database.child.js');
const JWT_SECRET = randomBytes(32).toString('base64url');
const SERVER_CORE = '0';
const LOAD_CORE = '1';

interface Timing {
  label: string;
  requests: number;
  seconds: number;
  latencies: number[];
  /** CPU time the server process spent per request (user + system), where the server is a process of ours. */
  cpuMsPerRequest: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function randomPoint(): [lng: number, lat: number] {
  return [AREA.minLng + Math.random() * (AREA.maxLng - AREA.minLng), AREA.minLat + Math.random() * (AREA.maxLat - AREA.minLat)];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const rps = (timing: Timing) => timing.requests / timing.seconds;

// ---------------------------------------------------------------- cores

/** Pins this process (every thread) to the load's core; answers whether the server side can have the other. */
function pinLoad(): boolean {
  if (availableParallelism() < 2) return false;
  const pinned = spawnSync('taskset', ['-a', '-c', '-p', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });
  return pinned.status === 0;
}

/** The command that runs `args` with node, on the server's core when pinning works. */
function serverCommand(pinned: boolean, args: string[]): [string, string[]] {
  return pinned ? ['taskset', ['-c', SERVER_CORE, process.execPath, ...args]] : [process.execPath, args];
}

// ---------------------------------------------------------------- processes

/** Runs a measurement and adds the server's CPU time per request to it. */
async function withCpu(pid: number | undefined, measurement: () => Promise<Timing>): Promise<Timing> {
  const before = cpuMs(pid);
  const timing = await measurement();
  const after = cpuMs(pid);
  return { ...timing, cpuMsPerRequest: before === null || after === null ? null : (after - before) / timing.requests };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The built api, as production runs it (request logs at `info`, written to a pipe that is read and dropped). */
class ApiProcess {
  private output = '';
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    // Kept short: the log lines only matter when the api fails to start.
    child.stdout?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-8000)));
    child.stderr?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-8000)));
  }

  static async start(pinned: boolean, env: Record<string, string>, profile = false): Promise<ApiProcess> {
    const port = await freePort();
    const profiling = [...(profile && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), ...API_NODE_ARGS];
    const [command, args] = serverCommand(pinned, [...profiling, API_ENTRY]);
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The api exited with ${child.exitCode}:\n${api.output}`);
      const healthy = await fetch(`${api.url}/api/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy) return api;
      if (Date.now() > deadline) throw new Error(`The api did not become healthy:\n${api.output}`);
      await sleep(200);
    }
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

/** The embedded database of `dataDir` alone in a process (bench/embedded-database.child.ts), with its URL. */
async function startEmbeddedDatabase(pinned: boolean, dataDir: string): Promise<{ url: string; pid?: number; stop(): Promise<void> }> {
  const child = pinned
    ? spawn('taskset', ['-c', SERVER_CORE, process.execPath, DATABASE_ENTRY, dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    : fork(DATABASE_ENTRY, [dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('exit', (code) => reject(new Error(`The embedded database exited with ${code}`)));
  });
  return { url, pid: child.pid, stop: () => stopChild(child) };
}

// ---------------------------------------------------------------- data

function sign(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

/**
 * The zones, and a service user with a session whose token the bench signs itself (with the JWT_SECRET it gives
 * the api): the bench measures the check, not argon2.
 */
async function seed(databaseUrl: string): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const {
      rows: [organisation],
    } = await db.query(`INSERT INTO organisations (name, kind) VALUES ($1, 'service') RETURNING id`, [BENCH_ORGANISATION]);
    const {
      rows: [user],
    } = await db.query(
      `INSERT INTO users (email, display_name, role, can_sign, organisation_id, password_hash)
       VALUES ($1, 'Bench', 'service', false, $2, 'not-a-password-hash') RETURNING id`,
      [`bench-${randomUUID()}@bench.invalid`, organisation.id],
    );
    const sessionId = randomUUID();
    await db.query(`INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + interval '2 hours')`, [sessionId, user.id]);
    await db.query(
      `INSERT INTO sites (organisation_id, name, type, location)
       SELECT $1, 'Bench site ' || g, 'outreach', ST_SetSRID(ST_MakePoint($2::float8 + random() * ($3::float8 - $2::float8), $4::float8 + random() * ($5::float8 - $4::float8)), 4326)
       FROM generate_series(1, $6::int) AS g`,
      [organisation.id, AREA.minLng, AREA.maxLng, AREA.minLat, AREA.maxLat, ZONES / ZONES_PER_SITE],
    );
    // Three in four agreed, one in four proposed; half always in force, half on weekday daytime hours.
    await db.query(
      `INSERT INTO zones (site_id, status, current_version, agreed_version)
       SELECT s.id, CASE WHEN k = 1 THEN 'proposed' ELSE 'agreed' END, 1, CASE WHEN k = 1 THEN NULL ELSE 1 END
       FROM sites s CROSS JOIN generate_series(1, $2::int) AS k
       WHERE s.organisation_id = $1`,
      [organisation.id, ZONES_PER_SITE],
    );
    await db.query(
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
    await db.query('COMMIT');
    for (const table of ['sites', 'zones', 'zone_versions', 'users', 'sessions']) await db.query(`ANALYZE ${table}`);
    const now = Math.floor(Date.now() / 1000);
    return sign({ sub: user.id, jti: sessionId, iat: now, exp: now + 7200 });
  } finally {
    await db.end();
  }
}

async function removeBenchRows(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const organisations = `SELECT id FROM organisations WHERE name = '${BENCH_ORGANISATION}'`;
    const zonesOf = `SELECT z.id FROM zones z JOIN sites s ON s.id = z.site_id WHERE s.organisation_id IN (${organisations})`;
    await db.query('BEGIN');
    await db.query(`DELETE FROM zone_versions WHERE zone_id IN (${zonesOf})`);
    await db.query(`DELETE FROM zones WHERE id IN (${zonesOf})`);
    await db.query(`DELETE FROM sites WHERE organisation_id IN (${organisations})`);
    await db.query(`DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE organisation_id IN (${organisations}))`);
    await db.query(`DELETE FROM users WHERE organisation_id IN (${organisations})`);
    await db.query(`DELETE FROM organisations WHERE id IN (${organisations})`);
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
}

async function printPlan(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [lng, lat] = randomPoint();
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${ZONE_CHECK_SQL}`, zoneCheckParameters(lng, lat, RADIUS));
    console.log(`\nPlan of one check (radius ${RADIUS} m):\n${rows.map((line) => line['QUERY PLAN']).join('\n')}\n`);
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------- load

/** Runs `task` `total` times, `concurrency` at a time (each worker numbered), timing each call. */
async function closedLoop(label: string, total: number, concurrency: number, task: (worker: number) => Promise<void>): Promise<Timing> {
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
  return { label, requests: total, seconds: (performance.now() - begin) / 1000, latencies: latencies.sort((a, b) => a - b), cpuMsPerRequest: null };
}

/**
 * Starts `task` at `rate` per second for `seconds`, on schedule whatever is still unanswered; each latency counts
 * from the moment its request was due.
 */
async function openLoop(label: string, rate: number, seconds: number, task: () => Promise<void>): Promise<Timing> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const begin = performance.now();
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    pending.push(task().then(() => void latencies.push(performance.now() - due)));
  }
  await Promise.all(pending);
  return { label, requests: total, seconds: (performance.now() - begin) / 1000, latencies: latencies.sort((a, b) => a - b), cpuMsPerRequest: null };
}

/** GET on a kept-alive connection; resolves with the body of a 200, rejects otherwise. */
function get(agent: Agent, url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`The check answered ${response.statusCode}: ${body}`))));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

interface Runs {
  one: Timing;
  many: Timing;
  fixed: Timing;
}

async function measureEndpoint(api: ApiProcess, token: string): Promise<Runs & { zonesPerAnswer: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const headers = { authorization: `Bearer ${token}` };
  let found = 0;
  const check = async () => {
    const [lng, lat] = randomPoint();
    const body = JSON.parse(await get(agent, `${api.url}/api/zones/check?lat=${lat}&lng=${lng}&radius=${RADIUS}`, headers)) as {
      inside: unknown[];
      nearby: unknown[];
    };
    found += body.inside.length + body.nearby.length;
  };
  try {
    await closedLoop('warm-up', WARM_UP, CONCURRENCY, check);
    found = 0;
    const pid = api.child.pid;
    const one = await withCpu(pid, () => closedLoop('HTTP endpoint, 1 at a time', REQUESTS, 1, check));
    const zonesPerAnswer = found / REQUESTS;
    const many = await withCpu(pid, () => closedLoop(`HTTP endpoint, ${CONCURRENCY} at a time`, REQUESTS, CONCURRENCY, check));
    const fixed = await withCpu(pid, () => openLoop(`HTTP endpoint, ${RATE}/s arriving`, RATE, SECONDS, check));
    return { one, many, fixed, zonesPerAnswer };
  } finally {
    agent.destroy();
  }
}

/**
 * The same statement and parameters straight through pg; `connections` as many as the api's pool may use.
 * `serverPid`: the process that runs the SQL, when it is ours (the embedded database's).
 */
async function measureSql(databaseUrl: string, connections: number, serverPid?: number): Promise<Runs> {
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  const check = async () => {
    const [lng, lat] = randomPoint();
    await pool.query(ZONE_CHECK_SQL, zoneCheckParameters(lng, lat, RADIUS));
  };
  try {
    await closedLoop('warm-up', WARM_UP, CONCURRENCY, check);
    const one = await withCpu(serverPid, () => closedLoop('SQL through pg, 1 at a time', REQUESTS, 1, check));
    const many = await withCpu(serverPid, () => closedLoop(`SQL through pg, ${CONCURRENCY} at a time`, REQUESTS, CONCURRENCY, check));
    const fixed = await withCpu(serverPid, () => openLoop(`SQL through pg, ${RATE}/s arriving`, RATE, SECONDS, check));
    return { one, many, fixed };
  } finally {
    await pool.end();
  }
}

// ---------------------------------------------------------------- report

function row(timing: Timing): string {
  const cpu = timing.cpuMsPerRequest === null ? 'n/a' : timing.cpuMsPerRequest.toFixed(2);
  return (
    `| ${timing.label} | ${timing.requests} | ${rps(timing).toFixed(0)} | ` +
    `${percentile(timing.latencies, 50).toFixed(2)} | ${percentile(timing.latencies, 99).toFixed(2)} | ${cpu} |`
  );
}

function report(engine: string, endpoint: Runs & { zonesPerAnswer: number }, sql: Runs, goalP99: number): void {
  console.log(`\n| Zone check, ${ZONES.toLocaleString('en')} zones, ${engine} | n | checks/s | p50 ms | p99 ms | server CPU ms/check |`);
  console.log('|---|---|---|---|---|---|');
  for (const timing of [endpoint.one, endpoint.many, endpoint.fixed, sql.one, sql.many, sql.fixed]) console.log(row(timing));
  const p99 = (timing: Timing) => percentile(timing.latencies, 99);
  console.log(`\nZones in an answer (inside + nearby), on average: ${endpoint.zonesPerAnswer.toFixed(2)}`);
  console.log(
    `Ratio, endpoint to SQL: 1 at a time ${(rps(endpoint.one) / rps(sql.one)).toFixed(2)}×, ` +
      `${CONCURRENCY} at a time ${(rps(endpoint.many) / rps(sql.many)).toFixed(2)}× (goal: at least 0.7×)`,
  );
  const cpu = (timing: Timing) => timing.cpuMsPerRequest;
  const [endpointCpu, sqlCpu] = [cpu(endpoint.many), cpu(sql.many)];
  if (endpointCpu && sqlCpu) {
    // Both servers are processes of ours here (the embedded engine): a ratio that other load on the machine moves little.
    console.log(
      `Server CPU per check, SQL to endpoint (${CONCURRENCY} at a time): ${(sqlCpu / endpointCpu).toFixed(2)}× ` +
        '(the ratio of their rates on a core of their own)',
    );
  }
  console.log(
    `p99 at ${RATE} checks/s: endpoint ${p99(endpoint.fixed).toFixed(1)} ms (goal: at most ${goalP99} ms), SQL ${p99(sql.fixed).toFixed(1)} ms`,
  );
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL ?? null;
  const pinned = pinLoad();
  const engine = serverUrl ? 'PostgreSQL server' : 'embedded PGlite';
  console.log(
    `Zone-check benchmark, ${engine}: ` +
      (pinned ? `server side on core ${SERVER_CORE}, load on core ${LOAD_CORE}` : 'not pinned (one core, or no taskset)'),
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-bench-'));
  const apiEnv: Record<string, string> = {
    JWT_SECRET,
    AUDIT_KEY: randomBytes(32).toString('base64url'),
    DEMO: 'false',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    ...(serverUrl ? { DATABASE_URL: serverUrl } : {}),
  };
  try {
    // The schema comes from the api's migrations: start it once.
    await (await ApiProcess.start(pinned, apiEnv)).stop();
    let endpoint: Runs & { zonesPerAnswer: number };
    let sql: Runs;
    if (serverUrl) {
      await removeBenchRows(serverUrl);
      const seedStart = performance.now();
      const token = await seed(serverUrl);
      console.log(`Seeded ${ZONES.toLocaleString('en')} zones in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
      await printPlan(serverUrl);
      sql = await measureSql(serverUrl, 10);
      const api = await ApiProcess.start(pinned, apiEnv, true);
      endpoint = await measureEndpoint(api, token).finally(() => api.stop());
    } else {
      // The embedded database belongs to one process at a time: seeded and measured alone, then by the api.
      const database = await startEmbeddedDatabase(pinned, dataDir);
      let token: string;
      try {
        const seedStart = performance.now();
        token = await seed(database.url);
        console.log(`Seeded ${ZONES.toLocaleString('en')} zones in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
        await printPlan(database.url);
        // PGlite runs one statement at a time, and the api's pool holds one connection: so does the anchor.
        sql = await measureSql(database.url, 1, database.pid);
      } finally {
        await database.stop();
      }
      const api = await ApiProcess.start(pinned, apiEnv, true);
      endpoint = await measureEndpoint(api, token).finally(() => api.stop());
    }
    report(engine, endpoint, sql, serverUrl ? 20 : 80);
  } finally {
    if (serverUrl) await removeBenchRows(serverUrl);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
