import { Inject, Injectable } from '@nestjs/common';
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditAnchor } from '@samverkan/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ensurePrivateDir, ensureSecretFileMode, SECRET_FILE_MODE } from '../config/private-files';

export const AUDIT_ANCHOR_FILE = 'audit-anchors.jsonl';
// Far longer than one line: the newest anchor is read from the file's end, however long the file grows.
const TAIL_BYTES = 8192;

function isAnchor(value: unknown): value is AuditAnchor {
  const anchor = value as AuditAnchor;
  return (
    typeof anchor === 'object' &&
    anchor !== null &&
    typeof anchor.at === 'string' &&
    Number.isInteger(anchor.count) &&
    anchor.count > 0 &&
    typeof anchor.headHash === 'string'
  );
}

/**
 * The audit chain's anchors: one JSON line `{ at, count, headHash }` appended per anchoring, in
 * `DATA_DIR/audit-anchors.jsonl`, outside the database, so that whoever rewrites the database cannot move them.
 */
@Injectable()
export class AuditAnchorStore {
  readonly file: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.file = join(config.dataDir, AUDIT_ANCHOR_FILE);
  }

  /** The newest anchor, or null before the first one. */
  latest(): AuditAnchor | null {
    if (!existsSync(this.file)) return null;
    const fd = openSync(this.file, 'r');
    let tail: string;
    try {
      const size = fstatSync(fd).size;
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      tail = buffer.toString('utf8');
    } finally {
      closeSync(fd);
    }
    const lines = tail.split('\n').filter((line) => line.trim() !== '');
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        const anchor: unknown = JSON.parse(lines[i]);
        if (isAnchor(anchor)) return { at: anchor.at, count: anchor.count, headHash: anchor.headHash };
      } catch {
        // A line cut short by a crash, or the first, partial line of the tail: the one before it counts.
      }
    }
    return null;
  }

  append(anchor: AuditAnchor): void {
    ensurePrivateDir(this.config.dataDir);
    appendFileSync(this.file, JSON.stringify(anchor) + '\n', { mode: SECRET_FILE_MODE });
    ensureSecretFileMode(this.file);
  }
}
