import { createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_ENTRY, AppProcess, freePort } from '../../support/app-process';
import { artifactPath } from './artifacts';

const WEB_INDEX = join(__dirname, '..', '..', '..', 'apps', 'web', 'dist', 'index.html');
export const BASE_URL_ENV = 'SAMVERKAN_BROWSER_BASE_URL';

export interface BrowserRun {
  app: AppProcess;
  dataDir: string;
}

/**
 * One api for the whole run, as `npm start` runs it: the built api serving the built web app, with the
 * embedded database in a fresh directory and the demo data. Its output goes to tests/artifacts/browser/api.log.
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
  const app = await AppProcess.start(
    { PORT: String(port), DATA_DIR: dataDir, DEMO: 'true' },
    { waitForHealth: false },
  );
  const log = createWriteStream(artifactPath('api.log'));
  log.write(app.output);
  app.child.stdout?.on('data', (chunk) => log.write(chunk));
  app.child.stderr?.on('data', (chunk) => log.write(chunk));
  void app.waitForExit().then(() => log.end());

  try {
    // The embedded database takes about 10 s on a first start.
    await app.waitForHealth(90_000);
  } catch (error) {
    await app.stop();
    throw error;
  }
  (globalThis as { samverkanBrowserRun?: BrowserRun }).samverkanBrowserRun = { app, dataDir };
  process.env[BASE_URL_ENV] = app.baseUrl;
}
