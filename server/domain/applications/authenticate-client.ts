import { type ApplicationRow, findApplication } from "../../db/repositories/applications.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { secretMatches } from "../security/secrets.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVALID = "Invalid client: Unable to validate credentials";

/** Check a client_id / client_secret pair; every failure looks the same to the caller. */
export async function authenticateClient(
  deps: Pick<Deps, "db">,
  clientId: string | undefined,
  clientSecret: string | undefined,
): Promise<Result<ApplicationRow>> {
  if (!clientId || !clientSecret || !UUID.test(clientId)) return fail("invalid_client", INVALID);
  const app = await findApplication(deps.db, clientId);
  if (!app || !secretMatches(clientSecret, app.secretHash)) return fail("invalid_client", INVALID);
  return ok(app);
}

/** Whether a string is a UUID (ids from the outside are checked before they reach SQL uuid columns). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
