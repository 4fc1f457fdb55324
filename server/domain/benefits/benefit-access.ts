import { firstDataDue } from "../assisted/sla.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { seedSandboxBenefits } from "./sandbox-seed.js";

/** Either the connection's org snapshot (benefits are about its individuals), or when it is expected. */
export type BenefitsAccess = { ready: true; orgSnapshotId: string } | { ready: false; expectedAt: Date | null };

/**
 * Check a token may use the deductions API now: the `benefits` scope (or its old alias `deduction`), the entity, the
 * connection's state. Until the connection's first organization data is published, answers "not ready" (202).
 * Sandbox connections get their starting benefits here, once, from their pay data.
 */
export async function openBenefits(deps: Deps, ctx: TokenContext, entityIds: string[]): Promise<Result<BenefitsAccess>> {
  const c = ctx.connection;
  if (!c.products.includes("benefits") && !c.products.includes("deduction"))
    return fail("insufficient_scope", 'This access token does not include the "benefits" product');
  if (entityIds.length > 1) return fail("invalid_request", "entity_ids: exactly one entity per request");
  if (entityIds.length === 1 && entityIds[0] !== c.entityId) return fail("invalid_request", `entity_ids: unknown entity "${entityIds[0]}"`);
  if (c.status === "reauth") return fail("reauthenticate_user", "The employer must re-authenticate this connection");
  if (c.orgSnapshotId) {
    if (c.connectionType === "finch") await seedSandboxBenefits(deps, c);
    return ok({ ready: true, orgSnapshotId: c.orgSnapshotId });
  }
  const provider = deps.catalog.get(c.providerId);
  if (c.authMethod !== "assisted" || !provider) return ok({ ready: false, expectedAt: null });
  const due = firstDataDue(c.products, provider, deps.config.sla, c.createdAt).find((d) => d.group === "org");
  return ok({ ready: false, expectedAt: due?.due_at ?? null });
}
