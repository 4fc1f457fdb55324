import { randomUUID } from "node:crypto";
import {
  type AutomatedJobRow,
  countJobsSince,
  findAutomatedJob,
  findOpenSync,
  insertAutomatedJob,
  listAutomatedJobs,
} from "../../db/repositories/automated-jobs.repository.js";
import { isUuid } from "../applications/authenticate-client.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";

/** On-demand data syncs allowed per connection per rolling hour. */
export const DATA_SYNC_QUOTA = 2;
/** pg-boss queue that runs data syncs. */
export const DATA_SYNC_QUEUE = "data-sync";

/** Answer of a sync request: 201 new, 202 one already queued, 429 over quota. */
export interface SyncRequestOutcome {
  status: 201 | 202 | 429;
  body: { job_id?: string; job_url?: string; allowed_refreshes: number; remaining_refreshes: number; retry_at?: string };
}

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
