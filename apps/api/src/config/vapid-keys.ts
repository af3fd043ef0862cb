import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, ensureSecretFileMode, SECRET_FILE_MODE } from './private-files';

export interface VapidKeys {
  /** base64url of the uncompressed P-256 point (65 bytes). */
  publicKey: string;
  /** base64url of the P-256 private scalar (32 bytes). */
  privateKey: string;
}

const FILE_NAME = 'vapid-keys.json';

/** Whether both keys have the shape VAPID needs: a 65-byte uncompressed point and a 32-byte scalar, base64url. */
export function vapidKeysProblem(keys: VapidKeys): string | null {
  const base64url = /^[A-Za-z0-9_-]+$/;
  if (!base64url.test(keys.publicKey) || Buffer.from(keys.publicKey, 'base64url').length !== 65) {
    return 'VAPID_PUBLIC_KEY must be a P-256 public key, 65 bytes in URL-safe base64 without padding';
  }
  if (!base64url.test(keys.privateKey) || Buffer.from(keys.privateKey, 'base64url').length !== 32) {
    return 'VAPID_PRIVATE_KEY must be a P-256 private key, 32 bytes in URL-safe base64 without padding';
  }
  return null;
}

/** A fresh P-256 key pair in the form web-push and the browser's `applicationServerKey` take. */
export function generateVapidKeys(): VapidKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([0x04]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return { publicKey: point.toString('base64url'), privateKey: privateKey.export({ format: 'jwk' }).d! };
}

/**
 * The embedded mode's VAPID keys, made once into `dataDir` (owner-only): browsers' subscriptions are bound to
 * the public key, so it must outlive restarts. A file that does not hold a usable pair is replaced.
 */
export function readOrCreateVapidKeys(dataDir: string): VapidKeys {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, FILE_NAME);
  if (existsSync(file)) {
    ensureSecretFileMode(file);
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as VapidKeys;
      if (typeof stored.publicKey === 'string' && typeof stored.privateKey === 'string' && !vapidKeysProblem(stored)) return stored;
    } catch {
      // Not JSON: made anew below.
    }
  }
  const keys = generateVapidKeys();
  writeFileSync(file, JSON.stringify(keys) + '\n', { mode: SECRET_FILE_MODE });
  ensureSecretFileMode(file);
  return keys;
}
