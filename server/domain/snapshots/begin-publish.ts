import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { type ConnectionRow, findConnection } from "../../db/repositories/connections.repository.js";
import {
  insertSnapshot,
  lockConnectionForPublish,
  nextSnapshotVersion,
  setCurrentSnapshot,
} from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import type { PublishMeta } from "./publish-org.js";

/** A snapshot whose records are written, inside the publish transaction, but that nothing points at yet. */
export interface StagedSnapshot {
  /** The connection row as locked at the start of the publish. */
  connection: ConnectionRow;
  snapshot: { id: string; group: "org" | "pay"; version: number; counts: Record<string, number>; summary: string };
}

/**
 * The common start of every publish, inside its transaction: lock the connection row (publishes of one connection
 * run one at a time), refuse a missing or disconnected connection, and mint the new snapshot's id and version.
 */
export async function beginPublish(
  tx: Db,
  connectionId: string,
  group: "org" | "pay",
): Promise<Result<{ connection: ConnectionRow; snapshotId: string; version: number }>> {
  await lockConnectionForPublish(tx, connectionId);
  const connection = await findConnection(tx, connectionId);
  if (!connection) return fail("not_found", "Connection not found");
  if (connection.status === "disconnected") return fail("invalid_request", "The connection is disconnected");
  return ok({ connection, snapshotId: randomUUID(), version: await nextSnapshotVersion(tx, connectionId, group) });
}

/** Store the snapshot row, move the connection's pointer to it and log the activity entry (in the publish transaction). */
export async function recordSnapshot(deps: Pick<Deps, "db" | "clock">, staged: StagedSnapshot, meta: PublishMeta): Promise<void> {
  const { connection, snapshot } = staged;
  const { id, group, version, counts } = snapshot;
  const now = deps.clock.now();
  await insertSnapshot(deps.db, {
    id,
    connectionId: connection.id,
    group,
    version,
    source: meta.source,
    retrievedAt: meta.retrievedAt,
    publishedAt: now,
    counts,
  });
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
}
