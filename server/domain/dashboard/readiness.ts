import type { DashboardConnection, ProductReadiness } from "../../../contracts/linnet/dashboard.js";
import type { ListedConnection } from "../../db/repositories/connection-list.repository.js";
import { firstDataDue } from "../assisted/sla.js";
import { addDays } from "../clock.js";
import { PRODUCT_GROUP } from "../connections/product-rules.js";
import { type ConnectionState, statusLabel } from "../connections/status-machine.js";
import type { Deps } from "../deps.js";

/** Plain words for every connection state, error states included. */
export const STATUS_WORDS: Record<ConnectionState, string> = {
  pending: "Waiting for the employer to grant access",
  processing: "Access granted; first data being pulled",
  connected: "Connected",
  error_no_account_setup: "No account set up: the employer has not invited us yet",
  error_permissions: "Missing permissions: the access granted is not enough",
  reauth: "Needs re-authentication by the employer",
  disconnected: "Disconnected",
};

/**
 * Per data product: served or not, when pulled, when first data is expected (the SLA rules of assisted/sla.ts, as
 * introspection's `data_readiness`), and when the next refresh is due (pull date + the refresh cadence, assisted only).
 */
export function productReadiness(deps: Pick<Deps, "catalog" | "config">, row: ListedConnection): ProductReadiness[] {
  const c = row.connection;
  const provider = deps.catalog.get(c.providerId);
  const assisted = c.authMethod === "assisted";
  const live = c.status !== "disconnected";
  const due = assisted && provider ? firstDataDue(c.products, provider, deps.config.sla, c.createdAt) : [];
  const retrieved = { org: row.orgRetrievedAt, pay: row.payRetrievedAt };
  const readiness: ProductReadiness[] = [];
  for (const product of c.products) {
    const group = PRODUCT_GROUP[product as keyof typeof PRODUCT_GROUP];
    if (!group) continue;
    const at = retrieved[group];
    readiness.push({
      product,
      group,
      ready: at !== null,
      data_retrieved_at: at?.toISOString() ?? null,
      expected_by: at || !live ? null : (due.find((d) => d.group === group)?.due_at.toISOString() ?? null),
      next_refresh_at: at && assisted && live ? addDays(at, deps.config.sla.refreshDays).toISOString() : null,
    });
  }
  return readiness;
}

const earliest = (dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? null;

/** A connection as the Employers tab lists it. */
export function presentListedConnection(deps: Pick<Deps, "catalog" | "config">, row: ListedConnection): DashboardConnection {
  const c = row.connection;
  const state = c.status;
  const readiness = productReadiness(deps, row);
  return {
    id: c.id,
    customer_id: c.customerId,
    customer_name: c.customerName,
    provider: { id: c.providerId, display_name: deps.catalog.get(c.providerId)?.display_name ?? c.providerId },
    auth_type: c.authMethod === "assisted" ? "assisted" : "automated",
    auth_method: c.authMethod,
    status: c.status,
    status_label: statusLabel(state),
    status_words: STATUS_WORDS[state] ?? c.status,
    products: c.products,
    readiness,
    // "first data" is only expected while none is served: after that, each product's own date says what is left
    expected_first_data_at: readiness.some((r) => r.ready) ? null : earliest(readiness.map((r) => r.expected_by)),
    next_refresh_at: earliest(readiness.map((r) => r.next_refresh_at)),
    created_at: c.createdAt.toISOString(),
  };
}
