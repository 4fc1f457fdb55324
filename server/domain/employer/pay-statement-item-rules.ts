import { randomUUID } from "node:crypto";
import type { Rule, RuleBody } from "../../../contracts/finch/pay-statement-items.js";
import {
  deleteLiveRule,
  findLiveRule,
  insertRule,
  listLiveRules,
  lockRulesOf,
  nextRulePriority,
  type RuleChanges,
  type RuleRow,
  updateLiveRule,
} from "../../db/repositories/pay-statement-item-rules.repository.js";
import type { CacheKind } from "../caches/own-caches.js";
import { RefreshingCache } from "../caches/refreshing-cache.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { transactional } from "../transactional.js";
import { type ActiveRule, RULE_FIELDS } from "./item-rules.js";

type RuleDeps = Pick<Deps, "db" | "clock" | "own">;

/** A stored rule on the wire (`deleted_at` only once deleted). */
export function presentRule(row: RuleRow): Rule {
  return {
    id: row.id,
    priority: row.priority,
    effective_start_date: row.effectiveStartDate,
    effective_end_date: row.effectiveEndDate,
    conditions: row.conditions,
    attributes: { metadata: row.metadata },
    entity_type: "pay_statement_item",
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(row.deletedAt ? { deleted_at: row.deletedAt.toISOString() } : {}),
  };
}

/** Checks zod cannot express: known condition fields, and dates in order. */
function checkRule(conditions: RuleRow["conditions"], start: string | null, end: string | null): Result<true> {
  for (const [i, c] of conditions.entries()) {
    if (!(RULE_FIELDS as readonly string[]).includes(c.field)) {
      return fail("invalid_request", `conditions.${i}.field: must be one of ${RULE_FIELDS.join(", ")} (got "${c.field}")`);
    }
  }
  if (start && end && start > end) return fail("invalid_request", "effective_end_date: must not be before effective_start_date");
  return ok(true);
}

// 404 for any id that names no live rule of the connection, a UUID or not (the spec lists only 400 here, but an id
// in the path that names nothing is not found, as on every other route)
const notFound = (id: string) => fail("not_found", `Rule ${id} not found`);

/** Create a rule for a connection; it takes the next priority. No conditions (the spec makes them optional) matches every item. */
export async function createRule(deps: RuleDeps, connectionId: string, body: RuleBody): Promise<Result<Rule>> {
  const start = body.effective_start_date ?? null;
  const end = body.effective_end_date ?? null;
  const conditions = body.conditions ?? [];
  const checked = checkRule(conditions, start, end);
  if (!checked.ok) return checked;
  return transactional(deps.db, async (tx) => {
    await lockRulesOf(tx, connectionId);
    const now = deps.clock.now();
    const row: RuleRow = {
      id: randomUUID(),
      connectionId,
      priority: await nextRulePriority(tx, connectionId),
      effectiveStartDate: start,
      effectiveEndDate: end,
      conditions,
      metadata: body.attributes?.metadata ?? {},
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await insertRule(tx, row);
    return ok(presentRule(row));
  }).finally(() => forgetRules(deps, connectionId));
}

/** A connection's rules (not deleted), by priority. */
export async function listRules(deps: Pick<Deps, "db">, connectionId: string): Promise<Rule[]> {
  return (await listLiveRules(deps.db, connectionId)).map(presentRule);
}

/** Change the fields the body names; a rule of another connection, or deleted, is not found (400 as Finch). */
export async function updateRule(deps: RuleDeps, connectionId: string, id: string, body: RuleBody): Promise<Result<Rule>> {
  // rule ids are UUIDs: anything else is no such rule, answered before a query could fail on the uuid cast
  const current = isUuid(id) ? await findLiveRule(deps.db, connectionId, id) : undefined;
  if (!current) return notFound(id);
  const changes: RuleChanges = {};
  if (body.effective_start_date !== undefined) changes.effectiveStartDate = body.effective_start_date;
  if (body.effective_end_date !== undefined) changes.effectiveEndDate = body.effective_end_date;
  if (body.conditions !== undefined) changes.conditions = body.conditions;
  if (body.attributes?.metadata !== undefined) changes.metadata = body.attributes.metadata;
  const checked = checkRule(
    changes.conditions ?? current.conditions,
    changes.effectiveStartDate !== undefined ? changes.effectiveStartDate : current.effectiveStartDate,
    changes.effectiveEndDate !== undefined ? changes.effectiveEndDate : current.effectiveEndDate,
  );
  if (!checked.ok) return checked;
  const row = await updateLiveRule(deps.db, connectionId, id, changes, deps.clock.now());
  forgetRules(deps, connectionId);
  return row ? ok(presentRule(row)) : notFound(id);
}

/** Delete a rule: it stops applying at once in this process (others: see LIVE_RULES), answered with `deleted_at`. */
export async function deleteRule(deps: RuleDeps, connectionId: string, id: string): Promise<Result<Rule>> {
  const row = isUuid(id) ? await deleteLiveRule(deps.db, connectionId, id, deps.clock.now()) : undefined;
  forgetRules(deps, connectionId);
  return row ? ok(presentRule(row)) : notFound(id);
}

/** A connection's live rules as the engine applies them, and their fingerprint (for ETags). */
interface LiveRules {
  rules: ActiveRule[];
  fingerprint: string;
}

/**
 * Live rules by connection id. Every pay-statement answer needs them and they change rarely: a query per answer was
 * the largest cost of a cached pay-statement read (a CPU profile put the database client at about a quarter of the
 * API process). A change made in this process drops its entry at once (`forgetRules`); one made by another process
 * is seen within the connection-state bound (`LINNET_AUTH_CACHE_MS`, see RefreshingCache).
 */
export const LIVE_RULES: CacheKind<RefreshingCache<LiveRules>> = {
  name: "pay statement item rules",
  create: ({ ttlMs }) => new RefreshingCache<LiveRules>(ttlMs, 10_000),
};

const forgetRules = (deps: Pick<Deps, "own">, connectionId: string) =>
  deps.own.of(LIVE_RULES).invalidateWhere((key) => key === connectionId);

/** The rules the engine applies for a connection, ascending priority, and a fingerprint of them (for ETags). */
export async function activeRules(deps: Pick<Deps, "db" | "own" | "clock">, connectionId: string): Promise<LiveRules> {
  const live = await deps.own.of(LIVE_RULES).resolve(connectionId, deps.clock.now().getTime(), async () => {
    const rows = await listLiveRules(deps.db, connectionId);
    return { rules: rows, fingerprint: rows.map((r) => `${r.id}@${r.updatedAt.getTime()}`).join(",") };
  });
  return live!; // the loader never answers null
}
