import type { Db } from "./client.js";

/** Connection ids changed by the statements of each open transaction, keyed by its handle. */
const pendingByTransaction = new WeakMap<Db, Set<string>>();
/** Per database: what runs once changes to connections are committed (the connection-state cache's invalidation). */
const listeners = new WeakMap<Db, (ids: string[]) => void>();

/** Call `listener` with the connection ids of every committed change made through `db` (one listener per database). */
export function onConnectionsCommitted(db: Db, listener: (ids: string[]) => void): void {
  listeners.set(db, listener);
}

/**
 * Record that a statement on `db` changed connection rows. Inside a transaction opened by `transactionWithChanges`
 * the ids wait for its COMMIT (and are dropped on rollback); on the database itself (autocommit) they are reported at
 * once. Repositories call this for every write to `connections`, so no caller can forget it.
 */
export function connectionChanged(db: Db, ...ids: string[]): void {
  const pending = pendingByTransaction.get(db);
  if (pending) for (const id of ids) pending.add(id);
  else if (ids.length > 0) listeners.get(db)?.(ids);
}

/** `db.transaction(fn)` that reports the connection rows it changed after it commits (to the enclosing one if nested). */
export async function transactionWithChanges<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const changed = new Set<string>();
  const value = await db.transaction(async (tx) => {
    pendingByTransaction.set(tx as Db, changed);
    return fn(tx as Db);
  });
  connectionChanged(db, ...changed);
  return value;
}
