import { insertActivity } from "../../db/repositories/activity.repository.js";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { type ConnectionRow, findConnection } from "../../db/repositories/connections.repository.js";
import { insertSnapshot, lockConnectionForPublish, nextSnapshotVersion, setCurrentSnapshot } from "../../db/repositories/snapshots.repository.js";
import { onSnapshotPublished } from "../assisted/tasks.js";
import { verifyBenefitWrites } from "../benefits/verify-writes.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { recordPublishEvents } from "../events/data-change-events.js";
import { markConnectedByPublish } from "./mark-connected.js";
import type { PublishedSnapshot, PublishMeta } from "./publish-org.js";

/**
 * The common start of every publish, inside its transaction: lock the connection row (publishes of one connection
 * run one at a time), refuse a missing or disconnected connection, and mint the new snapshot's id and version.
 */
export async function beginPublish(tx: Db, connectionId: string, group: "org" | "pay"): Promise<Result<{ connection: ConnectionRow; snapshotId: string; version: number }>> {
  await lockConnectionForPublish(tx, connectionId);
  const connection = await findConnection(tx, connectionId);
  if (!connection) return fail("not_found", "Connection not found");
  if (connection.status === "disconnected") return fail("invalid_request", "The connection is disconnected");
  return ok({ connection, snapshotId: randomUUID(), version: await nextSnapshotVersion(tx, connectionId, group) });
}

/**
 * The common end of every publish, inside its transaction: the snapshot row, the connection's pointer, the activity
 * entry, the work queue (task done, next refresh) and, for a first publish, the move to connected.
 */
export async function completePublish(
  deps: Deps,
  connection: ConnectionRow,
  snapshot: { id: string; group: "org" | "pay"; version: number; counts: Record<string, number>; summary: string },
  meta: PublishMeta,
): Promise<Result<PublishedSnapshot>> {
  const now = deps.clock.now();
  const { id, group, version, counts } = snapshot;
  await recordPublishEvents(deps, connection, snapshot);
  await insertSnapshot(deps.db, { id, connectionId: connection.id, group, version, source: meta.source, retrievedAt: meta.retrievedAt, publishedAt: now, counts });
  await setCurrentSnapshot(deps.db, connection.id, group, id, meta.retrievedAt);
  await insertActivity(deps.db, {
    connectionId: connection.id,
    actor: meta.source,
    kind: "snapshot_published",
    fromStatus: null,
    toStatus: null,
    message: `Published ${group === "org" ? "organization" : "pay"} data v${version}: ${snapshot.summary}, pulled ${meta.retrievedAt.toISOString()}`,
    at: now,
  });
  await onSnapshotPublished(deps, connection, group, id, meta.retrievedAt);
  await verifyBenefitWrites(deps, connection, { id, group });
  const connected = await markConnectedByPublish(deps, connection, meta.source);
  if (!connected.ok) return connected;
  return ok({ snapshot_id: id, version, counts });
}
