import type { UploadView } from "../../contracts/linnet/ops.js";
import { findConnection } from "../db/repositories/connections.repository.js";
import type { Deps } from "../domain/deps.js";
import { fail, type Result } from "../domain/errors.js";
import { keepRecipe } from "../domain/intake/recipes.js";
import { analysedStatus, isFinalUpload, transitionUpload } from "../domain/ops/upload-machine.js";
import { analyzeIfMapped, presentUpload } from "../domain/ops/upload-view.js";
import { loadUpload, tableOf } from "../domain/ops/uploads.js";
import { transactional } from "../domain/transactional.js";
import { publishAnalysis } from "./publish-analysis.js";

/**
 * Command: an operator publishes an upload. Effects, in one transaction: the snapshot and everything a publish does
 * (`publishAnalysis` → `completePublish`), the connection's recipe for scheduled reports (intake), and the upload's
 * move to `published` (ops).
 */
/** Publish an upload's data as a new snapshot; errors block, warnings needing confirmation need `confirm`. */
export async function publishUpload(
  deps: Deps,
  userId: string,
  id: string,
  opts: { retrievedAt?: Date; confirm: boolean },
): Promise<Result<UploadView>> {
  const upload = await loadUpload(deps, id);
  if (!upload.ok) return upload;
  if (isFinalUpload(upload.value.status)) return fail("invalid_request", `This upload was already ${upload.value.status}`);
  const connection = await findConnection(deps.db, upload.value.connectionId);
  const mapping = upload.value.mapping;
  if (!connection || !mapping) return fail("invalid_request", "Choose a mapping before publishing");
  const parsed = await tableOf(deps, upload.value);
  if (!parsed.ok) return parsed;
  const analysis = await analyzeIfMapped(deps, connection, upload.value, parsed.value, mapping);
  if (!analysis) return fail("invalid_request", "Choose a mapping before publishing");
  const state = analysedStatus(mapping, upload.value.group, analysis.report);
  let current = upload.value;
  if (current.status !== state) {
    // the current data may have changed since the mapping was applied: record what the file is now
    const moved = await transitionUpload(deps, current, state, { report: analysis.report, diff: analysis.diff }, `user:${userId}`);
    if (!moved.ok) return moved;
    current = moved.value;
  }
  if (state === "needs_mapping") return fail("invalid_request", "Choose a mapping before publishing");
  if (!analysis.report.ok)
    return fail(
      "invalid_request",
      `The file has ${analysis.report.counts.errors ?? analysis.report.errors.length} errors; fix them before publishing`,
    );
  if (analysis.report.requiresConfirmation && !opts.confirm) {
    return fail(
      "confirmation_required",
      `Confirm before publishing: ${analysis.report.confirmationReason ?? "this file needs confirmation"}`,
    );
  }
  const meta = { source: `operator:${userId}`, retrievedAt: opts.retrievedAt ?? deps.clock.now() };
  // the publish, the recipe and the upload's move commit together: of two operators publishing the same upload at
  // once, the second's move finds it published already, and its whole publish rolls back (one snapshot, not two)
  const done = await transactional(deps.db, async (tx) => {
    const d = { ...deps, db: tx };
    const published = await publishAnalysis(d, connection, analysis, meta);
    if (!published.ok) return published;
    // the mapping that worked becomes the connection's recipe for scheduled reports of this kind (the first one only)
    await keepRecipe(d, connection.id, {
      group: analysis.group,
      name: mapping.templateName ?? `Mapping of ${upload.value.fileName}`,
      mapping,
      table: parsed.value,
    });
    // the diff kept is the one computed before the publish: afterwards the current data is this very file
    const patch = { publishedSnapshotId: published.value.snapshot_id, report: analysis.report, diff: analysis.diff };
    return transitionUpload(d, current, "published", patch, `user:${userId}`);
  });
  return done.ok ? presentUpload(deps, connection, done.value, parsed.value) : done;
}
