/** What becomes of a delivered file that is not published: held for review or rejected, with its activity entry. */
import { randomUUID } from "node:crypto";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { type ConnectionRow, recordFailedSyncAttempt } from "../../db/repositories/connections.repository.js";
import type { IntakeFileRow } from "../../db/repositories/intake.repository.js";
import { insertTasks } from "../../db/repositories/tasks.repository.js";
import { DAY_MS } from "../clock.js";
import type { Deps } from "../deps.js";
import { moveLockedFile } from "./file-machine.js";
import { failedLines, type VerdictLine } from "./gate.js";

/** The end of the next business day (a held file is reviewed within one business day). */
export function nextBusinessDay(now: Date): Date {
  const due = new Date(now.getTime() + DAY_MS);
  while (due.getUTCDay() === 0 || due.getUTCDay() === 6) due.setTime(due.getTime() + DAY_MS);
  due.setUTCHours(23, 59, 59, 999); // the end of that day: a file held on Saturday is due by Monday night, not Monday 03:00
  return due;
}

/** A verdict of one failed check. */
export const line = (check: string, message: string): VerdictLine[] => [{ check, ok: false, message }];

/** Hold a file for review: a review task in the operators' queue, due within one business day. */
export async function holdFile(
  deps: Deps,
  connection: ConnectionRow,
  file: IntakeFileRow,
  group: "org" | "pay" | null,
  verdict: VerdictLine[],
  extra: Partial<IntakeFileRow> = {},
): Promise<void> {
  const now = deps.clock.now();
  const taskId = randomUUID();
  await insertTasks(deps.db, [
    {
      id: taskId,
      connectionId: connection.id,
      group: group ?? "org",
      kind: "review",
      status: "open",
      dueAt: nextBusinessDay(now),
      createdAt: now,
    },
  ]);
  await moveLockedFile(deps, file, "held", { group, verdict, reviewTaskId: taskId, processedAt: now, ...extra });
  const reasons = failedLines(verdict)
    .map((l) => l.message)
    .join("; ");
  await insertActivity(deps.db, {
    connectionId: connection.id,
    actor: "intake",
    kind: "intake_file_held",
    fromStatus: null,
    toStatus: null,
    message: `Held ${file.fileName} for review: ${reasons}`,
    at: now,
  });
}

/** Reject a file: the data served stays; apps see a failed attempt for the file's group when it is known. */
export async function rejectFile(
  deps: Deps,
  connection: ConnectionRow,
  file: IntakeFileRow,
  group: "org" | "pay" | null,
  verdict: VerdictLine[],
  actor = "intake",
): Promise<void> {
  const now = deps.clock.now();
  await moveLockedFile(deps, file, "rejected", { group, verdict, processedAt: now });
  if (group) await recordFailedSyncAttempt(deps.db, connection.id, now, group);
  await insertActivity(deps.db, {
    connectionId: connection.id,
    actor,
    kind: "intake_file_rejected",
    fromStatus: null,
    toStatus: null,
    message: `Rejected ${file.fileName}: ${failedLines(verdict)
      .map((l) => l.message)
      .join("; ")}`,
    at: now,
  });
}
