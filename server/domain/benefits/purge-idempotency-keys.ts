import { deleteExpiredIdempotencyKeys } from "../../db/repositories/benefits.repository.js";
import type { Deps } from "../deps.js";

/** Delete deduction `Idempotency-Key`s past their 24 hours (a replay after that is a new write anyway). Returns how many. */
export function purgeExpiredIdempotencyKeys(deps: Pick<Deps, "db" | "clock">): Promise<number> {
  return deleteExpiredIdempotencyKeys(deps.db, deps.clock.now());
}
