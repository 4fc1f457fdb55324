/** Recovery: files still `received` (a crash, a lost queue message) are queued again; processing is idempotent. */
import { receivedFileIds } from "../../db/repositories/intake.repository.js";
import type { Deps } from "../deps.js";
import { processIntakeFile } from "./process-file.js";

/** Process every file still waiting, oldest first; returns how many were looked at. */
export async function sweepReceivedFiles(deps: Deps, limit = 100): Promise<number> {
  const ids = await receivedFileIds(deps.db, limit);
  for (const id of ids) await processIntakeFile(deps, id);
  return ids.length;
}
