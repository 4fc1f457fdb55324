import { listUsersWithRoles } from "../../db/repositories/users.repository.js";
import type { Deps } from "../deps.js";

/** Operators and admins, for assigning work. */
export function listOperators(deps: Pick<Deps, "db">): Promise<{ id: string; email: string; role: string }[]> {
  return listUsersWithRoles(deps.db, ["operator", "admin"]);
}
