// Waiting for a condition in tests: poll `pred` until it gives a truthy value (returned),
// or fail after `timeoutMs` naming what was awaited. One argument order everywhere:
// what, then the condition, then the timeout.

/** Resolves with pred()'s first truthy value (pred may be async); rejects after timeoutMs. */
export async function until<T>(what: string, pred: () => T | Promise<T>, timeoutMs = 5000, everyMs = 10): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await pred();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
