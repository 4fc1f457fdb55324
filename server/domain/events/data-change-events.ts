import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { insertOrgChangeEvents, insertPayChangeEvents } from "../../db/repositories/data-change-events.repository.js";
import { insertEvent } from "../../db/repositories/events.repository.js";
import type { Deps } from "../deps.js";

/**
 * Webhook events of a publish, recorded inside the publish transaction (call it before the connection's pointer
 * moves, so `connection` still names the previous snapshot):
 *
 * - a connection's **first** org / pay publish records `job.initial_data_sync_org.succeeded` /
 *   `job.initial_data_sync_payroll.succeeded` with `{job_id: <snapshot id>, job_url: <public URL of /linnet/connection>}`,
 *   and no per-record events (an initial sync is not a change);
 * - every later publish diffs the previous snapshot against the new one in SQL, by stable id, and records
 *   `company.updated` `{}`, `directory|individual|employment.created|updated|deleted` `{individual_id}` (org), or
 *   `payment.created|updated|deleted` `{payment_id, pay_date}` and `pay_statement.created|updated|deleted`
 *   `{payment_id, individual_id}` (pay). Changes to sealed fields alone (an SSN, a bank number) are not detected.
 */
export async function recordPublishEvents(
  deps: Pick<Deps, "db" | "clock" | "config">,
  connection: ConnectionRow,
  snapshot: { id: string; group: "org" | "pay" },
): Promise<number> {
  const previousSnapshotId = snapshot.group === "org" ? connection.orgSnapshotId : connection.paySnapshotId;
  const createdAt = deps.clock.now();
  if (!previousSnapshotId) {
    await insertEvent(deps.db, {
      type: snapshot.group === "org" ? "job.initial_data_sync_org.succeeded" : "job.initial_data_sync_payroll.succeeded",
      applicationId: connection.applicationId,
      connectionId: connection.id,
      createdAt,
      payload: { job_id: snapshot.id, job_url: `${deps.config.publicUrl}/linnet/connection` },
    });
    return 1;
  }
  const input = {
    applicationId: connection.applicationId,
    connectionId: connection.id,
    previousSnapshotId,
    snapshotId: snapshot.id,
    createdAt,
  };
  return snapshot.group === "org" ? insertOrgChangeEvents(deps.db, input) : insertPayChangeEvents(deps.db, input);
}
