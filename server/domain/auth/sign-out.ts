import { deleteConsoleSession } from "../../db/repositories/console-sessions.repository.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { hashSecret } from "../security/secrets.js";

/** End a session: its token stops working at once. Signing out an unknown session is not an error. */
export async function signOut(deps: Pick<Deps, "db">, sessionToken: string): Promise<Result<void>> {
  await deleteConsoleSession(deps.db, hashSecret(sessionToken));
  return ok(undefined);
}
