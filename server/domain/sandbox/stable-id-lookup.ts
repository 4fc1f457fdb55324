import { findSourceIdOf } from "../../db/repositories/sandbox.repository.js";
import { loadSourceIds } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";

/** The source id behind a stable id (individual, payment) of a connection. */
export function sourceIdOf(deps: Pick<Deps, "db">, connectionId: string, kind: string, id: string): Promise<string | undefined> {
  return findSourceIdOf(deps.db, connectionId, kind, id);
}

/** The stable ids of source ids of a connection, in order (undefined where unknown). */
export async function stableIdsOf(
  deps: Pick<Deps, "db">,
  connectionId: string,
  kind: string,
  sourceIds: string[],
): Promise<(string | undefined)[]> {
  const map = await loadSourceIds(deps.db, connectionId, kind);
  return sourceIds.map((s) => map.get(s));
}
