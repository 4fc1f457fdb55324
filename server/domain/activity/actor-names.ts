/**
 * Who did something, in words. Activity entries and snapshots record actors as keys (`user:<id>`, `operator:<id>`,
 * `app:<application id>`, `employer`, `system`, `sandbox`); people see a name or an email instead, resolved here on the
 * server so that no page has to know the keys or the ids.
 */
import { listApplications } from "../../db/repositories/applications.repository.js";
import { usersByIds } from "../../db/repositories/users.repository.js";
import type { Deps } from "../deps.js";
import { isUuid } from "../ids.js";

/** Who reads the names: operators see colleagues' emails; an application's developers see "Linnet operations". */
export type ActorAudience = "ops" | "developer";

const FIXED: Record<string, string> = {
  employer: "The employer",
  system: "Linnet (automatic)",
  sandbox: "Sandbox API",
  automated_sync: "Automated sync",
  intake: "Scheduled reports",
  "intake:sftp": "Scheduled reports (SFTP)",
  "intake:api": "Scheduled reports (files API)",
};

/** The part after `user:`, `operator:` or `app:` when it is a UUID. */
function keyed(actor: string): { kind: "user" | "app"; id: string } | null {
  const [prefix, id] = actor.split(":", 2) as [string, string | undefined];
  if (!id || !isUuid(id)) return null;
  if (prefix === "user" || prefix === "operator") return { kind: "user", id };
  if (prefix === "app") return { kind: "app", id };
  return null;
}

/** Resolve every actor key to words, with one query per kind; unknown keys come back in plain words. */
export async function actorNames(
  deps: Pick<Deps, "db">,
  actors: readonly string[],
  audience: ActorAudience,
): Promise<(actor: string) => string> {
  const keys = [...new Set(actors)].map(keyed).filter((k) => k !== null);
  const userIds = keys.filter((k) => k.kind === "user").map((k) => k.id);
  const appIds = keys.filter((k) => k.kind === "app").map((k) => k.id);
  const people = new Map((await usersByIds(deps.db, userIds)).map((u) => [u.id, u]));
  const apps = new Map(appIds.length ? (await listApplications(deps.db, appIds)).map((a) => [a.id, a.name]) : []);
  return (actor) => {
    const key = keyed(actor);
    if (key?.kind === "app") return apps.has(key.id) ? `${apps.get(key.id)} (application)` : "An application";
    if (key?.kind === "user") {
      const person = people.get(key.id);
      if (!person) return "A former user";
      // developers see their own team's emails, and Linnet's operations team as a team
      if (audience === "developer" && person.role !== "developer") return "Linnet operations";
      return person.email;
    }
    return FIXED[actor] ?? actor.replace(/[_:-]+/g, " ").replace(/^./, (c) => c.toUpperCase());
  };
}
