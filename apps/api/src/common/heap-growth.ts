import { setFlagsFromString } from 'node:v8';

/**
 * How far the old generation may grow past what the last full collection kept before the next one: 100 %, twice
 * the live heap. V8's own choice depends on how fast the program fills that generation; at a steady load a
 * server fills it slowly, and V8 then allows only 10 % (about 8 MB with 2,000 sockets connected), so a full
 * collection came every 3 s, each holding up the deliveries in flight for 20–50 ms (decision 0029).
 */
export const HEAP_GROWING_PERCENT = 100;

/** The V8 flag as node takes it. `setFlagsFromString` ignores a flag V8 does not know, without failing. */
export const HEAP_GROWING_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;

/**
 * Sets the heap growing factor for this process, unless node was started with its own `--heap-growing-percent`
 * (an operator's choice wins). V8 reads the flag each time it sets a new limit, so setting it at start is enough.
 */
export function growHeapForSteadyLoad(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(HEAP_GROWING_FLAG);
  return true;
}
