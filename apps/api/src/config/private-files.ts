import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Only the owner may list, read or enter it. */
export const PRIVATE_DIR_MODE = 0o700;
/** Only the owner may read or write it. */
export const SECRET_FILE_MODE = 0o600;

/**
 * Creates the folder (and its parents) for the api's own files, and makes it private: the embedded database,
 * generated secrets and audit anchors live there. An existing folder that others could read is tightened.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const { mode } = statSync(dir);
  // A shared folder such as /tmp (sticky bit) must never be closed to its other users.
  if (mode & 0o1000) throw new Error(`DATA_DIR must be a folder of its own, not a shared one such as ${dir}`);
  if ((mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Tightens a file to owner-only, as one written by an older version (or by hand) may not be. */
export function ensureSecretFileMode(file: string): void {
  if ((statSync(file).mode & 0o777) !== SECRET_FILE_MODE) chmodSync(file, SECRET_FILE_MODE);
}

/**
 * A secret made once and kept in `dataDir/name` (owner-only), for the embedded mode where nobody sets it.
 * A file holding something shorter than `minLength` is replaced.
 */
export function readOrCreateSecret(dataDir: string, name: string, minLength = 32): string {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, name);
  if (existsSync(file)) {
    ensureSecretFileMode(file);
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= minLength) return secret;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: SECRET_FILE_MODE });
  ensureSecretFileMode(file);
  return secret;
}
