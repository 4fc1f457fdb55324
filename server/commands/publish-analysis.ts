import type { OrgSnapshotInput } from "../../contracts/linnet/snapshot-input.js";
import type { ConnectionRow } from "../db/repositories/connections.repository.js";
import type { Deps } from "../domain/deps.js";
import type { Result } from "../domain/errors.js";
import type { UploadAnalysis } from "../domain/ops/upload-analysis.js";
import type { PublishedSnapshot, PublishMeta } from "../domain/snapshots/publish-org.js";
import { publishOrgSnapshot } from "./publish-org.js";
import { publishPaySnapshot } from "./publish-pay.js";

/**
 * Command: the one way an analysed file becomes served data (`publishOrgSnapshot` / `publishPaySnapshot`, with
 * every effect of `completePublish`), whoever delivered it (an operator's upload, a scheduled report
 * through the SFTP inbox or the files API): a census replaces the people, a register merges its payments.
 */
export function publishAnalysis(
  deps: Deps,
  connection: ConnectionRow,
  analysis: UploadAnalysis,
  meta: PublishMeta,
): Promise<Result<PublishedSnapshot>> {
  return analysis.group === "org"
    ? publishOrgSnapshot(deps, connection.id, analysis.input as OrgSnapshotInput, meta)
    : publishPaySnapshot(deps, connection.id, { ...analysis.input, mode: "merge" }, meta);
}
