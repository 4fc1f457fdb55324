import { ORG_PRODUCTS, PAY_PRODUCTS } from "../../../contracts/finch/products.js";
import type { ConnectionListQuery, DashboardConnectionDetail, DashboardConnectionList } from "../../../contracts/linnet/dashboard.js";
import { listActivity } from "../../db/repositories/activity.repository.js";
import {
  type ConnectionListFilter,
  findConnectionOfApplication,
  type ListedConnection,
  listConnectionsOfApplication,
} from "../../db/repositories/connection-list.repository.js";
import { actorNames } from "../activity/actor-names.js";
import { deductionJobsOf } from "../benefits/benefit-jobs.js";
import { statusUrlFor } from "../connections/status-link.js";
import type { ConnectionState } from "../connections/status-machine.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { automaticSince } from "./automatic-since.js";
import { presentListedConnection } from "./readiness.js";

/** Which precise states each status filter means. */
const STATUS_GROUPS: Record<ConnectionListQuery["status"] & string, ConnectionState[]> = {
  pending: ["pending"],
  processing: ["processing"],
  connected: ["connected"],
  disconnected: ["disconnected"],
  needs_attention: ["error_no_account_setup", "error_permissions", "reauth"],
  error_no_account_setup: ["error_no_account_setup"],
  error_permissions: ["error_permissions"],
  reauth: ["reauth"],
};

/** Default direction per sort: names A→Z, waiting first, newest first, soonest first. */
const DEFAULT_ORDER = { customer: "asc", status: "asc", created: "desc", expected: "asc" } as const;

/** The Employers tab: an application's connections, searched, filtered, sorted and paged on the server. */
export async function listDashboardConnections(
  deps: Pick<Deps, "db" | "catalog" | "config">,
  applicationId: string,
  q: ConnectionListQuery,
): Promise<DashboardConnectionList> {
  const sla = deps.config.sla;
  const filter: ConnectionListFilter = {
    applicationId,
    sort: q.sort,
    order: q.order ?? DEFAULT_ORDER[q.sort],
    limit: q.limit,
    offset: q.offset,
    expected: {
      orgProducts: ORG_PRODUCTS,
      payProducts: PAY_PRODUCTS,
      payEnabledProviders: deps.catalog.all.filter((p) => p.pay_enabled).map((p) => p.id),
      orgDays: sla.orgDays,
      payDays: sla.payDays,
      payEnabledDays: sla.payEnabledDays,
    },
  };
  if (q.q) filter.search = q.q;
  if (q.status) filter.statuses = STATUS_GROUPS[q.status];
  if (q.auth_type === "assisted") filter.authMethods = ["assisted"];
  if (q.auth_type === "automated") filter.excludeAuthMethods = ["assisted"];
  if (q.provider) filter.providerId = q.provider;
  const { rows, total } = await listConnectionsOfApplication(deps.db, filter);
  return { data: rows.map((r) => presentListedConnection(deps, r)), total, limit: q.limit, offset: q.offset };
}

/** A connection of this application; one of another application answers not_found, like one that does not exist. */
export async function connectionOfApplication(
  deps: Pick<Deps, "db">,
  applicationId: string,
  connectionId: string,
): Promise<Result<ListedConnection>> {
  const row = isUuid(connectionId) ? await findConnectionOfApplication(deps.db, applicationId, connectionId) : undefined;
  return row ? ok(row) : fail("not_found", `connection: ${connectionId} not found`);
}

/** The connection page: facts, per-product readiness and the activity timeline (newest first). */
export async function dashboardConnectionView(
  deps: Pick<Deps, "db" | "catalog" | "config" | "cipher">,
  applicationId: string,
  connectionId: string,
): Promise<Result<DashboardConnectionDetail>> {
  const found = await connectionOfApplication(deps, applicationId, connectionId);
  if (!found.ok) return found;
  const c = found.value.connection;
  const activity = (await listActivity(deps.db, c.id)).reverse();
  const nameOf = await actorNames(
    deps,
    activity.map((a) => a.actor),
    "developer",
  );
  const deductionJobs = await deductionJobsOf(deps, c.id);
  return ok({
    ...presentListedConnection(deps, found.value),
    customer_email: c.customerEmail,
    status_message: c.statusMessage,
    access_confirmed_at: c.accessConfirmedAt?.toISOString() ?? null,
    disconnected_at: c.disconnectedAt?.toISOString() ?? null,
    last_successful_sync: c.lastSuccessfulSync?.toISOString() ?? null,
    employer_status_url: c.authMethod === "assisted" ? statusUrlFor(deps, c.id) : null,
    activity: activity.map((a) => ({
      at: a.at.toISOString(),
      actor: a.actor,
      actor_name: nameOf(a.actor),
      kind: a.kind,
      from_status: a.fromStatus,
      to_status: a.toStatus,
      message: a.message,
    })),
    deduction_jobs: deductionJobs,
    refreshed_from_reports_since: c.authMethod === "assisted" ? await automaticSince(deps, c.id) : null,
  });
}
