/** Cleanups still owed (children to stop, directories to remove, a database to drop), newest first on exit. */
const pending = new Set<() => Promise<void> | void>();

/** Register a cleanup to run if the benchmark is interrupted; the returned function unregisters it. */
export function onInterrupt(fn: () => Promise<void> | void): () => void {
  pending.add(fn);
  return () => pending.delete(fn);
}

/** Run `fn`, with `cleanup` run afterwards whether it succeeds, throws, or the process gets SIGINT/SIGTERM meanwhile. */
export async function withCleanup<T>(cleanup: () => Promise<void> | void, fn: () => Promise<T>): Promise<T> {
  const unregister = onInterrupt(cleanup);
  try {
    return await fn();
  } finally {
    unregister();
    await cleanup();
  }
}

/** On SIGINT or SIGTERM: run every pending cleanup (errors ignored), then exit 130. */
export function exitCleanlyOnSignals(log: (line: string) => void): void {
  const handler = async (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    for (const fn of [...pending].reverse())
      await Promise.resolve()
        .then(fn)
        .catch(() => {});
    process.exit(130);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}
