import { createWriteStream, existsSync, mkdtempSync, type WriteStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_ENTRY, AppProcess, freePort } from '../../support/app-process';
import { artifactPath } from './artifacts';

const WEB_INDEX = join(__dirname, '..', '..', '..', 'apps', 'web', 'dist', 'index.html');
export const BASE_URL_ENV = 'SAMVERKAN_BROWSER_BASE_URL';
/** Where a test asks for the api to be stopped or started again (see `ApiControl` in browser-harness.ts). */
export const CONTROL_URL_ENV = 'SAMVERKAN_BROWSER_CONTROL_URL';

export interface BrowserRun {
  /** The api process now running (replaced when a test restarts it), or null while stopped. */
  app: AppProcess | null;
  dataDir: string;
  control: Server;
  log: WriteStream;
}

/**
 * One api for the whole run, as `npm start` runs it: the built api serving the built web app, with the
 * embedded database in a fresh directory and the demo data. Its output goes to tests/artifacts/browser/api.log.
 * A small control server lets a test stop the api and start it again on the same port and data directory,
 * as a real restart or crash would (the outbox test needs that).
 */
export default async function globalSetup(): Promise<void> {
  for (const [file, what] of [
    [API_ENTRY, 'api'],
    [WEB_INDEX, 'web app'],
  ]) {
    if (!existsSync(file))
      throw new Error(`The ${what} is not built (${file} is missing): run "npm run build" first.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-browser-'));
  const port = await freePort();
  const env = { PORT: String(port), DATA_DIR: dataDir, DEMO: 'true' };
  const log = createWriteStream(artifactPath('api.log'));

  // The embedded database takes about 10 s on a first start.
  const app = await startApi(env, log, 90_000);
  const run: BrowserRun = { app, dataDir, control: createServer(), log };
  run.control = createControlServer(run, env, log);
  await new Promise<void>((resolve) => run.control.listen(0, '127.0.0.1', resolve));
  const { port: controlPort } = run.control.address() as { port: number };

  (globalThis as { samverkanBrowserRun?: BrowserRun }).samverkanBrowserRun = run;
  process.env[BASE_URL_ENV] = app.baseUrl;
  process.env[CONTROL_URL_ENV] = `http://127.0.0.1:${controlPort}`;
}

async function startApi(
  env: Record<string, string>,
  log: WriteStream,
  timeoutMs: number,
): Promise<AppProcess> {
  const app = await AppProcess.start(env, { waitForHealth: false });
  log.write(app.output);
  app.child.stdout?.on('data', (chunk) => log.write(chunk));
  app.child.stderr?.on('data', (chunk) => log.write(chunk));
  try {
    await app.waitForHealth(timeoutMs);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

/** POST /stop ends the api (SIGTERM, as a deployment would); POST /start starts it again with the same settings. */
function createControlServer(run: BrowserRun, env: Record<string, string>, log: WriteStream): Server {
  let busy: Promise<unknown> = Promise.resolve();
  return createServer((request, response) => {
    const act = async () => {
      if (request.method === 'POST' && request.url === '/stop') {
        log.write('\n--- stopped by a test ---\n');
        await run.app?.stop('SIGTERM');
        run.app = null;
      } else if (request.method === 'POST' && request.url === '/start') {
        log.write('\n--- started again by a test ---\n');
        run.app ??= await startApi(env, log, 60_000);
      } else {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(204).end();
    };
    // One action at a time, in the order asked.
    busy = busy.then(act).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });
}
