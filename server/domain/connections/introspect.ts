import type { IntrospectResponse } from "../../../contracts/finch/introspect.js";
import { findSnapshot } from "../../db/repositories/snapshots.repository.js";
import { firstDataDue } from "../assisted/sla.js";
import type { Deps } from "../deps.js";
import { PRODUCT_GROUP } from "./product-rules.js";
import type { TokenContext } from "./authenticate-token.js";
import { entitiesOf } from "./entities.js";
import type { ConnectionState } from "./status-machine.js";

type ApiStatus = IntrospectResponse["connection_status"]["status"];

/**
 * Per-product readiness (a Linnet extension of introspection): whether data is served, when it was pulled,
 * and when first data is expected while it is not.
 */
function dataReadiness(deps: Pick<Deps, "catalog" | "config">, ctx: TokenContext, retrieved: { org: Date | null; pay: Date | null }) {
  const c = ctx.connection;
  const provider = deps.catalog.get(c.providerId);
  const due = c.authMethod === "assisted" && provider ? firstDataDue(c.products, provider, deps.config.sla, c.createdAt) : [];
  const readiness: Record<string, { ready: boolean; data_retrieved_at: string | null; expected_by: string | null }> = {};
  for (const product of c.products) {
    const group = PRODUCT_GROUP[product as keyof typeof PRODUCT_GROUP];
    if (!group) continue;
    const at = retrieved[group];
    readiness[product] = {
      ready: at !== null,
      data_retrieved_at: at?.toISOString() ?? null,
      expected_by: at ? null : (due.find((d) => d.group === group)?.due_at.toISOString() ?? null),
    };
  }
  return readiness;
}

/** What `GET /introspect` says about a token's connection. */
export function introspect(deps: Pick<Deps, "catalog" | "config">, ctx: TokenContext, retrieved: { org: Date | null; pay: Date | null }): IntrospectResponse {
  const { token, connection: c, application: app } = ctx;
  // Revoked tokens never reach here, so the connection is never disconnected; the cast narrows the type.
  const status = c.status as Exclude<ConnectionState, "disconnected"> satisfies ApiStatus;
  const connectionStatus = {
    status,
    ...(c.statusMessage ? { message: c.statusMessage } : {}),
    last_successful_sync: c.lastSuccessfulSync?.toISOString() ?? null,
  };
  return {
    id: token.id,
    client_id: app.id,
    client_type: app.clientType,
    connection_id: c.id,
    connection_status: connectionStatus,
    connection_type: c.connectionType,
    products: c.products,
    provider_id: c.providerId,
    payroll_provider_id: c.providerId,
    account_id: c.accountId,
    company_id: c.companyId,
    customer_id: c.customerId,
    customer_name: c.customerName,
    customer_email: c.customerEmail,
    username: c.username,
    manual: c.authMethod === "assisted",
    authentication_methods: [{ type: c.authMethod, connection_status: connectionStatus, products: c.products }],
    entities: entitiesOf(ctx).map((e) => ({ id: e.id, name: e.name, source_id: e.source_id, status: e.status })),
    data_readiness: dataReadiness(deps, ctx, retrieved),
  };
}

/** Introspect a token, reading when its current snapshots were pulled. */
export async function introspectToken(deps: Pick<Deps, "catalog" | "config" | "db">, ctx: TokenContext): Promise<IntrospectResponse> {
  const retrievedAt = async (id: string | null) => (id ? ((await findSnapshot(deps.db, id))?.retrievedAt ?? null) : null);
  return introspect(deps, ctx, { org: await retrievedAt(ctx.connection.orgSnapshotId), pay: await retrievedAt(ctx.connection.paySnapshotId) });
}
