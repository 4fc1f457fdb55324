import PgBoss from "pg-boss";
import type { Database } from "../db/client.js";
import type { Deps } from "../domain/deps.js";
import { JOBS } from "./registry.js";

/** pg-boss on the same database as everything else: PGlite through an adapter, PostgreSQL through its own pool. */
export function createBoss(database: Database, opts: { worker: boolean }): PgBoss {
  const common = {
    schema: "pgboss",
    // API-only processes send jobs but neither run maintenance nor fire schedules.
    supervise: opts.worker,
    schedule: opts.worker,
  };
  if (database.kind === "postgres") return new PgBoss({ connectionString: database.connectionString, max: 4, ...common });
  return new PgBoss({ db: { executeSql: database.executeSql }, ...common });
}

/**
 * Start pg-boss, create every queue and schedule, and (for workers) subscribe the handlers. Returns a function that
 * tells running handlers the process is stopping (call it before `boss.stop`).
 */
export async function startJobs(boss: PgBoss, deps: Deps, opts: { worker: boolean }): Promise<() => void> {
  const stopping = new AbortController();
  boss.on("error", (err) => deps.log.error({ err }, "job queue error"));
  await boss.start();
  for (const job of JOBS) {
    await boss.createQueue(job.name, { name: job.name, ...job.queue });
    if (!opts.worker) continue;
    if (job.cron) await boss.schedule(job.name, job.cron);
    await boss.work(job.name, async (batch) => {
      for (const item of batch) await job.handle(deps, item.data as never, { signal: stopping.signal });
    });
  }
  return () => stopping.abort();
}
