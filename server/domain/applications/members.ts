import {
  applicationIdsOfMember,
  insertApplicationMember,
  isApplicationMember,
} from "../../db/repositories/application-members.repository.js";
import { type ApplicationRow, findApplication, listApplications } from "../../db/repositories/applications.repository.js";
import type { ConsoleUser } from "../auth/actor.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";

/**
 * Who may see an application in the developer dashboard: admins see every application, developers only those they
 * are members of. Everything the dashboard shows (connections, events, webhooks, deliveries) hangs off an application,
 * so this one check keeps each developer inside their own data.
 */

/** Make a user a member of an application (the application must exist). */
export async function addApplicationMember(
  deps: Pick<Deps, "db" | "clock">,
  input: { userId: string; applicationId: string },
): Promise<Result<void>> {
  if (!(await findApplication(deps.db, input.applicationId)))
    return fail("not_found", `application: ${input.applicationId} does not exist`);
  await insertApplicationMember(deps.db, { ...input, createdAt: deps.clock.now() });
  return ok(undefined);
}

/** The applications this person may open in the dashboard. */
export async function applicationsVisibleTo(deps: Pick<Deps, "db">, actor: ConsoleUser): Promise<ApplicationRow[]> {
  if (actor.role === "admin") return listApplications(deps.db);
  if (actor.role !== "developer") return [];
  return listApplications(deps.db, await applicationIdsOfMember(deps.db, actor.userId));
}

/**
 * The application, if this person may open it. An application they may not see answers `not_found`, exactly like
 * one that does not exist, so ids of other developers' applications cannot be probed.
 */
export async function requireApplicationAccess(
  deps: Pick<Deps, "db">,
  actor: ConsoleUser,
  applicationId: string,
): Promise<Result<ApplicationRow>> {
  const missing = fail("not_found", `application: ${applicationId} not found`);
  if (!isUuid(applicationId)) return missing; // ids reach uuid columns only once they look like one
  const allowed =
    actor.role === "admin" || (actor.role === "developer" && (await isApplicationMember(deps.db, actor.userId, applicationId)));
  if (!allowed) return missing;
  const application = await findApplication(deps.db, applicationId);
  return application ? ok(application) : missing;
}
