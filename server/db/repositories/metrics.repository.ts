import { sql } from "drizzle-orm";
import type { Db } from "../client.js";

/** Counts of the database's operational state at one scrape (no tenant data: totals only). */
export interface OperationalCounts {
  /** pg-boss jobs per queue name: waiting (created or retry) and active. */
  jobs: { queue: string; queued: number; active: number }[];
  /** Domain events the webhook fan-out has not taken yet. */
  eventsAwaitingFanOut: number;
  /** Outbox rows not delivered yet, to enabled endpoints. */
  deliveriesPending: number;
  /** Endpoints whose recent attempts all failed, and endpoints disabled. */
  endpointsFailing: number;
  endpointsDisabled: number;
  /** Open assisted tasks not yet due, and past due. */
  tasksDue: number;
  tasksOverdue: number;
}

const rows = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Totals for the operational gauges, in two statements (counts through indexes on states; no tenant data). */
export async function readOperationalCounts(db: Db, now: Date): Promise<OperationalCounts> {
  const at = now.toISOString();
  const jobRows = rows<{ queue: string; queued: number; active: number }>(
    await db.execute(sql`
      select name as queue, count(*) filter (where state in ('created', 'retry'))::int as queued,
        count(*) filter (where state = 'active')::int as active
      from pgboss.job where state in ('created', 'retry', 'active') group by name order by name`),
  );
  const [c] = rows<Record<string, number>>(
    await db.execute(sql`select
      (select count(*) from events where fanned_out_at is null)::int as awaiting,
      (select count(*) from webhook_deliveries d join webhook_endpoints ep on ep.id = d.endpoint_id where d.state = 'pending' and ep.enabled)::int as pending,
      (select count(*) from webhook_endpoints where enabled and failing_since is not null)::int as failing,
      (select count(*) from webhook_endpoints where not enabled)::int as disabled,
      (select count(*) from assisted_tasks where status in ('open', 'in_progress') and due_at >= ${at}::timestamptz)::int as due,
      (select count(*) from assisted_tasks where status in ('open', 'in_progress') and due_at < ${at}::timestamptz)::int as overdue`),
  );
  const n = (k: string) => Number(c?.[k] ?? 0);
  return {
    jobs: jobRows.map((r) => ({ queue: r.queue, queued: Number(r.queued), active: Number(r.active) })),
    eventsAwaitingFanOut: n("awaiting"),
    deliveriesPending: n("pending"),
    endpointsFailing: n("failing"),
    endpointsDisabled: n("disabled"),
    tasksDue: n("due"),
    tasksOverdue: n("overdue"),
  };
}
