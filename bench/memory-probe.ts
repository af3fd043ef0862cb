/**
 * Preloaded (`--require`, with `--expose-gc`) into both servers of the messaging bench: on SIGUSR2 it collects
 * garbage and writes the process's memory to BENCH_MEMORY_FILE. The idle-socket part compares what the sockets
 * hold, not the garbage of 10,000 handshakes that V8 has not collected yet; the latency runs start from the heap's
 * steady state (see messaging.bench.ts).
 *
 * Worker threads load it too (they inherit `--require`): the embedded database's thread collects its garbage
 * when the main thread asks, first, because its answers to 10,000 session lookups leave tens of megabytes of
 * buffers there that a collection in the main thread does not touch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { BroadcastChannel, isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_MEMORY_FILE;
/** BENCH_HEAP_SNAPSHOTS: a folder to write a heap snapshot into at each reading (main thread). */
const snapshots = process.env.BENCH_HEAP_SNAPSHOTS;
const collect = (globalThis as { gc?: () => void }).gc;
/** How long the main thread gives the worker threads to collect before it reads the process's memory. */
const WORKERS_COLLECT_MS = 500;

if (file && collect) {
  const threads = new BroadcastChannel('bench-memory-probe');
  threads.unref();
  if (isMainThread) {
    process.on('SIGUSR2', () => {
      threads.postMessage('collect');
      setTimeout(() => {
        collect();
        collect();
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
        const { heapUsed, external } = process.memoryUsage();
        writeFileSync(file, JSON.stringify({ rss: rss ? Number(rss[1]) * 1024 : null, heapUsed, external }));
        // To see what the sockets hold: a heap snapshot at each reading (compare two in Chromium's DevTools).
        if (snapshots) writeHeapSnapshot(join(snapshots, `${process.pid}-${Date.now()}.heapsnapshot`));
      }, WORKERS_COLLECT_MS);
    });
  } else {
    threads.onmessage = () => {
      collect();
      collect();
    };
  }
}
