/**
 * The upload state machine. An upload is analysed when it is stored and each time its mapping changes; the analysis
 * decides between `needs_mapping`, `invalid` and `valid`. Only a valid upload may be published; published and
 * discarded are final. Commands move an upload through `transitionUpload`; reads never write a state.
 */
import type { UploadStatus } from "../../../contracts/linnet/ops.js";
import { type UploadRow, updateUploadFrom } from "../../db/repositories/uploads.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { type Mapping, REQUIRED_FIELDS } from "../ingestion/index.js";

export type { UploadStatus };

/** Legal moves. Re-analysis may keep a state (a new mapping that is still invalid is `invalid → invalid`). */
export const UPLOAD_TRANSITIONS: Record<UploadStatus, readonly UploadStatus[]> = {
  needs_mapping: ["needs_mapping", "invalid", "valid", "discarded"],
  invalid: ["needs_mapping", "invalid", "valid", "discarded"],
  valid: ["needs_mapping", "invalid", "valid", "published", "discarded"],
  published: [],
  discarded: [],
};

/** Whether an upload may move from `from` to `to`. */
export function canMoveUpload(from: UploadStatus, to: UploadStatus): boolean {
  return UPLOAD_TRANSITIONS[from].includes(to);
}

/** Whether an upload is final (published or discarded): its stored report and diff are what it showed then. */
export function isFinalUpload(status: UploadStatus): boolean {
  return UPLOAD_TRANSITIONS[status].length === 0;
}

/** Required fields a mapping leaves without a column (e.g. `source_id`). */
export function unmappedRequired(mapping: Mapping | null, group: "org" | "pay"): string[] {
  return (REQUIRED_FIELDS[group] as readonly string[]).filter((field) => !(mapping?.columns as Record<string, string | undefined> | undefined)?.[field]);
}

/** The state an analysis puts an upload in: no usable mapping, blocking errors, or ready. */
export function analysedStatus(mapping: Mapping | null, group: "org" | "pay", report: { ok: boolean } | null): UploadStatus {
  if (!mapping || unmappedRequired(mapping, group).length > 0 || report === null) return "needs_mapping";
  return report.ok ? "valid" : "invalid";
}

/**
 * Move an upload to `to` with the columns that change with it. Refuses an illegal move, and a move from a state the
 * upload has already left (a concurrent publish or discard): the update only applies while the row is still in `from`.
 */
export async function transitionUpload(
  deps: Pick<Deps, "db" | "clock">,
  upload: UploadRow,
  to: UploadStatus,
  patch: Partial<Pick<UploadRow, "mapping" | "templateId" | "report" | "diff" | "rowCount" | "publishedSnapshotId">> = {},
): Promise<Result<UploadRow>> {
  const from = upload.status;
  if (!canMoveUpload(from, to)) return fail("invalid_request", `The upload is ${from.replace("_", " ")} and cannot become ${to.replace("_", " ")}`);
  const next = { ...patch, status: to, updatedAt: deps.clock.now() };
  if (!(await updateUploadFrom(deps.db, upload.id, from, next))) return fail("invalid_request", "The upload changed meanwhile; reload it");
  return ok({ ...upload, ...next });
}
