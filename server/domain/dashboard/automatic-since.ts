import { listSnapshots } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";

/**
 * When the connection started refreshing by itself: the first of the unbroken run of snapshots published by the
 * scheduled-report intake (source `intake:<channel>`) that ends with the newest one; null when the newest publish was
 * someone's upload.
 */
export async function automaticSince(deps: Pick<Deps, "db">, connectionId: string): Promise<string | null> {
  const all = [...(await listSnapshots(deps.db, connectionId, "org")), ...(await listSnapshots(deps.db, connectionId, "pay"))].sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime(),
  );
  let since: Date | null = null;
  for (const s of all) {
    if (!s.source.startsWith("intake:")) break;
    since = s.publishedAt;
  }
  return since?.toISOString() ?? null;
}
