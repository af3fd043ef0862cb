/**
 * Preloaded (`--require`, with `--expose-gc`) into both servers of the messaging bench's idle-socket part: on
 * SIGUSR2 it collects garbage and writes the process's memory to BENCH_MEMORY_FILE, so the bench compares what
 * the sockets hold, not the garbage of 10,000 handshakes that V8 has not collected yet.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
const collect = (globalThis as { gc?: () => void }).gc;

if (file && collect) {
  process.on('SIGUSR2', () => {
    collect();
    collect();
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    const { heapUsed, external } = process.memoryUsage();
    writeFileSync(file, JSON.stringify({ rss: rss ? Number(rss[1]) * 1024 : null, heapUsed, external }));
  });
}
