import { onSnapshotPublished } from "../domain/assisted/tasks.js";
import { verifyBenefitWrites } from "../domain/benefits/verify-writes.js";
import { markConnectedByPublish } from "../domain/connections/mark-connected.js";
import type { Deps } from "../domain/deps.js";
import { ok, type Result } from "../domain/errors.js";
import { recordPublishEvents } from "../domain/events/data-change-events.js";
import { recordSnapshot, type StagedSnapshot } from "../domain/snapshots/begin-publish.js";
import type { PublishedSnapshot, PublishMeta } from "../domain/snapshots/publish-org.js";

/**
 * What happens after a publish, in its transaction (`deps.db` is the transaction), in this order:
 *
 * 1. events: the data-change webhook events (events/), computed before the pointer moves (they diff old and new);
 * 2. the snapshot row, the connection's pointer and the activity entry (snapshots/);
 * 3. tasks: the group's task done and the next refresh opened (assisted/);
 * 4. benefit verification: completed deduction changes checked against the new payroll (benefits/);
 * 5. connection status: a first publish moves an assisted connection to connected (connections/).
 *
 * Cache invalidation is not here: `transactional` drops the connection's cached state after COMMIT.
 */
export async function completePublish(deps: Deps, staged: StagedSnapshot, meta: PublishMeta): Promise<Result<PublishedSnapshot>> {
  const { connection, snapshot } = staged;
  await recordPublishEvents(deps, connection, snapshot);
  await recordSnapshot(deps, staged, meta);
  await onSnapshotPublished(deps, connection, snapshot.group, snapshot.id, meta.retrievedAt);
  await verifyBenefitWrites(deps, connection, { id: snapshot.id, group: snapshot.group });
  const connected = await markConnectedByPublish(deps, connection, meta.source);
  if (!connected.ok) return connected;
  return ok({ snapshot_id: snapshot.id, version: snapshot.version, counts: snapshot.counts });
}
