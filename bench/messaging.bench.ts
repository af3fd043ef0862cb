/**
 * Messaging benchmark: N clients (200, 1,000 and 2,000 by default) in channels of 10, each sending at a steady
 * rate through the api (a separate process, as in production), against a bare Socket.IO server doing the same
 * room broadcast, in the same run. Reports end-to-end latency (sender's timestamp to each of the 9 other
 * members), deliveries per second and server memory per connection, with the api/bare ratios.
 *
 * Database: DATABASE_URL if set (a PostgreSQL server; the bench's rows are removed afterwards), else the
 * embedded PGlite in a temporary folder. Users, sessions and channels are written straight into the database
 * (signing in 2,000 users through argon2 would measure the password hash, not messaging), and the bench signs
 * their tokens with the JWT_SECRET it gives the api.
 *
 * Run: `npm run bench:messaging`. Settings: BENCH_SIZES=200,1000,2000  BENCH_SECONDS=10  BENCH_RATE=0.2
 * (messages per client per second).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';

const SIZES = (process.env.BENCH_SIZES ?? '200,1000,2000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 0.2);
const GROUP = 10;
const DRAIN_MS = 3000;
const ROOT = join(__dirname, '..');
const API_ENTRY = join(ROOT, 'apps', 'api', 'src', 'main.js');
const BARE_ENTRY = join(__dirname, 'bare-socketio-server.js');
const JWT_SECRET = randomBytes(32).toString('base64url');
const BENCH_PREFIX = 'Bench – messaging (temporary)';

interface BenchUser {
  id: string;
  token: string;
  channelId: string;
}

interface Result {
  label: string;
  clients: number;
  sent: number;
  acked: number;
  deliveries: number;
  expected: number;
  p50: number;
  p99: number;
  ackP50: number;
  deliveriesPerSecond: number;
  bytesPerConnection: number | null;
}

// ---------------------------------------------------------------- processes

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

class ServerProcess {
  output = '';
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-20_000)));
    child.stderr?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-20_000)));
  }

  static async start(entry: string, env: Record<string, string>): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new ServerProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${entry} exited with ${child.exitCode}:\n${started.output}`);
      const healthy = await fetch(`${started.url}/api/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy) return started;
      if (Date.now() > deadline) throw new Error(`${entry} did not become healthy:\n${started.output}`);
      await sleep(200);
    }
  }

  /** Resident memory in bytes (Linux), or null where /proc is not there. */
  rss(): number | null {
    const status = `/proc/${this.child.pid}/status`;
    if (!existsSync(status)) return null;
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise((resolve) => {
      this.child.once('exit', resolve);
      this.child.kill('SIGTERM');
    });
  }
}

// ---------------------------------------------------------------- data

function sign(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

/** `count` service users in organisations of GROUP, each organisation with a meeting channel only it sees. */
async function seed(databaseUrl: string, count: number): Promise<BenchUser[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const users: BenchUser[] = [];
    const now = Math.floor(Date.now() / 1000);
    for (let group = 0; group < count / GROUP; group++) {
      const {
        rows: [organisation],
      } = await db.query(`INSERT INTO organisations (name, kind) VALUES ($1, 'service') RETURNING id`, [
        `${BENCH_PREFIX} ${group}`,
      ]);
      const {
        rows: [channel],
      } = await db.query(
        `INSERT INTO channels (kind, name, ref_id) VALUES ('meeting', $1, $2) RETURNING id`,
        [`Bench ${group}`, randomUUID()],
      );
      await db.query(`INSERT INTO channel_organisations (channel_id, organisation_id) VALUES ($1, $2)`, [
        channel.id,
        organisation.id,
      ]);
      for (let member = 0; member < GROUP; member++) {
        const {
          rows: [user],
        } = await db.query(
          `INSERT INTO users (email, display_name, role, organisation_id, password_hash)
           VALUES ($1, $2, 'service', $3, 'not-a-password-hash') RETURNING id`,
          [`bench-${randomUUID()}@bench.invalid`, `Bench ${group}-${member}`, organisation.id],
        );
        const sessionId = randomUUID();
        await db.query(
          `INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + interval '2 hours')`,
          [sessionId, user.id],
        );
        users.push({
          id: user.id,
          channelId: channel.id,
          token: sign({ sub: user.id, jti: sessionId, iat: now, exp: now + 7200 }),
        });
      }
    }
    await db.query('COMMIT');
    return users;
  } finally {
    await db.end();
  }
}

