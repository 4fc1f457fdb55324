/** `/employer/plans*` reads: stored plans plus deductions Linnet keeps that have no stored plan, paged as the spec says. */
import type { Dependent, Enrollment, Plan } from "../../../contracts/finch/plans.js";
import { listActiveBenefits } from "../../db/repositories/benefits.repository.js";
import {
  listDeductionEnrollments,
  listStoredDependents,
  listStoredEnrollments,
  listStoredPlans,
} from "../../db/repositories/plans.repository.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import {
  PLAN_TYPE_OF_DEDUCTION,
  presentDeductionEnrollment,
  presentDeductionPlan,
  presentDependent,
  presentEnrollment,
  presentPlan,
} from "./present-plans.js";

/** `limit` / `offset` of a list. */
export interface Page {
  limit: number;
  offset: number;
}

/** One page of a list with the spec's `paging` (`count` is the total, `offset` echoed). */
function pageOf<T>(all: T[], page: Page) {
  return { paging: { count: all.length, offset: page.offset }, items: all.slice(page.offset, page.offset + page.limit) };
}

/** Active deductions of a plan type that no stored plan covers (each is served as a plan of its own). */
async function unplannedDeductions(deps: Pick<Deps, "db">, connectionId: string, covered: Set<string>) {
  return (await listActiveBenefits(deps.db, connectionId)).filter((b) => PLAN_TYPE_OF_DEDUCTION[b.type ?? ""] && !covered.has(b.id));
}

/** Every plan of the connection, stored ones first. */
async function allPlans(deps: Pick<Deps, "db">, ctx: TokenContext): Promise<Plan[]> {
  const stored = await listStoredPlans(deps.db, ctx.connection.id);
  const covered = new Set(stored.flatMap((p) => (p.benefitId ? [p.benefitId] : [])));
  return [...stored.map(presentPlan), ...(await unplannedDeductions(deps, ctx.connection.id, covered)).map(presentDeductionPlan)];
}

/** Every enrollment of the connection, stored ones first. */
async function allEnrollments(deps: Pick<Deps, "db">, ctx: TokenContext): Promise<Enrollment[]> {
  const id = ctx.connection.id;
  const stored = await listStoredEnrollments(deps.db, id);
  const covered = new Set((await listStoredPlans(deps.db, id)).flatMap((p) => (p.benefitId ? [p.benefitId] : [])));
  const benefits = new Map((await unplannedDeductions(deps, id, covered)).map((b) => [b.id, b]));
  const derived =
    benefits.size === 0
      ? []
      : (await listDeductionEnrollments(deps.db, id)).flatMap((e) => {
          const b = benefits.get(e.benefitId);
          return b ? [presentDeductionEnrollment(b, e)] : [];
        });
  return [...stored.map(presentEnrollment), ...derived];
}

/** `GET /employer/plans` (optionally one `plan_type`, case-insensitive). */
export async function listPlans(deps: Pick<Deps, "db">, ctx: TokenContext, page: Page, planType?: string) {
  const wanted = planType?.toLowerCase();
  const plans = (await allPlans(deps, ctx)).filter((p) => !wanted || p.type === wanted);
  const { paging, items } = pageOf(plans, page);
  return { paging, plans: items };
}

/** `GET /employer/plans/{plan_id}`; 404 for an id that is not one of the connection's plans. */
export async function getPlan(deps: Pick<Deps, "db">, ctx: TokenContext, planId: string): Promise<Result<Plan>> {
  const plan = isUuid(planId) ? (await allPlans(deps, ctx)).find((p) => p.id === planId) : undefined;
  return plan ? ok(plan) : fail("not_found", `could not find plan with id '${planId}'`);
}

/** `GET /employer/plans-enrollments`. */
export async function listPlanEnrollments(deps: Pick<Deps, "db">, ctx: TokenContext, page: Page) {
  const { paging, items } = pageOf(await allEnrollments(deps, ctx), page);
  return { paging, enrollments: items };
}

/** A per-item 404 of a batch read. */
const missing = (what: string, id: string) => ({
  code: 404,
  name: "not_found_error",
  finch_code: "item_not_found",
  message: `could not find ${what} with id '${id}'`,
});

/** `POST /employer/plans-enrollments`: each asked id's enrollment, or a 404 item. */
export async function batchEnrollments(deps: Pick<Deps, "db">, ctx: TokenContext, ids: string[]) {
  const byId = new Map((await allEnrollments(deps, ctx)).map((e) => [e.id, e]));
  return {
    responses: ids.map((id) => {
      const e = byId.get(id);
      return e ? { enrollment_id: id, code: 200, body: e } : { enrollment_id: id, code: 404, body: missing("enrollment", id) };
    }),
  };
}

/** SSNs are served only when asked for and the token holds the `ssn` product. */
const ssnAllowed = (ctx: TokenContext, include: readonly string[] | undefined) =>
  (include ?? []).includes("ssn") && ctx.connection.products.includes("ssn");

/** `GET /employer/plans-dependents`. */
export async function listPlanDependents(
  deps: Pick<Deps, "db" | "cipher">,
  ctx: TokenContext,
  page: Page,
  include?: readonly string[],
): Promise<{ paging: { count: number; offset: number }; dependents: Dependent[] }> {
  const rows = await listStoredDependents(deps.db, ctx.connection.id);
  const withSsn = ssnAllowed(ctx, include);
  const { paging, items } = pageOf(rows, page);
  return { paging, dependents: items.map((d) => presentDependent(deps.cipher, d, withSsn)) };
}

/** `POST /employer/plans-dependents`: each asked id's dependent, or a 404 item. */
export async function batchDependents(deps: Pick<Deps, "db" | "cipher">, ctx: TokenContext, ids: string[], include?: readonly string[]) {
  const uuids = [...new Set(ids.filter(isUuid))];
  const rows = uuids.length ? await listStoredDependents(deps.db, ctx.connection.id, uuids) : [];
  const byId = new Map(rows.map((d) => [d.id, d]));
  const withSsn = ssnAllowed(ctx, include);
  return {
    responses: ids.map((id) => {
      const d = byId.get(id);
      return d
        ? { dependent_id: id, code: 200, body: presentDependent(deps.cipher, d, withSsn) }
        : { dependent_id: id, code: 404, body: missing("dependent", id) };
    }),
  };
}
