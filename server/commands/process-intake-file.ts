import { type ConnectionRow, findConnection } from "../db/repositories/connections.repository.js";
import { findHeldFile, findSameBytes, type IntakeFileRow, lockIntakeFile } from "../db/repositories/intake.repository.js";
import { lockConnectionForPublish } from "../db/repositories/snapshots.repository.js";
import type { Deps } from "../domain/deps.js";
import { ok, type Result } from "../domain/errors.js";
import { analyzeFile } from "../domain/intake/analyze-file.js";
import { type IntakeFileStatus, moveLockedFile } from "../domain/intake/file-machine.js";
import { holdFile, line, rejectFile } from "../domain/intake/file-outcomes.js";
import { failedLines } from "../domain/intake/gate.js";
import { closeLateOnArrival } from "../domain/intake/lateness.js";
import { transactional } from "../domain/transactional.js";
import { publishAnalysis } from "./publish-analysis.js";

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
    await holdFile(
      deps,
      connection,
      file,
      analysis.group,
      [...line("paused", `Waiting: an earlier file (${earlier.fileName}) is held for review`), ...verdict],
      stored,
    );
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
  await moveLockedFile(deps, file, "published", {
    group: analysis.group,
    verdict,
    snapshotId: published.value.snapshot_id,
    processedAt: now,
    ...stored,
  });
  return "published";
}

/**
 * Command: process a received file once. Effects, in one transaction: the gate's verdict on the file (intake/), then
 * a publish (every effect of `completePublish`), a hold (a review task) or a rejection (a failed attempt), and the
 * close of a late-report episode. The file row and the connection are locked, and the decision (publish, hold,
 * reject) commits in the same transaction as its effects: a crash anywhere leaves the file received, and the retry
 * or the sweep processes it again from the start; a second run finds it decided and does nothing.
 */
export async function processIntakeFile(deps: Deps, fileId: string): Promise<Result<IntakeFileStatus | "missing">> {
  const result = await transactional(deps.db, async (tx) => {
    const d = { ...deps, db: tx };
    const file = await lockIntakeFile(tx, fileId);
    if (!file) return ok("missing" as const);
    if (file.status !== "received") return ok(file.status);
    await lockConnectionForPublish(tx, file.connectionId);
    const connection = await findConnection(tx, file.connectionId);
    if (!connection) {
      await moveLockedFile(d, file, "rejected", {
        verdict: line("connection", "The connection no longer exists"),
        processedAt: deps.clock.now(),
      });
      return ok("rejected" as const);
    }
    const status = await decide(d, file, connection);
    await closeLateOnArrival(d, file.id); // a late report of this kind has arrived, whatever the gate says of it
    return ok(status);
  });
  return result;
}
