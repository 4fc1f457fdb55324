import { randomUUID } from "node:crypto";
import type { CreateConnectSessionRequest, ReauthenticateRequest } from "../../../contracts/finch/connect-sessions.js";
import type { ApplicationRow } from "../../db/repositories/applications.repository.js";
import { findConnection, findLiveConnectionsForCustomer } from "../../db/repositories/connections.repository.js";
import { insertSession } from "../../db/repositories/sessions.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { checkRequestedProducts } from "./product-rules.js";

/** Default lifetimes from the contract: 90 days for new sessions, 30 for reauthentication. */
const NEW_SESSION_MINUTES = 129_600;
const REAUTH_SESSION_MINUTES = 43_200;

/** A created session, as both session endpoints answer. */
export interface CreatedSession {
  session_id: string;
  connect_url: string;
}

/** The hosted Connect URL of a session. */
export function connectUrlFor(deps: Pick<Deps, "config">, sessionId: string): string {
  return `${deps.config.publicUrl}/authorize?session=${sessionId}`;
}

/** Create a Connect session for a new employer connection (`POST /connect/sessions`). */
export async function createSession(deps: Deps, app: ApplicationRow, input: CreateConnectSessionRequest): Promise<Result<CreatedSession>> {
  const products = checkRequestedProducts(input.products);
  if (!products.ok) return products;
  if (input.recordkeeping && !products.value.includes("recordkeeping")) {
    return fail("invalid_request", 'recordkeeping: only allowed when the "recordkeeping" product is requested');
  }
  if (input.redirect_uri && !app.redirectUris.includes(input.redirect_uri)) {
    return fail("invalid_request", `redirect_uri: "${input.redirect_uri}" is not registered for this application`);
  }
  if (input.integration) {
    const provider = deps.catalog.get(input.integration.provider);
    if (!provider) return fail("invalid_request", `integration.provider: unknown provider "${input.integration.provider}"`);
    const method = input.integration.auth_method;
    const offered = provider.kind === "assisted" ? "assisted" : provider.auth_method;
    if (method && method !== offered) {
      return fail("invalid_request", `integration.auth_method: ${provider.display_name} supports "${offered}", not "${method}"`);
    }
  }
  const live = await findLiveConnectionsForCustomer(deps.db, app.id, input.customer_id);
  if (live[0]) {
    return fail(
      "connection_already_exists",
      `There's an existing connection for the customer_id: ${input.customer_id}. Please use the /connect/sessions/reauthenticate endpoint instead.`,
      { customer_id: input.customer_id, connection_id: live[0].id },
    );
  }
  const now = deps.clock.now();
  const id = randomUUID();
  await insertSession(deps.db, {
    id,
    applicationId: app.id,
    kind: "new",
    customerId: input.customer_id,
    customerName: input.customer_name,
    customerEmail: input.customer_email ?? null,
    products: products.value,
    redirectUri: input.redirect_uri ?? null,
    sandbox: input.sandbox ?? null,
    manual: input.manual ?? false,
    integrationProvider: input.integration?.provider ?? null,
    integrationAuthMethod: input.integration?.auth_method ?? null,
    recordkeeping: input.recordkeeping ?? null,
    expiresAt: new Date(now.getTime() + (input.minutes_to_expire ?? NEW_SESSION_MINUTES) * 60_000),
    createdAt: now,
  });
  return ok({ session_id: id, connect_url: connectUrlFor(deps, id) });
}

/** Create a session that re-authenticates an existing connection (`POST /connect/sessions/reauthenticate`). */
export async function createReauthSession(deps: Deps, app: ApplicationRow, input: ReauthenticateRequest): Promise<Result<CreatedSession>> {
  const connection = isUuid(input.connection_id) ? await findConnection(deps.db, input.connection_id) : undefined;
  if (!connection || connection.applicationId !== app.id) {
    return fail("connection_not_found", "Connection not found", { connection_id: input.connection_id });
  }
  if (connection.status === "disconnected") {
    return fail("invalid_request", "connection_id: the connection is disconnected; create a new session with POST /connect/sessions");
  }
  let products = connection.products;
  if (input.products) {
    const checked = checkRequestedProducts(input.products);
    if (!checked.ok) return checked;
    products = checked.value;
  }
  if (input.redirect_uri && !app.redirectUris.includes(input.redirect_uri)) {
    return fail("invalid_request", `redirect_uri: "${input.redirect_uri}" is not registered for this application`);
  }
  const now = deps.clock.now();
  const id = randomUUID();
  await insertSession(deps.db, {
    id,
    applicationId: app.id,
    kind: "reauth",
    customerId: connection.customerId,
    customerName: connection.customerName,
    customerEmail: connection.customerEmail,
    products,
    redirectUri: input.redirect_uri ?? null,
    sandbox: connection.connectionType === "finch" ? "finch" : null,
    manual: connection.authMethod === "assisted",
    integrationProvider: connection.providerId,
    integrationAuthMethod: connection.authMethod,
    connectionId: connection.id,
    expiresAt: new Date(now.getTime() + (input.minutes_to_expire ?? REAUTH_SESSION_MINUTES) * 60_000),
    createdAt: now,
  });
  return ok({ session_id: id, connect_url: connectUrlFor(deps, id) });
}
