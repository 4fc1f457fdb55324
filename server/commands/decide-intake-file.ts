/** An operator's decision on a held file: publish it anyway, reject it, or re-run it after fixing the recipe. */
import { insertActivity } from "../db/repositories/activity.repository.js";
import { findConnection } from "../db/repositories/connections.repository.js";
import {
  findIntakeFile,
  type IntakeFileRow,
  listIntakeFiles,
  lockIntakeFile,
  updateIntakeFile,
} from "../db/repositories/intake.repository.js";
import { updateTask } from "../db/repositories/tasks.repository.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { isUuid } from "../domain/ids.js";
import { analyzeFile } from "../domain/intake/analyze-file.js";
import { canMoveFile, type IntakeFileStatus, moveLockedFile, transitionIntakeFile } from "../domain/intake/file-machine.js";
import { rejectFile } from "../domain/intake/file-outcomes.js";
import { INTAKE_PROCESS_QUEUE } from "../domain/intake/receive-file.js";
import { transactional } from "../domain/transactional.js";
import { publishAnalysis } from "./publish-analysis.js";

/** What an operator decides. */
export type Decision = { action: "publish"; reason: string } | { action: "reject"; reason: string } | { action: "rerun" };

async function lockHeld(tx: Deps["db"], id: string, to: IntakeFileStatus): Promise<Result<IntakeFileRow>> {
  const file = isUuid(id) ? await lockIntakeFile(tx, id) : undefined;
  if (!file) return fail("not_found", "File not found");
  if (!canMoveFile(file.status, to))
    return fail("invalid_request", `status: a ${file.status} file cannot be ${to === "received" ? "re-run" : to}`);
  return ok(file);
}

/** Files held only because an earlier one was: once it is decided they run again, in arrival order. */
async function resumePaused(deps: Deps, connectionId: string): Promise<void> {
  const held = await listIntakeFiles(deps.db, { connectionId, status: "held", limit: 100 });
  for (const f of held.reverse()) {
    const failed = (f.verdict ?? []).filter((l) => !l.ok);
    if (failed.length === 0 || failed[0]?.check !== "paused") continue;
    // the move is conditional: when an operator decided this file meanwhile, it is not resumed
    if (!(await transitionIntakeFile(deps, f, "received", { verdict: null, reviewTaskId: null })).ok) continue;
    if (f.reviewTaskId) await updateTask(deps.db, f.reviewTaskId, { status: "cancelled", completedAt: deps.clock.now() });
    await deps.jobs.send(INTAKE_PROCESS_QUEUE, { fileId: f.id });
    break; // the next one resumes after this one is decided, keeping the order
  }
}

/**
 * Command: carry out an operator's decision on a held file: publish anyway (every effect of a publish), reject (a
 * failed attempt for apps) or re-run; the review task is closed and the files waiting behind it are queued again.
 */
export async function decideFile(
  deps: Deps,
  userId: string,
  fileId: string,
  decision: Decision,
): Promise<Result<{ status: IntakeFileStatus }>> {
  const to: IntakeFileStatus = decision.action === "publish" ? "published" : decision.action === "reject" ? "rejected" : "received";
  const actor = `operator:${userId}`;
  const result = await transactional<{ status: IntakeFileStatus }>(deps.db, async (tx) => {
    const d = { ...deps, db: tx };
    const locked = await lockHeld(tx, fileId, to);
    if (!locked.ok) return locked;
    const file = locked.value;
    const connection = await findConnection(tx, file.connectionId);
    if (!connection) return fail("not_found", "Connection not found");
    const now = deps.clock.now();
    const reason = decision.action === "rerun" ? null : decision.reason;
    if (decision.action === "rerun") {
      if (file.reviewTaskId) await updateTask(tx, file.reviewTaskId, { status: "cancelled", completedAt: now });
      await moveLockedFile(d, file, "received", { verdict: null, reviewTaskId: null, decidedBy: actor });
      await insertActivity(tx, {
        connectionId: connection.id,
        actor,
        kind: "intake_file_rerun",
        fromStatus: null,
        toStatus: null,
        message: `Re-running ${file.fileName}`,
        at: now,
      });
      return ok({ status: "received" });
    }
    if (decision.action === "reject") {
      const verdict = [...(file.verdict ?? []), { check: "operator", ok: false, message: `Rejected by an operator: ${reason}` }];
      await rejectFile(d, connection, file, file.group, verdict, actor);
      if (file.reviewTaskId) await updateTask(tx, file.reviewTaskId, { status: "done", completedAt: now });
      await updateIntakeFile(tx, file.id, { decidedBy: actor, decisionReason: reason });
      return ok({ status: "rejected" });
    }
    const analysed = await analyzeFile(d, connection, file);
    if (analysed.kind !== "analysed") return fail("invalid_request", `${analysed.message}; fix the recipe and re-run instead`);
    if (!analysed.analysis.report.ok)
      return fail("invalid_request", "The file has blocking validation errors; fix the recipe and re-run instead");
    const published = await publishAnalysis(d, connection, analysed.analysis, { source: actor, retrievedAt: file.receivedAt });
    if (!published.ok) return published;
    // the publish completed the group's tasks, the review task among them
    await moveLockedFile(d, file, "published", {
      group: analysed.analysis.group,
      snapshotId: published.value.snapshot_id,
      decidedBy: actor,
      decisionReason: reason,
      processedAt: now,
    });
    await insertActivity(tx, {
      connectionId: connection.id,
      actor,
      kind: "intake_file_published",
      fromStatus: null,
      toStatus: null,
      message: `Published the held file ${file.fileName} anyway: ${reason}`,
      at: now,
    });
    return ok({ status: "published" });
  });
  if (!result.ok) return result;
  const file = await findIntakeFile(deps.db, fileId);
  if (file) {
    if (decision.action === "rerun") await deps.jobs.send(INTAKE_PROCESS_QUEUE, { fileId });
    else await resumePaused(deps, file.connectionId);
  }
  return result;
}
