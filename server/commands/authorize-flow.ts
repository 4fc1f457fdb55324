import type { AuthorizeRequest, AuthorizeResponse } from "../../contracts/linnet/connect-flow.js";
import { insertActivity } from "../db/repositories/activity.repository.js";
import { type ConnectionRow, findConnection, insertConnection } from "../db/repositories/connections.repository.js";
import { insertCode } from "../db/repositories/credentials.repository.js";
import { completeSession, type SessionRow } from "../db/repositories/sessions.repository.js";
import { inviteEmailFor } from "../domain/assisted/instructions.js";
import { openInitialTasks } from "../domain/assisted/tasks.js";
import type { CatalogProvider } from "../domain/catalog/catalog.js";
import { newConnectionRow } from "../domain/connections/connection-row.js";
import { grantedProducts } from "../domain/connections/product-rules.js";
import { checkSandboxCredentials } from "../domain/connections/sandbox-credentials.js";
import { usableSession } from "../domain/connections/start-flow.js";
import { statusUrlFor } from "../domain/connections/status-link.js";
import { transitionConnection } from "../domain/connections/transition.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { createSandboxCompany } from "../domain/sandbox/sandbox-company.js";
import { hashSecret, newAuthorizationCode } from "../domain/security/secrets.js";
import { transactional } from "../domain/transactional.js";
import { publishInitialSandboxData } from "./publish-sandbox-data.js";

/** Authorization codes are valid for ten minutes. */
export const CODE_TTL_MS = 10 * 60_000;

/** Check the provider and method the employer chose against the session. */
function checkChoice(session: SessionRow, provider: CatalogProvider | undefined, input: AuthorizeRequest): Result<CatalogProvider> {
  if (!provider) return fail("invalid_request", `provider_id: unknown provider "${input.provider_id}"`);
  const offered = provider.kind === "assisted" ? "assisted" : provider.auth_method;
  if (input.auth_method !== offered) return fail("invalid_request", `auth_method: ${provider.display_name} uses "${offered}"`);
  if (provider.kind === "assisted" && !session.manual && session.integrationProvider !== provider.id) {
    return fail("invalid_request", "provider_id: assisted providers are not offered in this Connect session");
  }
  if (session.integrationProvider && session.integrationProvider !== provider.id && session.kind === "reauth") {
    return fail("invalid_request", "provider_id: a reauthentication must use the connection's provider");
  }
  return ok(provider);
}

/** A new connection row for a completed Connect run. */
function newConnection(deps: Deps, session: SessionRow, provider: CatalogProvider, input: AuthorizeRequest, now: Date): ConnectionRow {
  const assisted = provider.kind === "assisted";
  const status = assisted ? (input.access_granted ? "processing" : "pending") : "connected";
  return newConnectionRow(provider, {
    applicationId: session.applicationId,
    customerId: session.customerId,
    // A legacy link names no customer: the employer typed their company's name in Connect instead.
    customerName: session.customerName ?? input.company_name ?? null,
    customerEmail: session.customerEmail,
    authMethod: assisted ? "assisted" : provider.auth_method,
    connectionType: session.sandbox || provider.kind === "automated" ? "finch" : "provider",
    products: grantedProducts(session.products, provider),
    status,
    inviteEmail: assisted ? inviteEmailFor(deps.config, session.id) : null,
    accessConfirmedAt: assisted && input.access_granted ? now : null,
    username: input.auth_method === "credential" ? (input.username ?? null) : null,
    createdAt: now,
  });
}

/** Bring a re-authenticated connection back to working order. */
async function reauthenticate(deps: Deps, connection: ConnectionRow, input: AuthorizeRequest): Promise<Result<ConnectionRow>> {
  if (connection.status === "reauth") {
    return transitionConnection(deps, connection, "connected", { actor: "employer", reason: "Employer re-authenticated in Connect" });
  }
  if (
    connection.authMethod === "assisted" &&
    input.access_granted &&
    ["pending", "error_no_account_setup", "error_permissions"].includes(connection.status)
  ) {
    return transitionConnection(
      deps,
      connection,
      "processing",
      { actor: "employer", reason: "Employer re-ran Connect and reported granting access" },
      { accessConfirmedAt: deps.clock.now() },
    );
  }
  return ok(connection);
}

