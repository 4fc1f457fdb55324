import type { Deps } from "../domain/deps.js";
import type { Result } from "../domain/errors.js";
import type { PublishedSnapshot, PublishMeta } from "../domain/snapshots/publish-org.js";
import { type PayPublishInput, stagePaySnapshot } from "../domain/snapshots/publish-pay.js";
import { transactional } from "../domain/transactional.js";
import { completePublish } from "./complete-publish.js";

/**
 * Command: publish pay data for a connection as a new immutable snapshot, atomically: either everything is
 * stored (payments may be streamed) and the connection points at it (with every effect of `completePublish`), or nothing changes and the
 * previous snapshot keeps being served. After COMMIT the connection's cached state is dropped (`transactional`).
 */
export async function publishPaySnapshot(
  deps: Deps,
  connectionId: string,
  input: PayPublishInput,
  meta: PublishMeta,
): Promise<Result<PublishedSnapshot>> {
  const started = performance.now();
  const result = await transactional(deps.db, async (tx) => {
    const txDeps = { ...deps, db: tx };
    const staged = await stagePaySnapshot(txDeps, connectionId, input);
    return staged.ok ? completePublish(txDeps, staged.value, meta) : staged;
  });
  deps.metrics?.observePublish("pay", result.ok, (performance.now() - started) / 1000);
  return result;
}
