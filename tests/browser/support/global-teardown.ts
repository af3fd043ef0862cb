import { rmSync } from 'node:fs';
import { apiLogName, type BrowserRun } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const runs = (globalThis as { samverkanBrowserRuns?: BrowserRun[] }).samverkanBrowserRuns ?? [];
  await Promise.all(
    runs.map(async (run, index) => {
      await new Promise<void>((resolve) => run.control.close(() => resolve()));
      const code = await run.app?.stop('SIGTERM');
      if (code !== undefined && code !== 0)
        console.warn(`The api exited with ${code} on SIGTERM; see tests/artifacts/browser/${apiLogName(index + 1)}`);
      run.log.end();
      rmSync(run.dataDir, { recursive: true, force: true });
    }),
  );
}
