/**
 * The upload state machine. An upload is analysed when it is stored and each time its mapping changes; the analysis
 * decides between `needs_mapping`, `invalid` and `valid`. Only a valid upload may be published; published and
 * discarded are final. Commands move an upload through `transitionUpload`; reads never write a state.
 */
import type { UploadStatus } from "../../../contracts/linnet/ops.js";
import { type UploadRow, updateUploadFrom } from "../../db/repositories/uploads.repository.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { type Mapping, REQUIRED_FIELDS } from "../ingestion/index.js";
import { canMove, defineMachine, isFinal } from "../status/machine.js";
import { recordedMove } from "../status/recorded-move.js";

export type { UploadStatus };

/** Legal moves. Re-analysis may keep a state (a new mapping that is still invalid is `invalid → invalid`). */
export const UPLOAD_MACHINE = defineMachine<UploadStatus, "upload">("upload", {
  needs_mapping: ["needs_mapping", "invalid", "valid", "discarded"],
  invalid: ["needs_mapping", "invalid", "valid", "discarded"],
  valid: ["needs_mapping", "invalid", "valid", "published", "discarded"],
  published: [],
  discarded: [],
});

/** The table of legal moves (the console shows `next_statuses` from it). */
export const UPLOAD_TRANSITIONS = UPLOAD_MACHINE.moves;

/** Whether an upload may move from `from` to `to`. */
export function canMoveUpload(from: UploadStatus, to: UploadStatus): boolean {
  return canMove(UPLOAD_MACHINE, from, to);
}

/** Whether an upload is final (published or discarded): its stored report and diff are what it showed then. */
export function isFinalUpload(status: UploadStatus): boolean {
  return isFinal(UPLOAD_MACHINE, status);
}

/** Required fields a mapping leaves without a column (e.g. `source_id`). */
export function unmappedRequired(mapping: Mapping | null, group: "org" | "pay"): string[] {
  return (REQUIRED_FIELDS[group] as readonly string[]).filter(
    (field) => !(mapping?.columns as Record<string, string | undefined> | undefined)?.[field],
  );
}

/** The state an analysis puts an upload in: no usable mapping, blocking errors, or ready. */
export function analysedStatus(mapping: Mapping | null, group: "org" | "pay", report: { ok: boolean } | null): UploadStatus {
  if (!mapping || unmappedRequired(mapping, group).length > 0 || report === null) return "needs_mapping";
  return report.ok ? "valid" : "invalid";
}

/**
 * Move an upload to `to` with the columns that change with it, recording the move in `status_transitions` in the
 * same transaction. Refuses an illegal move, and a move from a state the upload has already left (a concurrent
 * publish or discard): the update only applies while the row is still in `from`.
 */
export async function transitionUpload(
  deps: Pick<Deps, "db" | "clock">,
  upload: UploadRow,
  to: UploadStatus,
  patch: Partial<Pick<UploadRow, "mapping" | "templateId" | "report" | "diff" | "rowCount" | "publishedSnapshotId">> = {},
  actor = "system",
): Promise<Result<UploadRow>> {
  const from = upload.status;
  const next = { ...patch, status: to, updatedAt: deps.clock.now() };
  const moved = await recordedMove(deps, UPLOAD_MACHINE, { id: upload.id, from, to, actor }, (tx) =>
    updateUploadFrom(tx, upload.id, from, next),
  );
  return moved.ok ? ok({ ...upload, ...next }) : moved;
}
