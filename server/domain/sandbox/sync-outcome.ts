import { findSandboxCompany, setSandboxSyncOutcome } from "../../db/repositories/sandbox.repository.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";

/** How a sandbox sync can end. */
export type SyncOutcome = "complete" | "reauth_error" | "permissions_error" | "error";

/** The sandbox sync outcome configured for the token's sandbox company. */
export async function readSyncOutcome(deps: Pick<Deps, "db">, ctx: TokenContext): Promise<Result<SyncOutcome>> {
  const company = await findSandboxCompany(deps.db, ctx.connection.companyId);
  if (!company) return fail("invalid_request", "Sandbox endpoints work only on sandbox connections");
  return ok(company.syncOutcome as SyncOutcome);
}

/** Choose how the next syncs of the token's sandbox company end. */
export async function writeSyncOutcome(deps: Pick<Deps, "db">, ctx: TokenContext, outcome: SyncOutcome): Promise<Result<true>> {
  const company = await findSandboxCompany(deps.db, ctx.connection.companyId);
  if (!company) return fail("invalid_request", "Sandbox endpoints work only on sandbox connections");
  await setSandboxSyncOutcome(deps.db, company.id, outcome);
  return ok(true);
}
