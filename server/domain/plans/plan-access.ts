/** Whether a token may read plans now: scope, entity, connection state, and whether plan data exists yet. */
import { findPlanPublication } from "../../db/repositories/plans.repository.js";
import { firstDataDue } from "../assisted/sla.js";
import { seedSandboxBenefits } from "../benefits/sandbox-seed.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { seedSandboxPlans } from "./sandbox-plans.js";

/** The three plan products (Finch `ConnectProducts`), one per endpoint family. */
export type PlanProduct = "plans" | "plans_enrollments" | "plans_dependents";

/** Ready (with the time the served data was retrieved), or when it is expected. */
export type PlansAccess = { ready: true; retrievedAt: Date | null } | { ready: false; expectedAt: Date | null };

/**
 * Check the product scope, the entity and the connection's state. Sandbox connections are ready with their
 * organization data (their plans are generated then, once, from their seeded deductions). Assisted connections are
 * ready once an operator published a benefits-enrollment export (until then 202, expected with the organization
 * data); other automated connections once their organization data is there, from the deductions Linnet keeps.
 */
export async function openPlans(
  deps: Pick<Deps, "db" | "clock" | "cipher" | "catalog" | "config">,
  ctx: TokenContext,
  product: PlanProduct,
  entityIds: string[],
): Promise<Result<PlansAccess>> {
  const c = ctx.connection;
  if (!c.products.includes(product)) return fail("insufficient_scope", `This access token does not include the "${product}" product`);
  if (entityIds.length > 1) return fail("invalid_request", "entity_ids: exactly one entity per request");
  if (entityIds.length === 1 && entityIds[0] !== c.entityId) return fail("invalid_request", `entity_ids: unknown entity "${entityIds[0]}"`);
  if (c.status === "reauth") return fail("reauthenticate_user", "The employer must re-authenticate this connection");
  if (c.connectionType === "finch" && c.orgSnapshotId) {
    await seedSandboxBenefits(deps, c);
    await seedSandboxPlans(deps, c);
  }
  const published = await findPlanPublication(deps.db, c.id);
  if (published) return ok({ ready: true, retrievedAt: published.retrievedAt });
  if (c.authMethod !== "assisted" && c.orgSnapshotId) return ok({ ready: true, retrievedAt: null });
  const provider = deps.catalog.get(c.providerId);
  if (c.authMethod !== "assisted" || !provider) return ok({ ready: false, expectedAt: null });
  const due = firstDataDue(c.products, provider, deps.config.sla, c.createdAt).find((d) => d.group === "org");
  return ok({ ready: false, expectedAt: due?.due_at ?? null });
}
