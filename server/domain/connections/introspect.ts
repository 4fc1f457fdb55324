import { findSnapshot } from "../../db/repositories/snapshots.repository.js";
import { firstDataDue } from "../assisted/sla.js";
import type { Deps } from "../deps.js";
import type { TokenContext } from "./authenticate-token.js";
import { type ConnectionEntity, entitiesOf } from "./entities.js";
import { PRODUCT_GROUP } from "./product-rules.js";

/** Whether one product's data is served, when it was pulled, and (assisted, not yet served) when it is due. */
export interface ProductReadiness {
  retrievedAt: Date | null;
  expectedBy: Date | null;
}

/** What a token is for and the state of its connection (`GET /introspect`; presented in api/presenters/). */
export interface Introspection {
  ctx: TokenContext;
  entities: ConnectionEntity[];
  /** Per granted product that has a data group: a Linnet extension of introspection. */
  readiness: Record<string, ProductReadiness>;
}

/** Per-product readiness from when each group's current snapshot was pulled and the assisted SLA's due dates. */
function dataReadiness(
  deps: Pick<Deps, "catalog" | "config">,
  ctx: TokenContext,
  retrieved: { org: Date | null; pay: Date | null },
): Record<string, ProductReadiness> {
  const c = ctx.connection;
  const provider = deps.catalog.get(c.providerId);
  const due = c.authMethod === "assisted" && provider ? firstDataDue(c.products, provider, deps.config.sla, c.createdAt) : [];
  const readiness: Record<string, ProductReadiness> = {};
  for (const product of c.products) {
    const group = PRODUCT_GROUP[product as keyof typeof PRODUCT_GROUP];
    if (!group) continue;
    const at = retrieved[group];
    readiness[product] = { retrievedAt: at, expectedBy: at ? null : (due.find((d) => d.group === group)?.due_at ?? null) };
  }
  return readiness;
}

/** Introspect a token, reading when its current snapshots were pulled. */
export async function introspectToken(deps: Pick<Deps, "catalog" | "config" | "db">, ctx: TokenContext): Promise<Introspection> {
  const retrievedAt = async (id: string | null) => (id ? ((await findSnapshot(deps.db, id))?.retrievedAt ?? null) : null);
  const retrieved = { org: await retrievedAt(ctx.connection.orgSnapshotId), pay: await retrievedAt(ctx.connection.paySnapshotId) };
  return { ctx, entities: entitiesOf(ctx), readiness: dataReadiness(deps, ctx, retrieved) };
}
