import type { OpsConnection } from "../../../contracts/linnet/ops.js";
import { listActivity } from "../../db/repositories/activity.repository.js";
import { findApplication } from "../../db/repositories/applications.repository.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { listSnapshots } from "../../db/repositories/snapshots.repository.js";
import { listTasks } from "../../db/repositories/tasks.repository.js";
import { listUploadsOfConnection, snapshotDiffs } from "../../db/repositories/uploads.repository.js";
import { actorNames } from "../activity/actor-names.js";
import { assistedInstructions } from "../assisted/instructions.js";
import { CONNECTION_TRANSITIONS, statusLabel } from "../connections/status-machine.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { presentTask } from "./queue.js";

/** Everything the console's connection page shows. */
export async function opsConnectionView(
  deps: Pick<Deps, "db" | "clock" | "catalog" | "config">,
  connectionId: string,
): Promise<Result<OpsConnection>> {
  const c = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!c) return fail("not_found", "Connection not found");
  const app = await findApplication(deps.db, c.applicationId);
  const provider = deps.catalog.get(c.providerId);
  const now = deps.clock.now();
  const snapshots = [...(await listSnapshots(deps.db, c.id, "org")), ...(await listSnapshots(deps.db, c.id, "pay"))].sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime(),
  );
  const diffs = await snapshotDiffs(
    deps.db,
    snapshots.map((s) => s.id),
  );
  const instructions =
    provider?.kind === "assisted"
      ? assistedInstructions(provider, {
          applicationName: app?.name ?? "",
          inviteEmail: c.inviteEmail ?? deps.config.inviteEmail,
          products: c.products,
          config: deps.config,
        })
      : null;
  const appName = app?.name ?? "";
  const activity = (await listActivity(deps.db, c.id)).reverse();
  const nameOf = await actorNames(deps, [...activity.map((a) => a.actor), ...snapshots.map((s) => s.source)], "ops");
  return ok({
    id: c.id,
    customer_id: c.customerId,
    customer_name: c.customerName,
    customer_email: c.customerEmail,
    application: { id: c.applicationId, name: appName },
    provider: { id: c.providerId, display_name: provider?.display_name ?? c.providerId, pay_enabled: provider?.pay_enabled ?? false },
    products: c.products,
    auth_method: c.authMethod,
    status: c.status,
    status_label: statusLabel(c.status),
    status_message: c.statusMessage,
    created_at: c.createdAt.toISOString(),
    access_confirmed_at: c.accessConfirmedAt?.toISOString() ?? null,
    follow_up_at: c.followUpAt?.toISOString() ?? null,
    invite_email: c.inviteEmail,
    instructions: instructions ? { role: instructions.role, method: instructions.method, steps: instructions.steps } : null,
    // connecting happens by publishing data, so it is only offered once data exists
    allowed_statuses: CONNECTION_TRANSITIONS[c.status].filter((s) => s !== "connected" || c.orgSnapshotId || c.paySnapshotId),
    // the queue's own query, so a claimed task shows its assignee here exactly as in the queue
    tasks: (await listTasks(deps.db, { connectionId: c.id, sort: "created_desc", limit: 100, offset: 0 })).rows.map((r) =>
      presentTask(deps, r, now),
    ),
    activity: activity.map((a) => ({
      at: a.at.toISOString(),
      actor: a.actor,
      actor_name: nameOf(a.actor),
      kind: a.kind,
      from_status: a.fromStatus,
      to_status: a.toStatus,
      message: a.message,
    })),
    snapshots: snapshots.map((s) => ({
      id: s.id,
      group: s.group,
      version: s.version,
      source: s.source,
      source_name: nameOf(s.source),
      retrieved_at: s.retrievedAt.toISOString(),
      published_at: s.publishedAt.toISOString(),
      counts: s.counts,
      current: s.id === c.orgSnapshotId || s.id === c.paySnapshotId,
      diff: diffs.get(s.id) ?? null,
    })),
    last_attempts: {
      org: c.orgAttemptedAt && c.orgAttemptResult ? { at: c.orgAttemptedAt.toISOString(), result: c.orgAttemptResult } : null,
      pay: c.payAttemptedAt && c.payAttemptResult ? { at: c.payAttemptedAt.toISOString(), result: c.payAttemptResult } : null,
    },
    uploads: (await listUploadsOfConnection(deps.db, c.id)).map((u) => ({
      id: u.id,
      group: u.group,
      status: u.status,
      file_name: u.fileName,
      created_at: u.createdAt.toISOString(),
      purged_at: u.purgedAt?.toISOString() ?? null,
    })),
  });
}
