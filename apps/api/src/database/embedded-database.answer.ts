const READY_FOR_QUERY = 0x5a; // 'Z'
const READY_FOR_QUERY_LENGTH = 6;
const HEADER_LENGTH = 5; // type byte and int32 length
const IDLE = 0x49; // 'I': the status byte of ReadyForQuery outside a transaction

/**
 * PGlite's answer to one request of a client (EmbeddedDatabaseConnection), passed on to the client's socket as a
 * PostgreSQL server would send it: with at most one ReadyForQuery, at the end.
 *
 * After an error in the extended protocol a server skips to the Sync and answers ReadyForQuery once, there.
 * PGlite 0.5.8 also sends one right after the ErrorResponse (`1 E Z Z` where a server sends `1 E Z`), and even
 * at a Flush. `pg` takes that first ReadyForQuery as the end of the statement and the second as the end of the
 * next one, which then gets an empty result. So every ReadyForQuery is held back, a later one replaces it, and
 * the last is sent once PGlite is done, unless the request ended with a Flush (never answered with one).
 */
export class EmbeddedDatabaseAnswer {
  /** The first bytes of a message whose header PGlite split across two writes. */
  private readonly header = Buffer.alloc(READY_FOR_QUERY_LENGTH);
  private headerLength = 0;
  /** Bytes of the current message still to come, after its header. */
  private bodyLeft = 0;
  /** The status byte of the ReadyForQuery held back, if any. */
  private readyStatus: number | null = null;
  /** What PGlite wrote after that ReadyForQuery: sent after it, or on its own if another one follows. */
  private afterReady: Buffer[] = [];

  constructor(
    private readonly send: (bytes: Buffer) => void,
    private readonly endsWithFlush: boolean,
  ) {}

  /** One write of PGlite's: a view into its memory, which it reuses, so it is copied once here. */
  write(data: Uint8Array): void {
    const chunk = Buffer.from(data);
    let offset = 0;
    let passFrom = 0;
    while (offset < chunk.length) {
      if (this.bodyLeft > 0) {
        const step = Math.min(this.bodyLeft, chunk.length - offset);
        offset += step;
        this.bodyLeft -= step;
      } else if (this.headerLength > 0 || !this.headerFits(chunk, offset)) {
        // A header split across writes: its bytes are kept aside until it is known whether it is a ReadyForQuery.
        if (offset > passFrom) this.pass(chunk.subarray(passFrom, offset));
        while (this.headerLength < this.headerNeeds() && offset < chunk.length)
          this.header[this.headerLength++] = chunk[offset++];
        passFrom = offset;
        if (this.headerLength < this.headerNeeds()) break;
        if (this.header[0] === READY_FOR_QUERY) this.holdReady(this.header[5]);
        else {
          this.pass(Buffer.from(this.header.subarray(0, HEADER_LENGTH)));
          this.bodyLeft = this.header.readInt32BE(1) - 4;
        }
        this.headerLength = 0;
      } else if (chunk[offset] === READY_FOR_QUERY) {
        if (offset > passFrom) this.pass(chunk.subarray(passFrom, offset));
        this.holdReady(chunk[offset + 5]);
        offset += READY_FOR_QUERY_LENGTH;
        passFrom = offset;
      } else {
        this.bodyLeft = chunk.readInt32BE(offset + 1) - 4;
        offset += HEADER_LENGTH;
      }
    }
    if (chunk.length > passFrom) this.pass(chunk.subarray(passFrom));
  }

  /**
   * Sends what is held back. True when the answer leaves the session idle (a ReadyForQuery outside a transaction):
   * only then may another client's request run.
   */
  end(): boolean {
    const ready = this.readyStatus !== null && !this.endsWithFlush;
    if (ready) this.send(Buffer.from([READY_FOR_QUERY, 0, 0, 0, 5, this.readyStatus!]));
    for (const bytes of this.afterReady) this.send(bytes);
    return ready && this.readyStatus === IDLE;
  }

  private headerFits(chunk: Buffer, offset: number): boolean {
    const left = chunk.length - offset;
    return left >= HEADER_LENGTH && (chunk[offset] !== READY_FOR_QUERY || left >= READY_FOR_QUERY_LENGTH);
  }

  private headerNeeds(): number {
    return this.headerLength > 0 && this.header[0] === READY_FOR_QUERY
      ? READY_FOR_QUERY_LENGTH
      : HEADER_LENGTH;
  }

  private pass(bytes: Buffer): void {
    if (this.readyStatus === null) this.send(bytes);
    else this.afterReady.push(bytes);
  }

  /** A later ReadyForQuery: the one held back was PGlite's early one, and what followed it goes on now. */
  private holdReady(status: number): void {
    for (const bytes of this.afterReady) this.send(bytes);
    this.afterReady = [];
    this.readyStatus = status;
  }
}
