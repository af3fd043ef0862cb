import { Client, Pool } from 'pg';
import { serialize } from 'pg-protocol';
import { rawConnection } from '../support/raw-connection';
import { startTestApp, testDatabaseIsEmbedded, testDatabaseUrl } from '../support/test-app';

/** The error code a query is refused with, or its rows. */
const outcome = (query: Promise<{ rows: unknown[] } | unknown[]>) =>
  query.then(
    (answer) => (Array.isArray(answer) ? answer : answer.rows),
    (error: { code?: string; driverError?: { code?: string } }) => error.driverError?.code ?? error.code,
  );

/**
 * Statements with parameters (Parse, Bind, Describe, Execute, Sync) that the database refuses, and what comes
 * after them: the same answers from the embedded database as from a server. The embedded one once sent an
 * extra ReadyForQuery after such an error, and the next statement on the connection got an empty answer.
 */
describe(`Refused statements with parameters (${testDatabaseIsEmbedded() ? 'embedded' : 'server'})`, () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    await client.query('CREATE TEMP TABLE protocol_keys (key int PRIMARY KEY)');
  });

  afterAll(async () => {
    await client.query('DROP TABLE protocol_keys');
    await client.end();
  });

  it('answers each statement queued behind a refused one with its own rows', async () => {
    // Queued together for one pooled connection: each goes out as soon as the one before is answered.
    const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      const answers = await Promise.all([
        outcome(pool.query('SELECT $1::int AS n', ['x'])),
        outcome(pool.query('SELECT $1::int AS n', ['1'])),
        outcome(pool.query('SELECT 10 / $1::int AS n', ['0'])),
        outcome(pool.query('SELECT $1::int AS n', ['2'])),
        outcome(pool.query('SELEC $1', ['3'])),
        outcome(pool.query('SELECT $1::int AS n', ['3'])),
      ]);
      expect(answers).toEqual(['22P02', [{ n: 1 }], '22012', [{ n: 2 }], '42601', [{ n: 3 }]]);
    } finally {
      await pool.end();
    }
  });

  it('refuses in a transaction, refuses the rest of it, and rolls it back', async () => {
    await client.query('BEGIN');
    await client.query('INSERT INTO protocol_keys VALUES ($1)', [1]);
    expect(await outcome(client.query('INSERT INTO protocol_keys VALUES ($1)', [1]))).toBe('23505');
    expect(await outcome(client.query('SELECT $1::int AS n', ['4']))).toBe('25P02');
    await client.query('ROLLBACK');
    expect(
      await outcome(client.query('SELECT count(*)::int AS n FROM protocol_keys WHERE key = $1', [1])),
    ).toEqual([{ n: 0 }]);
  });

  it('answers as a server does: after an error nothing until the Sync, then one ReadyForQuery', async () => {
    const socket = await rawConnection(testDatabaseUrl());
    const divide = (by: string) => [
      serialize.parse({ text: 'SELECT 10 / $1::int' }),
      serialize.bind({ values: [by] }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
    ];
    expect(await socket.ask([...divide('0'), serialize.sync()], 'Z')).toEqual(['1', 'E', 'Z']);
    expect(await socket.ask([...divide('5'), serialize.sync()], 'Z')).toEqual(['1', '2', 'T', 'D', 'C', 'Z']);
    // A Flush sends what is answered so far, and never a ReadyForQuery.
    expect(await socket.ask([...divide('0'), serialize.flush()], 'E')).toEqual(['1', 'E']);
    expect(await socket.ask([...divide('5'), serialize.sync()], 'Z')).toEqual(['Z']);
    expect(await socket.ask([...divide('2'), serialize.sync()], 'Z')).toEqual(['1', '2', 'T', 'D', 'C', 'Z']);
    socket.end();
  });

  it("answers the api's queued queries rightly around one the database refuses", async () => {
    const app = await startTestApp();
    try {
      const queued = await Promise.all(
        ['1', '2', '0', '5', 'x', '10'].map((by) =>
          outcome(app.dataSource.query('SELECT 10 / $1::int AS n', [by])),
        ),
      );
      expect(queued).toEqual([[{ n: 10 }], [{ n: 5 }], '22012', [{ n: 2 }], '22P02', [{ n: 1 }]]);
    } finally {
      await app.close();
    }
  });
});
