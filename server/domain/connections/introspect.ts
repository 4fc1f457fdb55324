import type { IntrospectResponse } from "../../../contracts/finch/introspect.js";
import type { TokenContext } from "./authenticate-token.js";
import type { ConnectionState } from "./status-machine.js";

type ApiStatus = IntrospectResponse["connection_status"]["status"];

/** What `GET /introspect` says about a token's connection. */
export function introspect(ctx: TokenContext): IntrospectResponse {
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
    entities: [{ id: c.entityId, name: c.customerName, source_id: null, status }],
  };
}
