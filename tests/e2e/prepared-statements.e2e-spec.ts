import { QueryFailedError } from 'typeorm';
import { PreparedStatements } from '../../apps/api/src/database/prepared-statements';
import { startTestApp, testDatabaseIsEmbedded, TestApp } from '../support/test-app';

/**
 * Hot statements (the message batch) run as named statements on a PostgreSQL server and unnamed on the embedded
 * database: either way a caller gets the same rows and the same refusals as from an ordinary query.
 */
describe(`Prepared statements (${testDatabaseIsEmbedded() ? 'embedded: unnamed' : 'server: named'})`, () => {
  let app: TestApp;
  let prepared: PreparedStatements;

  beforeAll(async () => {
    app = await startTestApp();
    prepared = app.app.get(PreparedStatements);
  });

  afterAll(async () => {
    await app.close();
  });

  const organisationsNamed = {
    name: 'test_organisations_named',
    text: 'SELECT id, name FROM organisations WHERE name = ANY($1::text[]) ORDER BY name',
  };
  const divideBy = { name: 'test_divide_by', text: 'SELECT 10 / $1::int AS quotient' };

  it('answers with the rows an ordinary query gives, every time, from whichever pooled connection', async () => {
    const names = (await app.dataSource.query('SELECT name FROM organisations ORDER BY name LIMIT 3')).map(
      (row: { name: string }) => row.name,
    );
    const expected = await app.dataSource.query(organisationsNamed.text, [names]);
    expect(expected.length).toBeGreaterThan(0);
    // More at once than one connection: several pooled connections prepare the statement, each once.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => prepared.query(organisationsNamed, [names])),
    );
    for (const answer of answers) expect(answer).toEqual(expected);
  });

  it("refuses as an ordinary query does (TypeORM's QueryFailedError with the server's error), and works after", async () => {
    expect(await prepared.query(divideBy, [5])).toEqual([{ quotient: 2 }]);
    const refusal = await prepared.query(divideBy, [0]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(QueryFailedError);
    expect((refusal as QueryFailedError<Error & { code?: string }>).driverError.code).toBe('22012');
    expect(await prepared.query(divideBy, [2])).toEqual([{ quotient: 5 }]);
  });
});
