import { randomUUID } from "node:crypto";
import {
  type AutomatedJobRow,
  countJobsSince,
  findAutomatedJob,
  findOpenSync,
  insertAutomatedJob,
  listAutomatedJobs,
} from "../../db/repositories/automated-jobs.repository.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";

/** On-demand data syncs allowed per connection per rolling hour. */
export const DATA_SYNC_QUOTA = 2;
/** pg-boss queue that runs data syncs. */
export const DATA_SYNC_QUEUE = "data-sync";

/**
 * What a sync request did: queued a new sync, found one already queued or running, or found the hourly quota used up
 * (`retryAt`: when the oldest sync of the window leaves it). `remaining` is what is left after this request.
 */
export type SyncRequestOutcome =
  | { kind: "created"; jobId: string; allowed: number; remaining: number }
  | { kind: "already_running"; jobId: string; allowed: number; remaining: number }
  | { kind: "quota_exhausted"; allowed: number; remaining: 0; retryAt: Date };

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
  if (open) return ok({ kind: "already_running", jobId: open.id, allowed: DATA_SYNC_QUOTA, remaining });
  if (remaining === 0)
    return ok({ kind: "quota_exhausted", allowed: DATA_SYNC_QUOTA, remaining: 0, retryAt: new Date(now.getTime() + 3_600_000) });
  const id = randomUUID();
  await insertAutomatedJob(deps.db, {
    id,
    connectionId: c.id,
    type: "data_sync_all",
    status: "pending",
    params: null,
    createdAt: now,
    scheduledAt: null,
  });
  await deps.jobs.send(DATA_SYNC_QUEUE, { jobId: id });
  return ok({ kind: "created", jobId: id, allowed: DATA_SYNC_QUOTA, remaining: remaining - 1 });
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
