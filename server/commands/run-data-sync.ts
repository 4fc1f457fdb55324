import { type AutomatedJobRow, findAutomatedJob, lockAutomatedJob } from "../db/repositories/automated-jobs.repository.js";
import { type ConnectionRow, findConnection, recordFailedSyncAttempt } from "../db/repositories/connections.repository.js";
import { insertEvent } from "../db/repositories/events.repository.js";
import { findSandboxCompany } from "../db/repositories/sandbox.repository.js";
import { transitionConnection } from "../domain/connections/transition.js";
import { type AutomatedJobStatus, transitionAutomatedJob } from "../domain/data-syncs/automated-job-machine.js";
import { jobUrl } from "../domain/data-syncs/automated-sync.js";
import type { Deps } from "../domain/deps.js";
import { ok } from "../domain/errors.js";
import { transactional } from "../domain/transactional.js";
import { publishSandboxData } from "./publish-sandbox-data.js";

/*
 * Command: run a data sync (the `data-sync` queue). Effects, in the job's transaction: the sandbox data republished
 * (`publishSandboxData`, with every effect of a publish), or the connection's status moved (connections/) or a failed
 * attempt recorded (the attempt headers); the job's final status and its `job.data_sync_all.completed` event.
 * Cached connection state is dropped after COMMIT (`transactional`).
 */

/**
 * Finish a job with a status and, for failures, what the connection learns from it; in the same transaction, a
 * `job.data_sync_all.completed` event `{job_id, job_url}` (sent on success and on error, as Finch does).
 */
async function finish(
  deps: Deps,
  job: AutomatedJobRow,
  status: Exclude<AutomatedJobStatus, "pending" | "in_progress">,
  error: string | null,
  connection?: ConnectionRow,
): Promise<void> {
  const now = deps.clock.now();
  await transactional(deps.db, async (tx) => {
    // the caller holds the job's row lock in `in_progress`, so a refusal here is a bug: it rolls the run back
    const moved = await transitionAutomatedJob(
      { db: tx, clock: deps.clock },
      job,
      job.status,
      status,
      { error, completedAt: now },
      { reason: error },
    );
    if (!moved.ok) throw moved.error;
    if (connection && status !== "complete") await recordFailedSyncAttempt(tx, connection.id, now);
    if (connection) {
      const payload = { job_id: job.id, job_url: jobUrl(deps, job.id) };
      await insertEvent(tx, {
        type: "job.data_sync_all.completed",
        applicationId: connection.applicationId,
        connectionId: connection.id,
        createdAt: now,
        payload,
      });
    }
    return ok(undefined);
  });
}

/**
 * Run a data sync. Sandbox connections end as their sandbox configuration says: `complete` republishes the data
 * (a new snapshot pulled now), `reauth_error` and `permissions_error` move the connection to the matching state.
 *
 * Exactly once under at-least-once delivery: the publish and the job's final status commit in one transaction that
 * holds the job's row lock. A run cut short (the process killed, its lease expired) rolls back entirely, so the retry
 * finds the job still `in_progress` and starts over; a retry that overlaps a run still in progress waits on the lock
 * and then finds the job finished.
 */
export async function runDataSync(deps: Deps, jobId: string): Promise<void> {
  const job = await findAutomatedJob(deps.db, jobId);
  if (job?.status !== "pending" && job?.status !== "in_progress") return; // finished (at-least-once delivery)
  // one worker takes a pending job: the move is conditional, so a second one finds it taken and waits on the lock
  if (job.status === "pending") await transitionAutomatedJob(deps, job, "pending", "in_progress", { startedAt: deps.clock.now() });
  await transactional(deps.db, async (tx) => {
    const locked = await lockAutomatedJob(tx, job.id);
    if (locked?.status !== "in_progress") return ok(undefined);
    await syncLocked({ ...deps, db: tx }, locked);
    return ok(undefined);
  });
}

/** The body of a data sync, inside the job's transaction. */
async function syncLocked(deps: Deps, job: AutomatedJobRow): Promise<void> {
  const connection = await findConnection(deps.db, job.connectionId);
  const company = connection ? await findSandboxCompany(deps.db, connection.companyId) : undefined;
  if (!connection || connection.status === "disconnected" || !company) {
    await finish(
      deps,
      job,
      "error",
      connection ? "No automated integration is available for this connection" : "Connection not found",
      connection,
    );
    return;
  }
  const outcome = company.syncOutcome;
  if (outcome === "reauth_error" || outcome === "permissions_error") {
    const to = outcome === "reauth_error" ? "reauth" : "error_permissions";
    await transactional(deps.db, (tx) =>
      transitionConnection({ ...deps, db: tx }, connection, to, { actor: "system", reason: `Data sync ended with ${outcome}` }),
    );
    await finish(deps, job, outcome, `Sync failed: ${outcome}`, connection);
    return;
  }
  if (outcome === "error") {
    await finish(deps, job, "error", "Sync failed (sandbox job configuration)", connection);
    return;
  }
  const published = await publishSandboxData(deps, connection);
  await finish(deps, job, published.ok ? "complete" : "error", published.ok ? null : published.error.message, connection);
}
