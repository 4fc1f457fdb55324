/** Processing a delivered file exactly once: the decision and its effects commit together or not at all. */
import { randomUUID } from "node:crypto";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { type ConnectionRow, findConnection, recordFailedSyncAttempt } from "../../db/repositories/connections.repository.js";
import { findHeldFile, findSameBytes, type IntakeFileRow, lockIntakeFile } from "../../db/repositories/intake.repository.js";
import { lockConnectionForPublish } from "../../db/repositories/snapshots.repository.js";
import { insertTasks } from "../../db/repositories/tasks.repository.js";
import { DAY_MS } from "../clock.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { publishAnalysis } from "../ops/publish-analysis.js";
import { transactional } from "../transactional.js";
import { analyzeFile } from "./analyze-file.js";
import { type IntakeFileStatus, moveLockedFile } from "./file-machine.js";
import { failedLines, type VerdictLine } from "./gate.js";
import { closeLateOnArrival } from "./lateness.js";

/** The end of the next business day (a held file is reviewed within one business day). */
export function nextBusinessDay(now: Date): Date {
  const due = new Date(now.getTime() + DAY_MS);
  while (due.getUTCDay() === 0 || due.getUTCDay() === 6) due.setTime(due.getTime() + DAY_MS);
  due.setUTCHours(23, 59, 59, 999); // the end of that day: a file held on Saturday is due by Monday night, not Monday 03:00
  return due;
}

const line = (check: string, message: string): VerdictLine[] => [{ check, ok: false, message }];

/** Hold a file for review: a review task in the operators' queue, due within one business day. */
export async function holdFile(deps: Deps, connection: ConnectionRow, file: IntakeFileRow, group: "org" | "pay" | null, verdict: VerdictLine[], extra: Partial<IntakeFileRow> = {}): Promise<void> {
  const now = deps.clock.now();
  const taskId = randomUUID();
  await insertTasks(deps.db, [{ id: taskId, connectionId: connection.id, group: group ?? "org", kind: "review", status: "open", dueAt: nextBusinessDay(now), createdAt: now }]);
  await moveLockedFile(deps, file, "held", { group, verdict, reviewTaskId: taskId, processedAt: now, ...extra });
  const reasons = failedLines(verdict).map((l) => l.message).join("; ");
  await insertActivity(deps.db, { connectionId: connection.id, actor: "intake", kind: "intake_file_held", fromStatus: null, toStatus: null, message: `Held ${file.fileName} for review: ${reasons}`, at: now });
}

/** Reject a file: the data served stays; apps see a failed attempt for the file's group when it is known. */
export async function rejectFile(deps: Deps, connection: ConnectionRow, file: IntakeFileRow, group: "org" | "pay" | null, verdict: VerdictLine[], actor = "intake"): Promise<void> {
  const now = deps.clock.now();
  await moveLockedFile(deps, file, "rejected", { group, verdict, processedAt: now });
  if (group) await recordFailedSyncAttempt(deps.db, connection.id, now, group);
  await insertActivity(deps.db, { connectionId: connection.id, actor, kind: "intake_file_rejected", fromStatus: null, toStatus: null, message: `Rejected ${file.fileName}: ${failedLines(verdict).map((l) => l.message).join("; ")}`, at: now });
}

async function decide(deps: Deps, file: IntakeFileRow, connection: ConnectionRow): Promise<IntakeFileStatus> {
  const now = deps.clock.now();
  if (connection.status === "disconnected") {
    await rejectFile(deps, connection, file, null, line("connection", "The connection is disconnected"));
    return "rejected";
  }
  const same = await findSameBytes(deps.db, connection.id, file.sha256, file.id);
  if (same) {
    const verdict = line("same_bytes", `The same bytes as ${same.fileName}, already ${same.status}: not published twice`);
    await moveLockedFile(deps, file, "duplicate", { group: same.group, verdict, processedAt: now });
    return "duplicate";
  }
  const result = await analyzeFile(deps, connection, file);
  if (result.kind === "unreadable") {
    await rejectFile(deps, connection, file, null, line("readable", result.message));
    return "rejected";
  }
  if (result.kind === "unmatched") {
    await holdFile(deps, connection, file, null, line("recipe", result.message));
    return "held";
  }
  const { analysis, verdict } = result;
  const stored = { report: analysis.report, diff: analysis.diff };
  const earlier = await findHeldFile(deps.db, connection.id, file.id);
  if (earlier) {
    // a held file pauses what follows: publishing a later file would serve data the operator has not seen in order
    await holdFile(deps, connection, file, analysis.group, [...line("paused", `Waiting: an earlier file (${earlier.fileName}) is held for review`), ...verdict], stored);
    return "held";
  }
  if (failedLines(verdict).length > 0) {
    await holdFile(deps, connection, file, analysis.group, verdict, stored);
    return "held";
  }
  const published = await publishAnalysis(deps, connection, analysis, { source: `intake:${file.channel}`, retrievedAt: file.receivedAt });
  if (!published.ok) {
    await rejectFile(deps, connection, file, analysis.group, [...verdict, ...line("publish", published.error.message)]);
    return "rejected";
  }
  await moveLockedFile(deps, file, "published", { group: analysis.group, verdict, snapshotId: published.value.snapshot_id, processedAt: now, ...stored });
  return "published";
}

/**
 * Process a received file once. The file row and the connection are locked, and the decision (publish, hold,
 * reject) commits in the same transaction as its effects: a crash anywhere leaves the file received, and the retry
 * or the sweep processes it again from the start; a second run finds it decided and does nothing.
 */
export async function processIntakeFile(deps: Deps, fileId: string): Promise<Result<IntakeFileStatus | "missing">> {
  let connectionId: string | null = null;
  const result = await transactional(deps.db, async (tx) => {
    const d = { ...deps, db: tx };
    const file = await lockIntakeFile(tx, fileId);
    if (!file) return ok("missing" as const);
    if (file.status !== "received") return ok(file.status);
    connectionId = file.connectionId;
    await lockConnectionForPublish(tx, file.connectionId);
    const connection = await findConnection(tx, file.connectionId);
    if (!connection) {
      await moveLockedFile(d, file, "rejected", { verdict: line("connection", "The connection no longer exists"), processedAt: deps.clock.now() });
      return ok("rejected" as const);
    }
    const status = await decide(d, file, connection);
    await closeLateOnArrival(d, file.id); // a late report of this kind has arrived, whatever the gate says of it
    return ok(status);
  });
  if (connectionId) deps.tokens.invalidateConnection(connectionId);
  return result;
}
