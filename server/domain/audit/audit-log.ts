import type { AuditAction, AuditEntry, AuditQuery } from "../../../contracts/linnet/audit.js";
import { type AuditRow, insertAudit, listAudit } from "../../db/repositories/audit.repository.js";
import type { ConsoleUser } from "../auth/actor.js";
import type { Deps } from "../deps.js";

/** What an audited action did, in plain words plus the ids it touched (never secrets or personal data). */
export interface AuditFact {
  action: AuditAction;
  target: { type: string; id: string | null };
  applicationId?: string | null;
  connectionId?: string | null;
  /** A sentence for people, e.g. "Changed the status to connected: access granted". */
  summary: string;
  details?: Record<string, unknown>;
}

/** Record one console action by `actor` (pass a transaction's `db` to make it part of the action). */
export async function recordAudit(deps: Pick<Deps, "db" | "clock">, actor: ConsoleUser, fact: AuditFact): Promise<void> {
  await insertAudit(deps.db, {
    at: deps.clock.now(),
    actorUserId: actor.userId,
    actorEmail: actor.email,
    actorRole: actor.role,
    action: fact.action,
    targetType: fact.target.type,
    targetId: fact.target.id,
    applicationId: fact.applicationId ?? null,
    connectionId: fact.connectionId ?? null,
    summary: fact.summary,
    details: fact.details ?? {},
  });
}

const DAY_MS = 86_400_000;

/** The query's filters as the repository takes them (`to` is an inclusive date, so the next midnight). */
function filterOf(query: Omit<AuditQuery, "limit" | "before">) {
  return {
    action: query.action,
    actor: query.actor || undefined,
    from: query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined,
    to: query.to ? new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + DAY_MS) : undefined,
  };
}

/** An audit row on the wire. */
export function presentAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { user_id: row.actorUserId, email: row.actorEmail, role: row.actorRole },
    action: row.action as AuditAction,
    target: { type: row.targetType, id: row.targetId },
    application_id: row.applicationId,
    connection_id: row.connectionId,
    summary: row.summary,
  };
}

/** One page of the log, newest first. */
export async function readAuditPage(
  deps: Pick<Deps, "db">,
  query: AuditQuery,
): Promise<{ entries: AuditEntry[]; next_before: number | null }> {
  const rows = await listAudit(deps.db, filterOf(query), { beforeId: query.before, limit: query.limit });
  const last = rows.at(-1);
  return { entries: rows.map(presentAudit), next_before: rows.length === query.limit && last ? last.id : null };
}

/** Every matching line, newest first, a page at a time (the CSV export streams these). */
export async function* allAuditRows(deps: Pick<Deps, "db">, query: Omit<AuditQuery, "limit" | "before">): AsyncGenerator<AuditRow> {
  const filter = filterOf(query);
  let beforeId: number | undefined;
  for (;;) {
    const rows = await listAudit(deps.db, filter, { beforeId, limit: 1000 });
    yield* rows;
    if (rows.length < 1000) return;
    beforeId = rows.at(-1)?.id;
  }
}
