import { randomUUID } from "node:crypto";
import {
  type AutomatedJobRow,
  countJobsSince,
  findAutomatedJob,
  findOpenSync,
  insertAutomatedJob,
  listAutomatedJobs,
  lockAutomatedJob,
} from "../../db/repositories/automated-jobs.repository.js";
import { type ConnectionRow, findConnection, recordFailedSyncAttempt } from "../../db/repositories/connections.repository.js";
import { insertEvent } from "../../db/repositories/activity.repository.js";
import { isUuid } from "../applications/authenticate-client.js";
import { findSandboxCompany } from "../../db/repositories/sandbox.repository.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import { transitionConnection } from "../connections/transition.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { publishSandboxData } from "../sandbox/sandbox-publish.js";
import { transactional } from "../transactional.js";
import { type AutomatedJobStatus, transitionAutomatedJob } from "./automated-job-machine.js";

/** On-demand data syncs allowed per connection per rolling hour. */
export const DATA_SYNC_QUOTA = 2;
/** pg-boss queue that runs data syncs. */
export const DATA_SYNC_QUEUE = "data-sync";

/** Answer of a sync request: 201 new, 202 one already queued, 429 over quota. */
export type SyncRequestOutcome =
  | { status: 201 | 202; body: { job_id: string; job_url: string; allowed_refreshes: number; remaining_refreshes: number } }
  | { status: 429; body: { allowed_refreshes: number; remaining_refreshes: number; retry_at: string } };

/** The public URL of a job. */
export function jobUrl(deps: Pick<Deps, "config">, id: string): string {
  return `${deps.config.publicUrl}/jobs/automated/${id}`;
}

/** Enqueue a `data_sync_all` for an automated connection (`POST /jobs/automated`, `POST /sandbox/jobs`). */
export async function requestDataSync(deps: Deps, ctx: TokenContext): Promise<Result<SyncRequestOutcome>> {
  const c = ctx.connection;
  if (c.authMethod === "assisted") return fail("invalid_request", "cannot create automated job for Assisted Connect token");
  const now = deps.clock.now();
  const used = await countJobsSince(deps.db, c.id, "data_sync_all", new Date(now.getTime() - 3_600_000));
  const remaining = Math.max(0, DATA_SYNC_QUOTA - used);
  const open = await findOpenSync(deps.db, c.id);
  if (open) return ok({ status: 202, body: { job_id: open.id, job_url: jobUrl(deps, open.id), allowed_refreshes: DATA_SYNC_QUOTA, remaining_refreshes: remaining } });
  if (remaining === 0) {
    return ok({ status: 429, body: { allowed_refreshes: DATA_SYNC_QUOTA, remaining_refreshes: 0, retry_at: new Date(now.getTime() + 3_600_000).toISOString() } });
  }
  const id = randomUUID();
  await insertAutomatedJob(deps.db, { id, connectionId: c.id, type: "data_sync_all", status: "pending", params: null, createdAt: now, scheduledAt: null });
  await deps.jobs.send(DATA_SYNC_QUEUE, { jobId: id });
  return ok({ status: 201, body: { job_id: id, job_url: jobUrl(deps, id), allowed_refreshes: DATA_SYNC_QUOTA, remaining_refreshes: remaining - 1 } });
}

/**
 * Finish a job with a status and, for failures, what the connection learns from it; in the same transaction, a
 * `job.data_sync_all.completed` event `{job_id, job_url}` (sent on success and on error, as Finch does).
 */
async function finish(deps: Deps, job: AutomatedJobRow, status: Exclude<AutomatedJobStatus, "pending" | "in_progress">, error: string | null, connection?: ConnectionRow): Promise<void> {
  const now = deps.clock.now();
  await transactional(deps.db, async (tx) => {
    // the caller holds the job's row lock in `in_progress`, so a refusal here is a bug: it rolls the run back
    const moved = await transitionAutomatedJob({ db: tx, clock: deps.clock }, job, job.status, status, { error, completedAt: now }, { reason: error });
    if (!moved.ok) throw moved.error;
    if (connection && status !== "complete") await recordFailedSyncAttempt(tx, connection.id, now);
    if (connection) {
      const payload = { job_id: job.id, job_url: jobUrl(deps, job.id) };
      await insertEvent(tx, { type: "job.data_sync_all.completed", applicationId: connection.applicationId, connectionId: connection.id, createdAt: now, payload });
    }
    return ok(undefined);
  });
  if (connection) deps.tokens.invalidateConnection(connection.id); // the attempt headers come from the cached row
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
  let connectionId: string | undefined;
  await transactional(deps.db, async (tx) => {
    const locked = await lockAutomatedJob(tx, job.id);
    if (locked?.status !== "in_progress") return ok(undefined);
    connectionId = locked.connectionId;
    await syncLocked({ ...deps, db: tx }, locked);
    return ok(undefined);
  });
  if (connectionId) deps.tokens.invalidateConnection(connectionId); // after commit: this process serves the new state
}

/** The body of a data sync, inside the job's transaction. */
async function syncLocked(deps: Deps, job: AutomatedJobRow): Promise<void> {
  const connection = await findConnection(deps.db, job.connectionId);
  const company = connection ? await findSandboxCompany(deps.db, connection.companyId) : undefined;
  if (!connection || connection.status === "disconnected" || !company) {
    await finish(deps, job, "error", connection ? "No automated integration is available for this connection" : "Connection not found", connection);
    return;
  }
  const outcome = company.syncOutcome;
  if (outcome === "reauth_error" || outcome === "permissions_error") {
    const to = outcome === "reauth_error" ? "reauth" : "error_permissions";
    await transactional(deps.db, (tx) => transitionConnection({ ...deps, db: tx }, connection, to, { actor: "system", reason: `Data sync ended with ${outcome}` }));
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

/** A connection's jobs (newest first) with its remaining refresh quota. */
export async function listJobs(deps: Pick<Deps, "db" | "clock">, ctx: TokenContext, limit: number, offset: number) {
  const used = await countJobsSince(deps.db, ctx.connection.id, "data_sync_all", new Date(deps.clock.now().getTime() - 3_600_000));
  return { remaining: Math.max(0, DATA_SYNC_QUOTA - used), jobs: await listAutomatedJobs(deps.db, ctx.connection.id, limit, offset) };
}

/** One job of the token's connection. */
export async function getJob(deps: Pick<Deps, "db">, ctx: TokenContext, jobId: string): Promise<Result<AutomatedJobRow>> {
  const job = isUuid(jobId) ? await findAutomatedJob(deps.db, jobId) : undefined;
  if (!job || job.connectionId !== ctx.connection.id) return fail("not_found", `could not find job with id '${jobId}'`);
  return ok(job);
}
