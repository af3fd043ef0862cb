import { rmSync } from 'node:fs';
import type { BrowserRun } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { samverkanBrowserRun?: BrowserRun }).samverkanBrowserRun;
  if (!run) return;
  await new Promise<void>((resolve) => run.control.close(() => resolve()));
  const code = await run.app?.stop('SIGTERM');
  if (code !== undefined && code !== 0)
    console.warn(`The api exited with ${code} on SIGTERM; see tests/artifacts/browser/api.log`);
  run.log.end();
  rmSync(run.dataDir, { recursive: true, force: true });
}
