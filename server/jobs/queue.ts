import PgBoss from "pg-boss";
import type { Database } from "../db/client.js";
import type { Deps } from "../domain/deps.js";
import { LEGACY_HOUSEKEEPING_QUEUE } from "./housekeeping.job.js";
import { DEFAULT_LEASE_SECONDS, JobRunner } from "./job-runner.js";
import { JOBS } from "./registry.js";

/** Workers run pg-boss maintenance (which expires jobs whose lease lapsed) this often, so a dead run restarts soon. */
const MAINTENANCE_SECONDS = 10;

/** pg-boss on the same database as everything else: PGlite through an adapter, PostgreSQL through its own pool. */
export function createBoss(database: Database, opts: { worker: boolean }): PgBoss {
  const common = {
    schema: "pgboss",
    // API-only processes send jobs but neither run maintenance nor fire schedules.
    supervise: opts.worker,
    schedule: opts.worker,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
  };
  if (database.kind === "postgres") return new PgBoss({ connectionString: database.connectionString, max: 4, ...common });
  return new PgBoss({ db: { executeSql: database.executeSql }, ...common });
}

/**
 * Start pg-boss and create every queue and (for workers) schedule. Runs under the start lock: concurrent creation
 * of pg-boss's schema and queue partitions deadlocks.
 */
export async function prepareJobs(boss: PgBoss, deps: Deps, opts: { worker: boolean }): Promise<void> {
  boss.on("error", (err) => deps.log.error({ err }, "job queue error"));
  await boss.start();
  for (const job of JOBS) {
    await boss.createQueue(job.name, { name: job.name, ...job.queue });
    if (opts.worker && job.cron) await boss.schedule(job.name, job.cron);
  }
  // A database started by an older Linnet still schedules the housekeeping under its old name, which no worker
  // serves any more: stop that schedule and drop its waiting jobs. Not deleteQueue: pg-boss 10 refuses to delete a
  // queue that still holds (finished) jobs, and those leave with pg-boss's own retention.
  if (opts.worker) {
    await boss.unschedule(LEGACY_HOUSEKEEPING_QUEUE);
    if (await boss.getQueue(LEGACY_HOUSEKEEPING_QUEUE)) await boss.purgeQueue(LEGACY_HOUSEKEEPING_QUEUE);
  }
}

/** The running workers of a process. */
export interface JobWorkers {
  runner: JobRunner;
  /** Tell running handlers the process is stopping. */
  abort(): void;
  /** Stop fetching, let running jobs end within `timeoutMs`, hand the rest back; returns how many were handed back. */
  drain(timeoutMs: number): Promise<number>;
}

/** Subscribe the handlers (workers only; call after prepareJobs). */
export async function startJobs(boss: PgBoss, deps: Deps, database: Database, opts: { worker: boolean }): Promise<JobWorkers> {
  const stopping = new AbortController();
  const runner = new JobRunner(database, deps.log);
  if (opts.worker) {
    for (const job of JOBS) {
      const lease = job.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
      await boss.work(job.name, async (batch) => {
        for (const item of batch)
          await runner.run(job.name, item.id, lease, () => job.handle(deps, item.data, { signal: stopping.signal }));
      });
    }
  }
  return {
    runner,
    abort: () => stopping.abort(),
    async drain(timeoutMs) {
      if (opts.worker) for (const job of JOBS) await boss.offWork(job.name).catch(() => {});
      const handedBack = await runner.drain(timeoutMs);
      stopping.abort();
      return handedBack;
    },
  };
}
