import type { PGlite } from '@electric-sql/pglite';
import type { Socket } from 'node:net';
import { EmbeddedDatabaseAnswer } from './embedded-database.answer';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const FLUSH = 0x48; // 'H'
const TERMINATE = 0x58; // 'X'
/** Parse, Bind, Describe, Execute, Close: a server answers them at the next Sync or Flush, not before. */
const HELD_UNTIL_SYNC = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);

/** What a client sends before it waits for the answer: the startup, one simple Query, or messages up to a Sync or Flush. */
interface Request {
  bytes: Buffer;
  endsWithFlush: boolean;
}

/**
 * One client of the embedded database (EmbeddedDatabaseServer): reads its bytes into requests and runs them.
 *
 * A request goes to PGlite in one call, whole: PGlite has one session for all clients, so another client's
 * messages must never land between this one's Parse and Sync (they would bind its unnamed statement, or be
 * skipped as part of its error). The bytes are handed over as they came, as views of the socket's chunks.
 */
export class EmbeddedDatabaseConnection {
  readonly requests: Request[] = [];
  /** Set by the server once the socket has closed. */
  closed = false;
  private started = false;
  /** After a Terminate nothing more is read; the client closes the socket. */
  private terminated = false;
  /** Bytes after the last whole request, in the chunks they came in. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** How many buffered bytes the next request needs at least: fewer are not looked at again. */
  private needed = 0;

  constructor(readonly socket: Socket) {}

  /** Takes the client's next bytes. True when they complete at least one request. */
  receive(data: Buffer): boolean {
    if (this.terminated) return false;
    this.chunks.push(data);
    this.buffered += data.length;
    if (this.buffered < this.needed) return false;
    const bytes = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const before = this.requests.length;
    const used = this.readRequests(bytes);
    this.chunks = used < bytes.length ? [bytes.subarray(used)] : [];
    this.buffered = bytes.length - used;
    return this.requests.length > before;
  }

  /** Runs the oldest request. True when that leaves the session idle, so other clients' requests may run. */
  async runNext(db: PGlite): Promise<boolean> {
    const request = this.requests.shift()!;
    const answer = new EmbeddedDatabaseAnswer((bytes) => {
      if (this.socket.writable) this.socket.write(bytes);
    }, request.endsWithFlush);
    // One write (writev) for the whole answer instead of one per piece.
    this.socket.cork();
    try {
      await db.runExclusive(() =>
        db.execProtocolRawStream(request.bytes, { onRawData: (data) => answer.write(data) }),
      );
      return answer.end();
    } catch {
      this.socket.destroy();
      return false;
    } finally {
      this.socket.uncork();
    }
  }

  /** Reads whole requests from `bytes`; returns how many bytes they took. */
  private readRequests(bytes: Buffer): number {
    let start = 0;
    let offset = 0;
    while (!this.terminated) {
      if (!this.started) {
        // Before the startup: untyped messages (length, code).
        if (bytes.length - offset < 8) return this.waitFor(start, offset + 8);
        const length = bytes.readInt32BE(offset);
        if (length < 8) return this.refuse();
        if (bytes.length - offset < length) return this.waitFor(start, offset + length);
        const code = bytes.readInt32BE(offset + 4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          // No encryption on a socket only this OS user can reach (embedded-database.ts).
          this.socket.write('N');
        } else if (code === CANCEL_REQUEST) {
          // Nothing to cancel: each request runs to its end within one call. A server closes this connection.
          return this.refuse();
        } else {
          this.requests.push({ bytes: bytes.subarray(offset, offset + length), endsWithFlush: false });
          this.started = true;
        }
        offset += length;
        start = offset;
        continue;
      }
      if (bytes.length - offset < 5) return this.waitFor(start, offset + 5);
      const type = bytes[offset];
      const length = bytes.readInt32BE(offset + 1);
      if (length < 4) return this.refuse();
      if (bytes.length - offset - 1 < length) return this.waitFor(start, offset + 1 + length);
      offset += 1 + length;
      if (type === TERMINATE) {
        this.terminated = true;
        break;
      }
      if (HELD_UNTIL_SYNC.has(type)) continue;
      this.requests.push({ bytes: bytes.subarray(start, offset), endsWithFlush: type === FLUSH });
      start = offset;
    }
    return bytes.length;
  }

  private waitFor(start: number, end: number): number {
    this.needed = end - start;
    return start;
  }

  /** Closes the connection: after a cancel request, or on bytes that are no protocol. */
  private refuse(): number {
    this.terminated = true;
    this.socket.destroy();
    return 0;
  }
}