/**
 * Command: complete Connect. Effects, in one transaction: the connection created or re-authenticated and its status
 * move with activity and `account.updated` event (connections/), the operations tasks of an assisted connection
 * (assisted/), the session completed and a single-use authorization code; for a sandbox provider, the sandbox company
 * (sandbox/) and, after the transaction, its first data (`publishInitialSandboxData`, every effect of a publish).
 */
export async function authorizeFlow(deps: Deps, flowId: string, input: AuthorizeRequest): Promise<Result<AuthorizeResponse>> {
  const found = await usableSession(deps, flowId);
  if (!found.ok) return found;
  const session = found.value;
  const choice = checkChoice(session, deps.catalog.get(input.provider_id), input);
  if (!choice.ok) return choice;
  const provider = choice.value;
  if (provider.kind === "assisted" && session.customerName === null && !input.company_name && session.kind !== "reauth") {
    return fail("invalid_request", "company_name: required, as this Connect link does not name the employer");
  }
  if (provider.kind === "automated") {
    const creds = checkSandboxCredentials(input);
    if (!creds.ok) return creds;
  }
  const code = newAuthorizationCode();
  const result = await transactional(deps.db, async (tx): Promise<Result<ConnectionRow>> => {
    const txDeps = { ...deps, db: tx };
    const now = deps.clock.now();
    let connection: ConnectionRow;
    if (session.kind === "reauth" && session.connectionId) {
      const existing = await findConnection(tx, session.connectionId);
      if (!existing || existing.status === "disconnected")
        return fail("invalid_request", "The connection being re-authenticated is disconnected.");
      const moved = await reauthenticate(txDeps, existing, input);
      if (!moved.ok) return moved;
      connection = moved.value;
    } else {
      connection = newConnection(deps, session, provider, input, now);
      await insertConnection(tx, connection);
      await openInitialTasks(txDeps, connection);
      if (connection.connectionType === "finch") {
        // Generated data: the same sandbox login yields the same company (good_user vs good_user_2).
        const seed = `${session.applicationId}:${input.username ?? input.api_token ?? connection.id}`;
        await createSandboxCompany(txDeps, session.applicationId, { id: connection.companyId, seed });
      }
      await insertActivity(tx, {
        connectionId: connection.id,
        actor: "employer",
        kind: "created",
        fromStatus: null,
        toStatus: connection.status,
        message:
          provider.kind === "assisted"
            ? `Token created through Connect; employer ${input.access_granted ? "reported granting access" : "chose to grant access later"}`
            : `Connected through Connect with ${input.auth_method === "api_token" ? "an API token" : "credentials"}`,
        at: now,
      });
    }
    await insertCode(tx, {
      codeHash: hashSecret(code),
      applicationId: session.applicationId,
      connectionId: connection.id,
      sessionId: session.id,
      redirectUri: session.redirectUri,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      createdAt: now,
    });
    await completeSession(tx, session.id, now);
    return ok(connection);
  });
  if (!result.ok) return result;
  const connection = result.value;
  if (connection.connectionType === "finch" && connection.authMethod !== "assisted" && !connection.orgSnapshotId) {
    const published = await publishInitialSandboxData(deps, connection);
    if (!published.ok) return published;
  }
  let redirectTo: string | null = null;
  if (session.redirectUri) {
    const url = new URL(session.redirectUri);
    url.searchParams.set("code", code);
    if (session.state) url.searchParams.set("state", session.state);
    redirectTo = url.toString();
  }
  return ok({
    code,
    state: session.state,
    redirect_to: redirectTo,
    status_url: connection.authMethod === "assisted" ? statusUrlFor(deps, connection.id) : null,
  });
}
