import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { fail, ok, type Result } from "../errors.js";
import type { TokenContext } from "./authenticate-token.js";

/**
 * Multi-entity connections. One connection (one token) may cover several entities of the employer's provider
 * account: legal companies / EINs, or ADP company codes. The connection's own row is its first entity
 * (`connections.entity_id`); each further entity is a row of its own naming the connection as
 * `parent_connection_id`, so its published data, stable ids, pay statement item rules, deductions and events are
 * its own, and every publisher works on it unchanged. Such rows hold no tokens and are never listed as connections.
 * A read names its entity with `entity_ids`; the read then runs on that entity's row, under the connection's status
 * and scopes.
 */

/** An entity's status as introspection shows it (`EntityConnectionStatus`). */
export type EntityStatus =
  | "pending"
  | "processing"
  | "connected"
  | "error_no_account_setup"
  | "error_permissions"
  | "reauth"
  | "disconnected";

/** One entity of a connection. */
export interface ConnectionEntity {
  /** The entity id (`entity_ids` of reads, `entities[].id` of introspect). */
  id: string;
  name: string | null;
  source_id: string | null;
  status: EntityStatus;
  /** The row holding the entity's data. */
  row: ConnectionRow;
}

/** Whether an entity row was disconnected on its own (`POST /disconnect-entity`). */
function isEntityDisconnected(row: ConnectionRow): boolean {
  return row.entityDisconnectedAt !== null || row.status === "disconnected";
}

/** Every entity of a token's connection, the connection's own first; statuses follow the connection's. */
export function entitiesOf(ctx: Pick<TokenContext, "connection" | "entities">): ConnectionEntity[] {
  const c = ctx.connection;
  const status = c.status as EntityStatus;
  const entity = (row: ConnectionRow): ConnectionEntity => ({
    id: row.entityId,
    name: row.entityName ?? c.customerName,
    source_id: row.entitySourceId,
    status: isEntityDisconnected(row) ? "disconnected" : status,
    row,
  });
  return [entity(c), ...(ctx.entities ?? []).map(entity)];
}

/** Whether a connection has (or had) more than one entity. */
export function isMultiEntity(ctx: Pick<TokenContext, "entities">): boolean {
  return (ctx.entities ?? []).length > 0;
}

/**
 * The context a request runs in for the entity its `entity_ids` names: the connection's own when it names the first
 * entity (or none, on a single-entity connection), else the further entity's row under the connection's status,
 * status message and scopes. At most one id (the spec's `maxItems: 1`). On a connection with several live entities,
 * omitting `entity_ids` is refused: Finch asks for one entity id on every request, and answering one entity's data
 * unasked would let an app believe it has them all.
 */
export function resolveEntity(ctx: TokenContext, entityIds: string[]): Result<TokenContext> {
  if (entityIds.length > 1) return fail("invalid_request", "entity_ids: exactly one entity per request");
  if (!isMultiEntity(ctx)) {
    // single-entity connections: exactly as before (the one entity, or a 400 for any other id)
    if (entityIds.length === 1 && entityIds[0] !== ctx.connection.entityId)
      return fail("invalid_request", `entity_ids: unknown entity "${entityIds[0]}"`);
    return ok(ctx);
  }
  const all = entitiesOf(ctx);
  let entity: ConnectionEntity | undefined;
  if (entityIds.length === 0) {
    const live = all.filter((e) => e.status !== "disconnected");
    if (live.length !== 1) {
      return fail(
        "invalid_request",
        `entity_ids: this connection holds ${live.length} entities; name one per request (GET /introspect lists them)`,
      );
    }
    entity = live[0];
  } else {
    entity = all.find((e) => e.id === entityIds[0]);
    if (!entity) return fail("invalid_request", `entity_ids: unknown entity "${entityIds[0]}"`);
    if (entity.status === "disconnected") return fail("invalid_request", `entity_ids: entity "${entity.id}" is disconnected`);
  }
  if (!entity || entity.row === ctx.connection) return ok(ctx);
  const c = ctx.connection;
  return ok({
    ...ctx,
    connection: { ...entity.row, status: c.status, statusMessage: c.statusMessage, products: c.products, authMethod: c.authMethod },
  });
}
