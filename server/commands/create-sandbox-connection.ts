import { randomUUID } from "node:crypto";
import { insertActivity } from "../db/repositories/activity.repository.js";
import type { ApplicationRow } from "../db/repositories/applications.repository.js";
import { type ConnectionRow, insertConnection } from "../db/repositories/connections.repository.js";
import { insertToken } from "../db/repositories/credentials.repository.js";
import { findSandboxCompany } from "../db/repositories/sandbox.repository.js";
import { inviteEmailFor } from "../domain/assisted/instructions.js";
import { newConnectionRow } from "../domain/connections/connection-row.js";
import { checkRequestedProducts, grantedProducts, unsupportedProducts } from "../domain/connections/product-rules.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { createSandboxCompany, SANDBOX_SIZES } from "../domain/sandbox/sandbox-company.js";
import { addSandboxEntities, SANDBOX_ENTITIES } from "../domain/sandbox/sandbox-entities.js";
import { hashSecret, newAccessToken } from "../domain/security/secrets.js";
import { transactional } from "../domain/transactional.js";
import { publishInitialSandboxData } from "./publish-sandbox-data.js";

/** Census products, the default of sandbox connections. */
const DEFAULT_PRODUCTS = ["company", "directory", "individual", "employment"];

/** Input of a sandbox connection. */
export interface SandboxConnectionInput {
  provider_id: string;
  authentication_type?: "assisted" | "credential" | "api_token" | "oauth" | null;
  products?: string[] | null;
  employee_size?: number | null;
  /** Join an existing sandbox company (`/sandbox/connections/accounts`). */
  company_id?: string;
  /** Linnet extension: how many entities (legal companies) the connection holds, 1 (default) to 5. */
  entity_count?: number | null;
}

/** A created sandbox connection with its token. */
export interface CreatedSandboxConnection {
  access_token: string;
  token_type: "bearer";
  connection_id: string;
  entity_id: string;
  account_id: string;
  company_id: string;
  provider_id: string;
  authentication_type: string;
  products: string[];
  /** Linnet extension: every entity of the connection (`entity_id` first), as `/auth/token` answers them. */
  entity_ids: string[];
}

/**
 * Command: create a sandbox connection without going through Connect (`POST /sandbox/connections[/accounts]`).
 * Effects: the sandbox company (sandbox/), the connection, its entities, activity and token (connections/), then its
 * first data (`publishInitialSandboxData`, every effect of a publish).
 */
export async function createSandboxConnection(
  deps: Deps,
  app: ApplicationRow,
  input: SandboxConnectionInput,
): Promise<Result<CreatedSandboxConnection>> {
  const provider = deps.catalog.get(input.provider_id);
  if (!provider) return fail("invalid_request", `provider_id: unknown provider "${input.provider_id}"`);
  const native = provider.kind === "assisted" ? "assisted" : provider.auth_method;
  const method = input.authentication_type ?? native;
  if (method !== native && method !== "assisted")
    return fail("invalid_request", `authentication_type: ${provider.display_name} supports "${native}" (or "assisted")`);
  const requested = checkRequestedProducts(input.products ?? DEFAULT_PRODUCTS);
  if (!requested.ok) return requested;
  // no silent drops: what the provider cannot supply is refused by name (Connect shows "Doesn't provide" instead)
  const lacking = unsupportedProducts(requested.value, provider);
  if (lacking.length > 0) {
    return fail(
      "invalid_request",
      `products: ${provider.display_name} (${provider.id}) does not supply ${lacking.join(", ")}; it supplies ${provider.products.join(", ")}`,
    );
  }
  const size = input.employee_size ?? SANDBOX_SIZES.default;
  if (!Number.isInteger(size) || size < SANDBOX_SIZES.min || size > SANDBOX_SIZES.max) {
    return fail("invalid_request", `employee_size: must be an integer from ${SANDBOX_SIZES.min} to ${SANDBOX_SIZES.max}`);
  }
  const entityCount = input.entity_count ?? 1;
  if (!Number.isInteger(entityCount) || entityCount < SANDBOX_ENTITIES.min || entityCount > SANDBOX_ENTITIES.max) {
    return fail("invalid_request", `entity_count: must be an integer from ${SANDBOX_ENTITIES.min} to ${SANDBOX_ENTITIES.max}`);
  }
  if (input.company_id) {
    const company = await findSandboxCompany(deps.db, input.company_id);
    if (!company || company.applicationId !== app.id)
      return fail("invalid_request", `company_id: no sandbox company "${input.company_id}" for this application`);
  }
  const token = newAccessToken();
  const now = deps.clock.now();
  const assisted = method === "assisted";
  const created = await transactional(deps.db, async (tx): Promise<Result<{ connection: ConnectionRow; entities: ConnectionRow[] }>> => {
    const txDeps = { ...deps, db: tx };
    const companyId = input.company_id ?? (await createSandboxCompany(txDeps, app.id, { employeeSize: size }));
    const id = randomUUID();
    let connection = newConnectionRow(provider, {
      id,
      applicationId: app.id,
      companyId,
      authMethod: method,
      connectionType: "finch",
      products: grantedProducts(requested.value, provider),
      status: assisted ? "pending" : "connected",
      inviteEmail: assisted ? inviteEmailFor(deps.config, id) : null,
      createdAt: now,
    });
    let entities: ConnectionRow[] = [];
    if (entityCount > 1) {
      const createCompany = (d: Deps, o: { seed: string; employeeSize: number }) => createSandboxCompany(d, app.id, o);
      ({ connection, entities } = await addSandboxEntities(txDeps, provider, connection, {
        count: entityCount,
        employeeSize: size,
        createCompany,
      }));
    }
    await insertConnection(tx, connection);
    await insertToken(tx, { id: randomUUID(), tokenHash: hashSecret(token), applicationId: app.id, connectionId: id, createdAt: now });
    await insertActivity(tx, {
      connectionId: id,
      actor: `app:${app.id}`,
      kind: "created",
      fromStatus: null,
      toStatus: connection.status,
      message: "Sandbox connection created through the sandbox API",
      at: now,
    });
    return ok({ connection, entities });
  });
  if (!created.ok) return created;
  const { connection: c, entities } = created.value;
  if (!assisted) {
    for (const row of [c, ...entities]) {
      const published = await publishInitialSandboxData(deps, row);
      if (!published.ok) return published;
    }
  }
  return ok({
    access_token: token,
    token_type: "bearer",
    connection_id: c.id,
    entity_id: c.entityId,
    account_id: c.accountId,
    company_id: c.companyId,
    provider_id: c.providerId,
    authentication_type: c.authMethod,
    products: c.products,
    entity_ids: [c.entityId, ...entities.map((e) => e.entityId)],
  });
}
