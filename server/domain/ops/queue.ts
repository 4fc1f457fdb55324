import type { Task } from "../../../contracts/linnet/ops.js";
import { countOpenManualJobs } from "../../db/repositories/manual-jobs.repository.js";
import {
  activeDueDates,
  countAssistedConnectionsByStatus,
  countFollowUps,
  countTasksByStatus,
  listTasks,
  type TaskFilter,
  type TaskListRow,
} from "../../db/repositories/tasks.repository.js";
import { slaHealth, type TaskStatus } from "../assisted/task-machine.js";
import { addDays } from "../clock.js";
import type { Deps } from "../deps.js";

/** The queue's filters as the console sends them. */
export interface QueueQuery {
  status?: "open" | "in_progress" | "done" | "cancelled" | "active";
  provider?: string;
  assignee?: string;
  overdue?: "true" | "false";
  due_this_week?: "true" | "false";
  sort: TaskFilter["sort"];
  limit: number;
  offset: number;
}

/** A task row as the console shows it. */
export function presentTask(deps: Pick<Deps, "catalog">, r: TaskListRow, now: Date): Task {
  const t = r.task;
  return {
    id: t.id,
    connection_id: t.connectionId,
    group: t.group,
    kind: t.kind,
    status: t.status,
    due_at: t.dueAt.toISOString(),
    due_in_ms: t.dueAt.getTime() - now.getTime(),
    sla: slaHealth(t.status, t.dueAt, now),
    assignee: t.assigneeId ? { id: t.assigneeId, email: r.assigneeEmail ?? "" } : null,
    customer_name: r.customerName,
    application_name: r.applicationName,
    provider: { id: r.providerId, display_name: deps.catalog.get(r.providerId)?.display_name ?? r.providerId },
    connection_status: r.connectionStatus,
    created_at: t.createdAt.toISOString(),
    completed_at: t.completedAt?.toISOString() ?? null,
  };
}

/** Provider ids whose display name or id contains the text, ignoring case, spaces and punctuation ("ADP", "adp_work"). */
export function matchingProviders(deps: Pick<Deps, "catalog">, text: string): string[] {
  const key = (s: string) => s.toLowerCase().replace(/[\s_\-.()]+/g, "");
  const wanted = key(text);
  return deps.catalog.all.filter((p) => key(p.display_name).includes(wanted) || key(p.id).includes(wanted)).map((p) => p.id);
}

/** The work queue, filtered and sorted. */
export async function listQueue(
  deps: Pick<Deps, "db" | "clock" | "catalog">,
  q: QueueQuery,
  actorId: string,
): Promise<{ tasks: Task[]; total: number }> {
  const now = deps.clock.now();
  const statuses: TaskStatus[] = q.status === undefined || q.status === "active" ? ["open", "in_progress"] : [q.status];
  const filter: TaskFilter = { statuses, sort: q.sort, limit: q.limit, offset: q.offset };
  if (q.provider) filter.providerIds = matchingProviders(deps, q.provider);
  if (q.assignee === "me") filter.assigneeId = actorId;
  else if (q.assignee === "none") filter.assigneeId = null;
  else if (q.assignee) filter.assigneeId = q.assignee;
  if (q.overdue === "true") filter.dueBefore = now;
  if (q.due_this_week === "true") {
    filter.dueBefore = filter.dueBefore ?? addDays(now, 7);
    if (q.overdue !== "true") filter.dueAfter = now;
  }
  const { rows, total } = await listTasks(deps.db, filter);
  return { tasks: rows.map((r) => presentTask(deps, r, now)), total };
}

/** Counts for the console's summary strip and chart. */
export async function queueSummary(deps: Pick<Deps, "db" | "clock">) {
  const now = deps.clock.now();
  const bySla = { on_track: 0, due_soon: 0, overdue: 0 };
  let dueThisWeek = 0;
  for (const due of await activeDueDates(deps.db)) {
    const health = slaHealth("open", due, now);
    if (health !== "closed") bySla[health]++;
    if (due.getTime() >= now.getTime() && due.getTime() <= addDays(now, 7).getTime()) dueThisWeek++;
  }
  return {
    by_status: await countTasksByStatus(deps.db),
    by_sla: bySla,
    due_this_week: dueThisWeek,
    connections_by_status: await countAssistedConnectionsByStatus(deps.db),
    follow_ups: await countFollowUps(deps.db),
    manual_jobs_open: await countOpenManualJobs(deps.db),
  };
}

/** One task as the queue shows it. */
export async function queueTask(deps: Pick<Deps, "db" | "clock" | "catalog">, id: string): Promise<Task | undefined> {
  const { rows } = await listTasks(deps.db, { ids: [id], sort: "due_asc", limit: 1, offset: 0 });
  return rows[0] ? presentTask(deps, rows[0], deps.clock.now()) : undefined;
}
