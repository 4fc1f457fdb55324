import { findApplication, updateApplication } from "../../db/repositories/applications.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { redirectUriProblem } from "./create-application.js";

/** Most redirect URIs one application may register. */
export const MAX_REDIRECT_URIS = 20;

/** Replace an application's redirect URIs, validated exactly as `linnet app create` validates them. */
export async function updateRedirectUris(deps: Pick<Deps, "db" | "log">, applicationId: string, uris: string[]): Promise<Result<string[]>> {
  const app = await findApplication(deps.db, applicationId);
  if (!app) return fail("not_found", `application: ${applicationId} not found`);
  const unique = [...new Set(uris.map((u) => u.trim()).filter((u) => u !== ""))];
  if (unique.length > MAX_REDIRECT_URIS) return fail("invalid_request", `redirect_uris: at most ${MAX_REDIRECT_URIS} are allowed`);
  for (const uri of unique) {
    const problem = redirectUriProblem(uri, app.clientType);
    if (problem) return fail("invalid_request", `redirect_uris: ${problem}`);
  }
  await updateApplication(deps.db, app.id, { redirectUris: unique });
  deps.log.info({ client_id: app.id, count: unique.length }, "redirect URIs updated");
  return ok(unique);
}
