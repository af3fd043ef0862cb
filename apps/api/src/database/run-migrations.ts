import { DataSource } from 'typeorm';

// Any fixed number: the key of the advisory lock that lets one instance at a time migrate.
const MIGRATION_LOCK_KEY = 720_417;

/**
 * Runs pending migrations; when nothing is pending it does nothing. Several instances starting together
 * against one server take turns under an advisory lock, held on a connection of its own. The embedded
 * database has a single connection and a single process (its data folder is locked), so it needs no lock.
 */
export async function runMigrationsOnce(dataSource: DataSource, options: { serialiseInstances: boolean }): Promise<void> {
  if (!options.serialiseInstances) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockHolder.release();
  }
}
