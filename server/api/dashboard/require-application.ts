import type { FastifyRequest } from "fastify";
import type { ApplicationRow } from "../../db/repositories/applications.repository.js";
import { requireApplicationAccess } from "../../domain/applications/members.js";
import type { ConsoleActor } from "../../domain/auth/actor.js";
import type { Deps } from "../../domain/deps.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";

/**
 * Every dashboard route about one application: the signed-in person allowed `action` (401 / 403, CSRF on unsafe
 * methods), then the application, which answers 404 unless they are a member (or an admin).
 */
export async function requireDashboardApplication(
  deps: Deps,
  request: FastifyRequest,
  action: "dashboard.read" | "dashboard.write",
  applicationId: string,
): Promise<{ actor: ConsoleActor; app: ApplicationRow }> {
  const actor = await requireConsoleActor(deps, request, action);
  const app = unwrap(await requireApplicationAccess(deps, actor, applicationId));
  return { actor, app };
}
