import pg from "pg";
import type { Database } from "../db/client.js";
import { describeDatabaseError } from "../db/pool-errors.js";

/**
 * One start at a time per database. Processes started together (a process manager, an orchestrator's replicas) would
 * otherwise all migrate, create pg-boss's schema and queues, and run the first-start bootstrap at once: deadlocks and
 * two admin users. The first takes a session-level advisory lock on its own connection, runs the steps, and releases
 * it; the others wait on the lock and then find the work done. A process that dies holding it releases it with its
 * connection. The embedded database belongs to one process (its data directory is locked), so it needs none.
 */

/** Advisory lock key: "linnet start" as a fixed 63-bit number, so unrelated applications on the server do not clash. */
export const START_LOCK_KEY = "7428913455512090417";

/** A start step that failed: which one, and the database's code and detail. */
export class StartError extends Error {
  constructor(
    readonly step: string,
    override readonly cause: unknown,
  ) {
    super(`Start failed at step "${step}": ${describeDatabaseError(cause)}`);
    this.name = "StartError";
  }
}

/** Run one named step; its failure becomes a StartError naming it. */
export async function startStep<T>(step: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StartError) throw err;
    throw new StartError(step, err);
  }
}

/** Run `fn` while holding the start lock (PostgreSQL); on the embedded database, just run it. */
export async function underStartLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind !== "postgres" || !database.connectionString) return fn();
  const client = new pg.Client({ connectionString: database.connectionString });
  client.on("error", () => {}); // a dropped lock connection surfaces as the unlock's failure below
  await startStep("connect to the database", () => client.connect());
  try {
    await startStep("take the start lock", () => client.query("SELECT pg_advisory_lock($1::bigint)", [START_LOCK_KEY]));
    return await fn();
  } finally {
    // ending the session releases the lock even when the unlock itself cannot be sent
    await client.query("SELECT pg_advisory_unlock($1::bigint)", [START_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
