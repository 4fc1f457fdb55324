import type { OrgSnapshotInput, PaySnapshotInput } from "../../contracts/linnet/snapshot-input.js";
import { findConnection } from "../db/repositories/connections.repository.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { isUuid } from "../domain/ids.js";
import type { ValidationReport } from "../domain/ingestion/index.js";
import { analyzeJson } from "../domain/ops/upload-analysis.js";
import { publishAnalysis } from "./publish-analysis.js";

/** Command: validate JSON data like an upload (ops/) and publish it (pay data merges into the history; every effect of a publish). */
export async function ingestJson(
  deps: Deps,
  userId: string,
  connectionId: string,
  group: "org" | "pay",
  data: OrgSnapshotInput | PaySnapshotInput,
  opts: { retrievedAt: Date; confirm: boolean },
): Promise<Result<{ snapshot_id: string; version: number; report: ValidationReport }>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "connection_id: no such connection");
  const analysis = await analyzeJson(deps, connection, group, data);
  if (!analysis.report.ok) {
    const first = analysis.report.errors.slice(0, 5).map((e) => `${e.field ?? e.code}: ${e.message}`);
    return fail(
      "invalid_request",
      `The data has ${analysis.report.counts.errors ?? analysis.report.errors.length} errors: ${first.join("; ")}`,
    );
  }
  if (analysis.report.requiresConfirmation && !opts.confirm)
    return fail("confirmation_required", `Confirm before publishing: ${analysis.report.confirmationReason ?? ""}`);
  const meta = { source: `operator:${userId}`, retrievedAt: opts.retrievedAt };
  const published = await publishAnalysis(deps, connection, analysis, meta);
  if (!published.ok) return published;
  return ok({ snapshot_id: published.value.snapshot_id, version: published.value.version, report: analysis.report });
}
