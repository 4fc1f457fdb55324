/** What the benchmarks read back from the database: delivered files by status, and the operators' tasks. */
import { and, count, eq, ilike, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../../server/db/client.js";
import { events } from "../../../server/db/schema/activity.js";
import { intakeFiles } from "../../../server/db/schema/intake.js";
import { assistedTasks } from "../../../server/db/schema/operations.js";

/** Delivered files of a channel (or all) by status. */
export async function filesByStatus(db: Db, channel?: "sftp" | "api"): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: intakeFiles.status, n: count() })
    .from(intakeFiles)
    .where(channel ? eq(intakeFiles.channel, channel) : undefined)
    .groupBy(intakeFiles.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Milliseconds from `since` to each decided file's decision, for one channel. */
export async function decisionLatencies(db: Db, channel: "sftp" | "api", since: number): Promise<number[]> {
  const rows = await db
    .select({ at: intakeFiles.processedAt })
    .from(intakeFiles)
    .where(and(eq(intakeFiles.channel, channel), isNotNull(intakeFiles.processedAt)));
  return rows.map((r) => r.at!.getTime() - since).sort((a, b) => a - b);
}

/** The files of the given connections and what the gate said, for the simulation's tally. */
export async function fileOutcomes(
  db: Db,
): Promise<{ id: string; connectionId: string; status: string; fileName: string; decidedBy: string | null; paused: boolean }[]> {
  const rows = await db
    .select({
      id: intakeFiles.id,
      connectionId: intakeFiles.connectionId,
      status: intakeFiles.status,
      fileName: intakeFiles.fileName,
      decidedBy: intakeFiles.decidedBy,
      verdict: intakeFiles.verdict,
    })
    .from(intakeFiles);
  return rows.map(({ verdict, ...r }) => ({ ...r, paused: verdict?.[0]?.check === "paused" }));
}

/** Tasks of the given kinds: due, completed, and when the SLA sweep raised them as overdue. */
export async function tasksOf(db: Db, kinds: ("initial" | "refresh" | "review")[]) {
  return db
    .select({
      kind: assistedTasks.kind,
      status: assistedTasks.status,
      dueAt: assistedTasks.dueAt,
      completedAt: assistedTasks.completedAt,
      overdueAt: assistedTasks.overdueAt,
    })
    .from(assistedTasks)
    .where(inArray(assistedTasks.kind, kinds));
}

/** Events whose type names a late report (the late-file detection's event, once it runs). */
export async function lateEvents(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(events).where(ilike(events.type, "%late%"));
  return Number(row?.n ?? 0);
}

/** Review tasks still open or in progress (each is an operator action waiting). */
export async function openReviews(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(assistedTasks)
    .where(and(eq(assistedTasks.kind, "review"), inArray(assistedTasks.status, ["open", "in_progress"])));
  return Number(row?.n ?? 0);
}
