import { type ApplicationRow, findApplication } from "../../db/repositories/applications.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { secretMatches } from "../security/secrets.js";

const INVALID = "Invalid client: Unable to validate credentials";

/**
 * Whether the secret is the application's current one, or the one replaced by the last rotation while its grace
 * period lasts. Both hashes are always compared (constant time each), so timing does not tell which one matched.
 */
export function clientSecretAccepted(app: ApplicationRow, clientSecret: string, now: Date): boolean {
  const current = secretMatches(clientSecret, app.secretHash);
  const previousLive =
    app.previousSecretHash !== null && app.previousSecretExpiresAt !== null && now.getTime() < app.previousSecretExpiresAt.getTime();
  const previous = secretMatches(clientSecret, app.previousSecretHash ?? app.secretHash) && previousLive;
  return current || previous;
}

/** Check a client_id / client_secret pair; every failure looks the same to the caller. */
export async function authenticateClient(
  deps: Pick<Deps, "db" | "clock">,
  clientId: string | undefined,
  clientSecret: string | undefined,
): Promise<Result<ApplicationRow>> {
  if (!clientId || !clientSecret || !isUuid(clientId)) return fail("invalid_client", INVALID);
  const app = await findApplication(deps.db, clientId);
  if (!app || !clientSecretAccepted(app, clientSecret, deps.clock.now())) return fail("invalid_client", INVALID);
  return ok(app);
}
