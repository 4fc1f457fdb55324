/** Recovery: files still `received` (a crash, a lost queue message) are processed again; processing is idempotent. */
import { receivedFileIds } from "../db/repositories/intake.repository.js";
import type { Deps } from "../domain/deps.js";
import { processIntakeFile } from "./process-intake-file.js";

/**
 * Command (recovery): process the files still waiting that arrived more than `olderThanMs` ago (fresh ones are their queue job's), oldest
 * first; returns how many were looked at.
 */
export async function sweepReceivedFiles(deps: Deps, opts: { olderThanMs?: number; limit?: number } = {}): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - (opts.olderThanMs ?? 60_000));
  const ids = await receivedFileIds(deps.db, opts.limit ?? 100, before);
  for (const id of ids) await processIntakeFile(deps, id);
  return ids.length;
}
