import type { IntrospectResponse } from "../../../contracts/finch/introspect.js";
import type { Introspection } from "../../domain/connections/introspect.js";
import type { ConnectionState } from "../../domain/connections/status-machine.js";

type ApiStatus = IntrospectResponse["connection_status"]["status"];

/** `GET /introspect`'s body: Finch's fields, then Linnet's `entities` and `data_readiness`. */
export function presentIntrospection({ ctx, entities, readiness }: Introspection): IntrospectResponse {
  const { token, connection: c, application: app } = ctx;
  // Revoked tokens never reach here, so the connection is never disconnected; the cast narrows the type.
  const status = c.status as Exclude<ConnectionState, "disconnected"> satisfies ApiStatus;
  const connectionStatus = {
    status,
    ...(c.statusMessage ? { message: c.statusMessage } : {}),
    last_successful_sync: c.lastSuccessfulSync?.toISOString() ?? null,
  };
  const dataReadiness: Record<string, { ready: boolean; data_retrieved_at: string | null; expected_by: string | null }> = {};
  for (const [product, r] of Object.entries(readiness)) {
    dataReadiness[product] = {
      ready: r.retrievedAt !== null,
      data_retrieved_at: r.retrievedAt?.toISOString() ?? null,
      expected_by: r.expectedBy?.toISOString() ?? null,
    };
  }
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
    entities: entities.map((e) => ({ id: e.id, name: e.name, source_id: e.source_id, status: e.status })),
    data_readiness: dataReadiness,
  };
}
