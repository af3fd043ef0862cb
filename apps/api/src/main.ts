import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { growHeapForSteadyLoad } from './common/heap-growth';
import { ConfigError, loadConfig } from './config/load-config';
import { EmbeddedDatabase } from './database/embedded-database';

async function main(): Promise<void> {
  growHeapForSteadyLoad();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      // One clear line naming the variable, then stop.
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const startedAt = Date.now();
  // The embedded database opens (about 2 s, mostly PostGIS unpacking off this thread) while the application's
  // modules load (about 1 s), so a restart is ready sooner than one after the other.
  const opening = config.embeddedDatabase ? EmbeddedDatabase.start(config.dataDir) : Promise.resolve(null);
  opening.catch(() => undefined);
  const { createApp } = await import('./app.factory');
  const embedded = await opening;
  if (embedded) config = { ...config, databaseUrl: embedded.url };

  const app = await createApp(config).catch(async (error) => {
    await embedded?.stop();
    throw error;
  });
  await app.listen(config.port, config.host);
  const logger = new Logger('Samverkan');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const database = embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  logger.log(`Listening on ${url} (${database}; started in ${Date.now() - startedAt} ms)`);
  // Also as a plain line for the person at the terminal.
  process.stdout.write(`\nSamverkan is running: open ${url}  (${database}; Ctrl-C stops it)\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing open requests and closing the database`);
    const forceExit = setTimeout(() => process.exit(1), 15_000);
    forceExit.unref();
    try {
      await app.close();
      await embedded?.stop();
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('Samverkan could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
