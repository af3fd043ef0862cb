import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Screenshots and the api's log of a browser test run (git-ignored). */
export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'artifacts', 'browser');

export function artifactPath(fileName: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, fileName);
}

/** A file-name-safe version of a test name. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 100) || 'test'
  );
}
