import type { OrgSnapshotInput } from "../../contracts/linnet/snapshot-input.js";
import type { Deps } from "../domain/deps.js";
import type { Result } from "../domain/errors.js";
import { type PublishedSnapshot, type PublishMeta, stageOrgSnapshot } from "../domain/snapshots/publish-org.js";
import { transactional } from "../domain/transactional.js";
import { completePublish } from "./complete-publish.js";

/**
 * Command: publish organization data for a connection as a new immutable snapshot, atomically: either everything is
 * stored and the connection points at it (with every effect of `completePublish`), or nothing changes and the
 * previous snapshot keeps being served. After COMMIT the connection's cached state is dropped (`transactional`).
 */
export async function publishOrgSnapshot(
  deps: Deps,
  connectionId: string,
  input: OrgSnapshotInput,
  meta: PublishMeta,
): Promise<Result<PublishedSnapshot>> {
  const started = performance.now();
  const result = await transactional(deps.db, async (tx) => {
    const txDeps = { ...deps, db: tx };
    const staged = await stageOrgSnapshot(txDeps, connectionId, input);
    return staged.ok ? completePublish(txDeps, staged.value, meta) : staged;
  });
  deps.metrics?.observePublish("org", result.ok, (performance.now() - started) / 1000);
  return result;
}
