import type { CreateAccessTokenResponse } from "../../../contracts/finch/auth.js";
import type { IssuedToken } from "../../domain/connections/exchange-code.js";

/** `POST /auth/token`'s body: the token and the connection it opens. */
export function presentAccessToken({ accessToken, connection, application }: IssuedToken): CreateAccessTokenResponse {
  return {
    access_token: accessToken,
    token_type: "bearer",
    connection_id: connection.id,
    customer_id: connection.customerId,
    customer_name: connection.customerName,
    account_id: connection.accountId,
    client_type: application.clientType,
    company_id: connection.companyId,
    connection_type: connection.connectionType,
    products: connection.products,
    provider_id: connection.providerId,
    entity_ids: [connection.entityId],
  };
}
