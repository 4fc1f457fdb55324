import type { EmployerStatus } from "../../../contracts/linnet/connect-flow.js";
import { findApplication } from "../../db/repositories/applications.repository.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { assistedInstructions } from "../assisted/instructions.js";
import { firstDataDue } from "../assisted/sla.js";
import { connectionForStatusToken } from "../connections/status-link.js";
import { statusLabel } from "../connections/status-machine.js";
import { transitionConnection } from "../connections/transition.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { lateReportsOf } from "../intake/lateness.js";
import { transactional } from "../transactional.js";

/** Build the employer status page's data. */
async function present(deps: Deps, c: ConnectionRow): Promise<Result<EmployerStatus>> {
  const provider = deps.catalog.get(c.providerId);
  const app = await findApplication(deps.db, c.applicationId);
  if (provider?.kind !== "assisted" || !app) return fail("not_found", "This status link is not valid.");
  const state = c.status;
  return ok({
    application_name: app.name,
    customer_name: c.customerName,
    provider: { id: provider.id, display_name: provider.display_name },
    products: c.products,
    status: state,
    status_label: statusLabel(state),
    status_message: c.statusMessage ?? "",
    created_at: c.createdAt.toISOString(),
    access_confirmed_at: c.accessConfirmedAt?.toISOString() ?? null,
    instructions: assistedInstructions(provider, {
      applicationName: app.name,
      inviteEmail: c.inviteEmail ?? deps.config.inviteEmail,
      products: c.products,
      config: deps.config,
    }),
    // A disconnected connection expects nothing any more: no due dates to show.
    expected_first_data: (state === "disconnected" ? [] : firstDataDue(c.products, provider, deps.config.sla, c.createdAt)).map((d) => ({
      group: d.group,
      products: d.products,
      due_at: d.due_at.toISOString(),
      retrieved_at: c.lastSuccessfulSync?.toISOString() ?? null,
    })),
    late_reports: state === "disconnected" ? [] : await lateReportsOf(deps, c.id),
  });
}

/** The employer status page for a capability token. */
export async function employerStatus(deps: Deps, token: string): Promise<Result<EmployerStatus>> {
  const found = await connectionForStatusToken(deps, token);
  return found.ok ? present(deps, found.value) : found;
}

/** The employer says admin access is granted: pending (or no-invite) connections move to processing. */
export async function confirmAccess(deps: Deps, token: string): Promise<Result<EmployerStatus>> {
  const found = await connectionForStatusToken(deps, token);
  if (!found.ok) return found;
  let connection = found.value;
  if (connection.status === "disconnected") return fail("invalid_request", "This connection is disconnected.");
  if (["pending", "error_no_account_setup", "error_permissions"].includes(connection.status)) {
    const moved = await transactional(deps.db, (tx) =>
      transitionConnection(
        { ...deps, db: tx },
        connection,
        "processing",
        { actor: "employer", reason: "Employer reported granting administrator access on the status page" },
        { accessConfirmedAt: deps.clock.now() },
      ),
    );
    if (!moved.ok) return moved;
    connection = moved.value;
  }
  return present(deps, connection);
}
