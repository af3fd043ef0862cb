import { createWriteStream, existsSync, mkdtempSync, type WriteStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { API_ENTRY, AppProcess, freePort } from '../../support/app-process';
import { artifactPath } from './artifacts';

const WEB_INDEX = join(__dirname, '..', '..', '..', 'apps', 'web', 'dist', 'index.html');
/** JSON arrays, one entry per Jest worker: `browserWorkerValue()` in browser-harness.ts picks the worker's own. */
export const BASE_URL_ENV = 'SAMVERKAN_BROWSER_BASE_URLS';
/** Where a test asks for the api to be stopped or started again (see `ApiControl` in browser-harness.ts). */
export const CONTROL_URL_ENV = 'SAMVERKAN_BROWSER_CONTROL_URLS';

export interface BrowserRun {
  /** The api process now running (replaced when a test restarts it), or null while stopped. */
  app: AppProcess | null;
  dataDir: string;
  control: Server;
  log: WriteStream;
}

/** The log of the api that serves Jest worker `worker` (1, 2, …). */
export function apiLogName(worker: number): string {
  return `api-w${worker}.log`;
}

/**
 * One api per Jest worker, as `npm start` runs it: the built api serving the built web app, with the embedded
 * database in a fresh directory and the demo data, so the files of one worker change only their own data (they
 * run one after another there, as they used to run in one). Its output goes to tests/artifacts/browser/api-wN.log.
 * A small control server per api lets a test stop it and start it again on the same port and data directory,
 * as a real restart or crash would (the outbox test needs that).
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  for (const [file, what] of [
    [API_ENTRY, 'api'],
    [WEB_INDEX, 'web app'],
  ]) {
    if (!existsSync(file))
      throw new Error(`The ${what} is not built (${file} is missing): run "npm run build" first.`);
  }
  const workers = Math.max(1, globalConfig.maxWorkers);
  // The embedded databases take about 10 s each on a first start; they start together.
  const runs = await Promise.all(Array.from({ length: workers }, (_, i) => startRun(i + 1)));
  (globalThis as { samverkanBrowserRuns?: BrowserRun[] }).samverkanBrowserRuns = runs;
  process.env[BASE_URL_ENV] = JSON.stringify(runs.map((run) => run.app!.baseUrl));
  process.env[CONTROL_URL_ENV] = JSON.stringify(
    runs.map((run) => `http://127.0.0.1:${(run.control.address() as { port: number }).port}`),
  );
}

async function startRun(worker: number): Promise<BrowserRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-browser-'));
  const port = await freePort();
  // A presenter who left gives the role up after 3 s instead of 20, so the test of it waits 3 s, not 20.
  const env = { PORT: String(port), DATA_DIR: dataDir, DEMO: 'true', PRESENTER_GRACE_SECONDS: '3' };
  const log = createWriteStream(artifactPath(apiLogName(worker)));
  const app = await startApi(env, log, 120_000);
  const run: BrowserRun = { app, dataDir, control: createServer(), log };
  run.control = createControlServer(run, env, log);
  await new Promise<void>((resolve) => run.control.listen(0, '127.0.0.1', resolve));
  return run;
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
