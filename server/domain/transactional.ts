import type { Db } from "../db/client.js";
import { transactionWithChanges } from "../db/connection-changes.js";
import { FinchError, type Result } from "./errors.js";

class Rollback extends Error {
  constructor(readonly result: Result<never>) {
    super("rollback");
  }
}

/**
 * Run `fn` in a transaction that commits only when it returns a success: a failed Result (or a thrown FinchError)
 * rolls every write back, so a failure can never leave half a change behind. After COMMIT, the cached state of every
 * connection row it changed is dropped (`db/connection-changes.ts`): the one invalidation point of connection state.
 */
export async function transactional<T>(db: Db, fn: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await transactionWithChanges(db, async (tx) => {
      const result = await fn(tx);
      if (!result.ok) throw new Rollback(result as Result<never>);
      return result;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.result;
    if (err instanceof FinchError) return { ok: false, error: err };
    throw err;
  }
}
