import { deleteExpiredCodes } from "../../db/repositories/credentials.repository.js";
import { DAY_MS } from "../clock.js";
import type { Deps } from "../deps.js";

/** Delete authorization codes that expired more than a day ago (kept a day for troubleshooting). Returns how many. */
export async function purgeExpiredCodes(deps: Pick<Deps, "db" | "clock">): Promise<number> {
  return deleteExpiredCodes(deps.db, new Date(deps.clock.now().getTime() - DAY_MS));
}
