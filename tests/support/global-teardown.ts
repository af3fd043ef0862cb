import { Client } from 'pg';
import type { TestDatabases } from './global-setup';

/** Ends what global-setup.ts started: the embedded databases' processes, or the per-worker server databases. */
export default async function globalTeardown(): Promise<void> {
  const databases = (globalThis as { samverkanTestDatabases?: TestDatabases }).samverkanTestDatabases;
  if (!databases) return;
  await Promise.all(
    databases.children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.disconnect();
        }),
    ),
  );
  if (databases.server) {
    const admin = new Client({ connectionString: databases.server.adminUrl });
    await admin.connect();
    try {
      for (const name of databases.server.names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
