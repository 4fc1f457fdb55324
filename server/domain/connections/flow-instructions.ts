import type { AssistedInstructions } from "../../../contracts/linnet/connect-flow.js";
import { findApplication } from "../../db/repositories/applications.repository.js";
import { assistedInstructions, inviteEmailFor } from "../assisted/instructions.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { usableSession } from "./start-flow.js";

/** Admin-access instructions shown in Connect after the employer picks an assisted provider. */
export async function flowInstructions(deps: Deps, flowId: string, providerId: string): Promise<Result<AssistedInstructions>> {
  const found = await usableSession(deps, flowId);
  if (!found.ok) return found;
  const provider = deps.catalog.get(providerId);
  if (provider?.kind !== "assisted") return fail("not_found", `No assisted provider "${providerId}"`);
  const app = await findApplication(deps.db, found.value.applicationId);
  if (!app) return fail("not_found", "This Connect link is not valid.");
  return ok(
    assistedInstructions(provider, {
      applicationName: app.name,
      inviteEmail: inviteEmailFor(deps.config, found.value.id),
      products: found.value.products,
      config: deps.config,
    }),
  );
}
