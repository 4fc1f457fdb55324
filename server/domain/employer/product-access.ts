import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import { firstDataDue } from "../assisted/sla.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import { type DataProduct, PRODUCT_GROUP } from "../connections/product-rules.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";

/** Either the current snapshot, or when data is expected (null: unknown, e.g. an automated sync still running). */
export type GroupAccess = { ready: true; snapshot: SnapshotRow } | { ready: false; expectedAt: Date | null };

/**
 * Check a token may read a product now: its scope, the entity it names, the connection's state; then find the
 * current snapshot of the product's group, or when its first data is expected.
 */
export async function openProduct(
  deps: Pick<Deps, "db" | "catalog" | "config" | "snapshotRows">,
  ctx: TokenContext,
  product: DataProduct,
  entityIds: string[],
): Promise<Result<GroupAccess>> {
  const checked = currentSnapshotId(ctx, product, entityIds);
  if (!checked.ok) return checked;
  if (checked.value) {
    const snapshot = await deps.snapshotRows.row(deps.db, checked.value);
    if (snapshot) return ok({ ready: true, snapshot });
  }
  const c = ctx.connection;
  const provider = deps.catalog.get(c.providerId);
  if (c.authMethod !== "assisted" || !provider) return ok({ ready: false, expectedAt: null });
  const group = PRODUCT_GROUP[product];
  const due = firstDataDue(c.products, provider, deps.config.sla, c.createdAt).find((d) => d.group === group);
  return ok({ ready: false, expectedAt: due?.due_at ?? null });
}

/**
 * `openProduct`'s answer without a promise when it is a refusal or a snapshot whose row is cached (no entity named);
 * undefined when it would need a lookup (call `openProduct`).
 */
export function openCachedProduct(
  deps: Pick<Deps, "snapshotRows">,
  ctx: TokenContext,
  product: DataProduct,
): Result<GroupAccess> | undefined {
  const checked = currentSnapshotId(ctx, product, []);
  if (!checked.ok) return checked;
  const snapshot = checked.value ? deps.snapshotRows.cachedRow(checked.value) : undefined;
  return snapshot ? ok({ ready: true, snapshot }) : undefined;
}

/** The checks of `openProduct` that need no lookup; then the id of the group's current snapshot (null: none yet). */
function currentSnapshotId(ctx: TokenContext, product: DataProduct, entityIds: string[]): Result<string | null> {
  const c = ctx.connection;
  if (!c.products.includes(product)) {
    return fail("insufficient_scope", `This access token does not include the "${product}" product`);
  }
  if (entityIds.length > 1) return fail("invalid_request", "entity_ids: exactly one entity per request");
  if (entityIds.length === 1 && entityIds[0] !== c.entityId) return fail("invalid_request", `entity_ids: unknown entity "${entityIds[0]}"`);
  if (c.status === "reauth") return fail("reauthenticate_user", "The employer must re-authenticate this connection");
  return ok((PRODUCT_GROUP[product] === "org" ? c.orgSnapshotId : c.paySnapshotId) ?? null);
}
