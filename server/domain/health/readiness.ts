import type { Db } from "../../db/client.js";
import { migrationsApplied } from "../../db/migration-status.js";

/** Whether this process may take traffic, and if not, why, in words for the operator. */
export type Readiness = { ready: true } | { ready: false; problem: string };

/**
 * Ready when the database answers and holds every migration this code ships; a database that is behind (a rolling
 * upgrade before `linnet migrate`) or unreachable is not ready.
 */
export async function readiness(db: Db): Promise<Readiness> {
  try {
    if (await migrationsApplied(db)) return { ready: true };
    return { ready: false, problem: "the database is missing migrations this version needs (run `linnet migrate`)" };
  } catch {
    return { ready: false, problem: "the database cannot be reached" };
  }
}
