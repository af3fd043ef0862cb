/**
 * Awaiting a condition instead of sleeping: a fixed wait is either too short on a busy machine (a flaky failure)
 * or longer than needed on every run.
 */

/** Resolves with the first truthy answer of `condition`, asked every `intervalMs`; rejects after `timeoutMs`. */
export async function waitFor<T>(
  what: string | (() => string),
  condition: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await condition();
    if (answer) return answer as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`Not within ${timeoutMs} ms: ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Resolves once the clock reads a later millisecond than `than` (now, by default). A JavaScript time is kept to
 * the millisecond and PostgreSQL's to the microsecond: what the database stamped before this call is then
 * strictly earlier than any `new Date()` taken after it.
 */
export async function clockPast(than = Date.now()): Promise<void> {
  while (Date.now() <= than) await new Promise((resolve) => setImmediate(resolve));
}
