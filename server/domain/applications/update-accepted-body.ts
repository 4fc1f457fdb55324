import type { AcceptedBody } from "../../config.js";
import { updateApplication } from "../../db/repositories/applications.repository.js";
import type { Deps } from "../deps.js";

/**
 * Set how this application's 202 "not ready yet" answers are written (`empty` | `finch`), or null to follow the
 * deployment's LINNET_ACCEPTED_BODY. Cached token lookups of the application are dropped so the next read sees it.
 */
export async function updateAcceptedBody(
  deps: Pick<Deps, "db" | "tokens" | "log">,
  applicationId: string,
  mode: AcceptedBody | null,
): Promise<void> {
  await updateApplication(deps.db, applicationId, { acceptedBody: mode });
  deps.tokens.invalidateApplication(applicationId);
  deps.log.info({ client_id: applicationId, accepted_body: mode ?? "default" }, "202 body mode updated");
}
