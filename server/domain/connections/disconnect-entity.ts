import { insertActivity } from "../../db/repositories/activity.repository.js";
import { markEntityDisconnected } from "../../db/repositories/connections.repository.js";
import { insertEvent } from "../../db/repositories/events.repository.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { transactional } from "../transactional.js";
import type { TokenContext } from "./authenticate-token.js";
import { disconnectConnection } from "./disconnect.js";
import { entitiesOf } from "./entities.js";

/** What `POST /disconnect-entity` did: done, or the ids that are no entity of the connection (nothing changed). */
export type DisconnectEntitiesOutcome = { status: "success" } | { notFound: string[] };

/**
 * Disconnect some entities of a token's connection (`POST /disconnect-entity`). The others stay served and the token
 * keeps working; an entity already disconnected is left as it is. Each entity disconnected records `account.updated`
 * with status `disconnected` (its webhook names the entity in `entity_id`), in the same transaction. When no entity
 * would remain, this is `POST /disconnect`: the whole connection is disconnected and its tokens revoked.
 */
export async function disconnectEntities(
  deps: Deps,
  ctx: TokenContext,
  entityIds: string[],
  actor: string,
): Promise<Result<DisconnectEntitiesOutcome>> {
  const all = entitiesOf(ctx);
  const notFound = [...new Set(entityIds.filter((id) => !all.some((e) => e.id === id)))];
  if (notFound.length > 0) return ok({ notFound });
  const named = new Set(entityIds);
  const targets = all.filter((e) => named.has(e.id) && e.status !== "disconnected");
  const remaining = all.filter((e) => !named.has(e.id) && e.status !== "disconnected");
  if (remaining.length === 0) {
    const done = await disconnectConnection(deps, ctx.connection.id, actor);
    return done.ok ? ok({ status: "success" }) : done;
  }
  const c = ctx.connection;
  const result = await transactional(deps.db, async (tx) => {
    const now = deps.clock.now();
    for (const entity of targets) {
      const further = entity.row.id !== c.id;
      await markEntityDisconnected(tx, entity.row.id, now, further ? "disconnected" : undefined);
      await insertActivity(tx, {
        connectionId: c.id,
        actor,
        kind: "entity_disconnected",
        fromStatus: null,
        toStatus: null,
        message: `Entity ${entity.name ?? entity.id}${entity.source_id ? ` (${entity.source_id})` : ""} was disconnected; ${remaining.length} still served`,
        at: now,
      });
      await insertEvent(tx, {
        type: "account.updated",
        applicationId: c.applicationId,
        connectionId: entity.row.id,
        createdAt: now,
        payload: { authentication_method: { type: c.authMethod }, status: "disconnected" },
      });
    }
    return ok({ status: "success" as const });
  });
  return result;
}
