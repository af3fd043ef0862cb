import { join } from 'node:path';
import { connect } from 'node:net';
import { Client } from 'pg';
import { serialize } from 'pg-protocol';
import { rawConnection } from '../../support/raw-connection';

/** The built api's embedded database (its worker thread runs the built file, outside Jest's module sandbox). */
const BUILT_DATABASE = join(
  __dirname,
  '..',
  '..',
  '..',
  'dist',
  'apps',
  'api',
  'src',
  'database',
  'embedded-database.js',
);

/**
 * PGlite has one session for every client of the embedded database: one client's transaction, or its messages
 * between a refused Bind and the Sync, must not take in another client's statements.
 */
describe('the embedded database with several clients', () => {
  let database: import('../../../apps/api/src/database/embedded-database').EmbeddedDatabase;
  const clients: Client[] = [];
  const raw: Array<{ destroy(): void }> = [];

  beforeAll(async () => {
    const { EmbeddedDatabase } = (await import(
      BUILT_DATABASE
    )) as typeof import('../../../apps/api/src/database/embedded-database');
    database = await EmbeddedDatabase.start(null);
    await (await client()).query('CREATE TABLE session_keys (key int PRIMARY KEY)');
  }, 120_000);

  // It admits four connections, as the api's does.
  afterEach(async () => {
    for (const each of raw.splice(0)) each.destroy();
    await Promise.all(clients.splice(0).map((each) => each.end()));
  });

  afterAll(async () => {
    await database.stop();
  });

  async function client(): Promise<Client> {
    const connected = new Client({ connectionString: database.url });
    clients.push(connected);
    await connected.connect();
    return connected;
  }

  async function rawClient() {
    const connected = await rawConnection(database.url);
    raw.push(connected);
    return connected;
  }

  it("runs another client's statements only once a transaction is over", async () => {
    const [first, second] = [await client(), await client()];
    await first.query('BEGIN');
    await first.query('INSERT INTO session_keys VALUES ($1)', [1]);
    let answered = false;
    const counted = second.query('SELECT count(*)::int AS n FROM session_keys').then((answer) => {
      answered = true;
      return answer.rows;
    });
    await first.query('INSERT INTO session_keys VALUES ($1)', [2]);
    expect(answered).toBe(false);
    await first.query('COMMIT');
    expect(await counted).toEqual([{ n: 2 }]);
  });

  it("keeps another client's statements out of one that skips to its Sync after an error", async () => {
    const [first, second] = [await rawClient(), await client()];
    // Refused at the Bind, before a Flush: the session skips every message until this client's Sync.
    const refused = [
      serialize.parse({ text: 'SELECT 1/0' }),
      serialize.bind({}),
      serialize.execute({}),
      serialize.flush(),
    ];
    expect(await first.ask(refused, 'E')).toEqual(['1', 'E']);
    const meanwhile = second.query('SELECT $1::int AS n', ['7']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await first.ask([serialize.sync()], 'Z')).toEqual(['Z']);
    expect((await meanwhile).rows).toEqual([{ n: 7 }]);
  });

  it('rolls back the transaction of a client that goes away, and serves the others', async () => {
    const [first, second] = [await rawClient(), await client()];
    await first.ask([serialize.query('BEGIN')], 'Z');
    await first.ask([serialize.query('DELETE FROM session_keys')], 'Z');
    const counted = second.query('SELECT count(*)::int AS n FROM session_keys');
    first.destroy();
    expect((await counted).rows).toEqual([{ n: 2 }]);
  });

  it('refuses encryption with N, as a server without it does', async () => {
    const socket = connect(join(decodeURIComponent(new URL(database.url).hostname), '.s.PGSQL.5432'));
    const answer = new Promise<string>((resolve) => socket.once('data', (data) => resolve(data.toString())));
    socket.write(serialize.requestSsl());
    expect(await answer).toBe('N');
    socket.end();
  });
});