async function removeBenchRows(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const organisations = `SELECT id FROM organisations WHERE name LIKE '${BENCH_PREFIX}%'`;
    const users = `SELECT id FROM users WHERE organisation_id IN (${organisations})`;
    const channels = `SELECT channel_id FROM channel_organisations WHERE organisation_id IN (${organisations})`;
    await db.query('BEGIN');
    await db.query(`DELETE FROM alert_acks WHERE user_id IN (${users})`);
    await db.query(`DELETE FROM messages WHERE channel_id IN (${channels}) OR author_id IN (${users})`);
    await db.query(`DELETE FROM channel_reads WHERE user_id IN (${users})`);
    const channelIds = (await db.query(channels)).rows.map((row) => row.channel_id);
    await db.query(`DELETE FROM channel_organisations WHERE channel_id = ANY($1::uuid[])`, [channelIds]);
    await db.query(`DELETE FROM channels WHERE id = ANY($1::uuid[])`, [channelIds]);
    await db.query(`DELETE FROM sessions WHERE user_id IN (${users})`);
    await db.query(`DELETE FROM users WHERE id IN (${users})`);
    await db.query(`DELETE FROM organisations WHERE name LIKE '${BENCH_PREFIX}%'`);
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------- clients

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectAll(url: string, users: BenchUser[]): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < users.length; i += 50) {
    const batch = users.slice(i, i + 50).map(
      (user) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(url, {
            auth: { token: user.token, userId: user.id },
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
          });
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', (error) => reject(new Error(`connect_error: ${error.message}`)));
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  await Promise.all(
    sockets.map(async (socket, i) => {
      const ack = await socket.timeout(30_000).emitWithAck('channel:join', { channelId: users[i].channelId });
      if (!ack.ok) throw new Error(`channel:join refused: ${JSON.stringify(ack.error)}`);
    }),
  );
  return sockets;
}

/** Waits until the clients have received nothing for a second (the presence burst of many connections). */
async function settle(sockets: Socket[], maxMs = 30_000): Promise<void> {
  let last = performance.now();
  const touch = () => (last = performance.now());
  for (const socket of sockets) socket.onAny(touch);
  const deadline = performance.now() + maxMs;
  while (performance.now() - last < 1000 && performance.now() < deadline) await sleep(100);
  for (const socket of sockets) socket.offAny(touch);
}

async function run(label: string, server: ServerProcess, users: BenchUser[]): Promise<Result> {
  await sleep(1000);
  const baseline = server.rss();
  const sockets = await connectAll(server.url, users);
  await settle(sockets);
  const loaded = server.rss();

  const latencies: number[] = [];
  const ackLatencies: number[] = [];
  let sent = 0;
  let acked = 0;
  let deliveries = 0;
  sockets.forEach((socket, i) => {
    socket.on('message:new', (message: { authorId: string; body: string }) => {
      if (message.authorId === users[i].id) return;
      const { t } = JSON.parse(message.body) as { t: number };
      latencies.push(performance.now() - t);
      deliveries += 1;
    });
  });

  const timers: NodeJS.Timeout[] = [];
  const interval = 1000 / RATE;
  const start = performance.now();
  const send = (i: number) => {
    if (performance.now() - start > SECONDS * 1000) return;
    const t = performance.now();
    sent += 1;
    sockets[i]
      .timeout(30_000)
      .emitWithAck('message:send', {
        channelId: users[i].channelId,
        clientId: randomUUID(),
        body: JSON.stringify({ t, from: i }),
      })
      .then(
        (ack: { ok: boolean }) => {
          if (ack.ok) {
            acked += 1;
            ackLatencies.push(performance.now() - t);
          }
        },
        () => undefined,
      );
  };
  sockets.forEach((_, i) => {
    // Spread over the interval, so the load is steady rather than in waves.
    const first = setTimeout(() => {
      send(i);
      timers.push(setInterval(() => send(i), interval));
    }, Math.random() * interval);
    timers.push(first);
  });
  await sleep(SECONDS * 1000);
  for (const timer of timers) clearTimeout(timer);
  await sleep(DRAIN_MS);
  for (const socket of sockets) socket.disconnect();

  latencies.sort((a, b) => a - b);
  ackLatencies.sort((a, b) => a - b);
  return {
    label,
    clients: users.length,
    sent,
    acked,
    deliveries,
    expected: acked * (GROUP - 1),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ackP50: percentile(ackLatencies, 50),
    deliveriesPerSecond: deliveries / SECONDS,
    bytesPerConnection: baseline !== null && loaded !== null ? (loaded - baseline) / users.length : null,
  };
}

// ---------------------------------------------------------------- main

function format(value: number | null, digits = 1): string {
  return value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

async function main(): Promise<void> {
  const max = Math.max(...SIZES);
  const serverUrl = process.env.DATABASE_URL ?? null;
  const dataDir = serverUrl ? null : mkdtempSync(join(tmpdir(), 'samverkan-bench-'));
  const apiEnv: Record<string, string> = {
    JWT_SECRET,
    AUDIT_KEY: randomBytes(32).toString('base64url'),
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    // A fresh DATA_DIR in server mode too: the audit anchors of another database would not match this one's chain.
    DATA_DIR: dataDir ?? mkdtempSync(join(tmpdir(), 'samverkan-bench-')),
    ...(serverUrl ? { DATABASE_URL: serverUrl } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  };
  console.log(
    `Messaging benchmark: sizes ${SIZES.join(', ')}; channels of ${GROUP}; ${RATE} messages/s per client for ${SECONDS} s; ` +
      `database ${serverUrl ? 'PostgreSQL server' : 'embedded PGlite'}${process.env.REDIS_URL ? ', Redis adapter on' : ''}`,
  );

  // The schema comes from the api's migrations: start it once, then write the bench's users beside it.
  let users: BenchUser[];
  if (serverUrl) {
    const first = await ServerProcess.start(API_ENTRY, apiEnv);
    await first.stop();
    await removeBenchRows(serverUrl);
    users = await seed(serverUrl, max);
  } else {
    const first = await ServerProcess.start(API_ENTRY, apiEnv);
    await first.stop();
    // The embedded database belongs to one process at a time: seed it while the api is stopped.
    const { EmbeddedDatabase } = await import('../apps/api/src/database/embedded-database');
    const embedded = await EmbeddedDatabase.start(dataDir);
    try {
      users = await seed(embedded.url, max);
    } finally {
      await embedded.stop();
    }
  }

  const rows: [Result, Result][] = [];
  try {
    for (const size of SIZES) {
      const group = users.slice(0, size);
      const api = await ServerProcess.start(API_ENTRY, apiEnv);
      const apiResult = await run('api', api, group).finally(() => api.stop());
      const bare = await ServerProcess.start(BARE_ENTRY, {});
      const bareResult = await run('bare', bare, group).finally(() => bare.stop());
      rows.push([apiResult, bareResult]);
      console.log(
        `${size} clients: api p50 ${format(apiResult.p50)} ms p99 ${format(apiResult.p99)} ms, ${format(apiResult.deliveriesPerSecond, 0)} deliveries/s; ` +
          `bare p50 ${format(bareResult.p50)} ms p99 ${format(bareResult.p99)} ms, ${format(bareResult.deliveriesPerSecond, 0)} deliveries/s`,
      );
    }
  } finally {
    if (serverUrl) await removeBenchRows(serverUrl);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }

  console.log(
    '\n| clients | server | p50 ms | p99 ms | ack p50 ms | deliveries/s | delivered/expected | memory per connection |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const pair of rows) {
    for (const result of pair) {
      console.log(
        `| ${result.clients} | ${result.label} | ${format(result.p50)} | ${format(result.p99)} | ${format(result.ackP50)} | ` +
          `${format(result.deliveriesPerSecond, 0)} | ${result.deliveries}/${result.expected} | ` +
          `${result.bytesPerConnection === null ? 'n/a' : `${format(result.bytesPerConnection / 1024)} KiB`} |`,
      );
    }
  }
  console.log(
    '\n| clients | p50 api/bare | p99 api/bare | deliveries/s api/bare | memory per connection api/bare |',
  );
  console.log('|---|---|---|---|---|');
  for (const [api, bare] of rows) {
    const memory =
      api.bytesPerConnection !== null && bare.bytesPerConnection
        ? api.bytesPerConnection / bare.bytesPerConnection
        : null;
    console.log(
      `| ${api.clients} | ${format(api.p50 / bare.p50, 2)} | ${format(api.p99 / bare.p99, 2)} | ` +
        `${format(api.deliveriesPerSecond / bare.deliveriesPerSecond, 2)} | ${format(memory, 2)} |`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
