import { EmbeddedDatabaseAnswer } from './embedded-database.answer';

/** A backend message: type, int32 length, body. */
function message(type: string, body = ''): Buffer {
  const bytes = Buffer.alloc(5 + Buffer.byteLength(body));
  bytes.write(type, 0, 'latin1');
  bytes.writeInt32BE(4 + Buffer.byteLength(body), 1);
  bytes.write(body, 5);
  return bytes;
}
const parseComplete = message('1');
const error = message('E', 'SERROR\0C22012\0Mdivision by zero\0\0');
const dataRow = message('D', '\0\x01\0\0\0\x015');
const ready = (status: string) => message('Z', status);

/** What the client gets when PGlite writes `output` in pieces cut at `cuts`. */
function answer(output: Buffer, cuts: number[], endsWithFlush = false): { sent: Buffer; idle: boolean } {
  const sent: Buffer[] = [];
  const filter = new EmbeddedDatabaseAnswer((bytes) => sent.push(Buffer.from(bytes)), endsWithFlush);
  let from = 0;
  for (const cut of [...cuts, output.length]) {
    // A view into a buffer that is overwritten afterwards, as PGlite's memory is.
    const memory = Buffer.from(output.subarray(from, cut));
    filter.write(memory);
    memory.fill(0);
    from = cut;
  }
  const idle = filter.end();
  return { sent: Buffer.concat(sent), idle };
}

/** Every way to cut `output` in two and in three pieces. */
function everyCut(output: Buffer): number[][] {
  const cuts: number[][] = [[]];
  for (let a = 1; a < output.length; a++) {
    cuts.push([a]);
    for (let b = a + 1; b < output.length; b += 3) cuts.push([a, b]);
  }
  return cuts;
}

describe('EmbeddedDatabaseAnswer', () => {
  it("drops PGlite's early ReadyForQuery after an error in the extended protocol, however the output is cut", () => {
    const pglite = Buffer.concat([parseComplete, error, ready('I'), ready('I')]);
    const server = Buffer.concat([parseComplete, error, ready('I')]);
    for (const cuts of everyCut(pglite)) expect(answer(pglite, cuts)).toEqual({ sent: server, idle: true });
  });

  it('passes a whole answer on unchanged, ReadyForQuery last, and tells whether the session is idle', () => {
    const rows = Buffer.concat([
      parseComplete,
      message('2'),
      dataRow,
      dataRow,
      message('C', 'SELECT 2\0'),
      ready('T'),
    ]);
    for (const cuts of everyCut(rows)) expect(answer(rows, cuts)).toEqual({ sent: rows, idle: false });
    expect(answer(Buffer.concat([error, ready('E'), ready('E')]), [])).toEqual({
      sent: Buffer.concat([error, ready('E')]),
      idle: false,
    });
  });

  it('keeps what PGlite sends after the ReadyForQuery that stays in its place, and after one that is dropped', () => {
    const notice = message('N', 'SNOTICE\0Mhello\0\0');
    const pglite = Buffer.concat([error, ready('I'), notice, ready('I'), notice]);
    expect(answer(pglite, [7, 30]).sent).toEqual(Buffer.concat([error, notice, ready('I'), notice]));
  });

  it('answers a Flush without ReadyForQuery, as a server does after an error', () => {
    const pglite = Buffer.concat([parseComplete, error, ready('I')]);
    for (const cuts of everyCut(pglite)) {
      expect(answer(pglite, cuts, true)).toEqual({
        sent: Buffer.concat([parseComplete, error]),
        idle: false,
      });
    }
  });
});
