import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const API_ENTRY = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built api (`npm run build:api`) running as its own process, as `npm start` runs it. */
export class AppProcess {
  output = '';
  private exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(env: Record<string, string>, options: { waitForHealth?: boolean; timeoutMs?: number } = {}): Promise<AppProcess> {
    const port = env.PORT ? Number(env.PORT) : await freePort();
    const child = spawn(process.execPath, [API_ENTRY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(child, `http://127.0.0.1:${port}`);
    if (options.waitForHealth !== false) await app.waitForHealth(options.timeoutMs ?? 90_000);
    return app;
  }

  async waitForHealth(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`The api exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        const response = await fetch(`${this.baseUrl}/api/health`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`The api did not become healthy in ${timeoutMs} ms:\n${this.output}`);
  }

  /** Resolves with the exit code. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
