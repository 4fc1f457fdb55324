import type { Database } from "../db/client.js";
import type { Deps } from "../domain/deps.js";

/**
 * Leases for running jobs, so a job whose process died is retried within a minute instead of after pg-boss's
 * expiry (15 minutes by default). pg-boss expires an active job when `started_on + expire_in` has passed; while a
 * handler runs, this runner keeps pushing `expire_in` to "now + lease" (a heartbeat). When the process dies the
 * heartbeat stops, the lease runs out, and the next maintenance pass (every few seconds on workers) moves the job to
 * retry, where another worker takes it. The queue's own `expireInSeconds` stays the hard cap on one run's duration
 * (pg-boss's in-process timer), the lease only decides how soon a dead run is noticed.
 */

/** How long a running job may go without a heartbeat before it counts as dead. */
export const DEFAULT_LEASE_SECONDS = 20;

/** One running job. */
interface Running {
  queue: string;
  leaseSeconds: number;
  done: Promise<void>;
}

const RENEW_SQL = `UPDATE pgboss.job SET expire_in = (now() - started_on) + make_interval(secs => $2::int)
  WHERE id = ANY($1::uuid[]) AND state = 'active' AND started_on IS NOT NULL`;
/**
 * Back to the queue at once, without spending a retry (fetch counts a retry only when started_on is set). A job of a
 * `stately` queue whose next run is already queued (same key, state created) is cancelled instead: stately allows one
 * queued job per key (pg-boss's unique index on name, state and key), so moving it back would fail the whole
 * statement, every other job's hand-back with it, and the queued job does the same work (a `send` at that moment would
 * have been dropped the same way). Seen with the webhook dispatch queue, whose cron queues a run every minute.
 */
const HAND_BACK_SQL = `WITH handed AS (
    SELECT j.id, EXISTS (
      SELECT 1 FROM pgboss.job q
      WHERE q.name = j.name AND q.state = 'created' AND q.policy = 'stately'
        AND COALESCE(q.singleton_key, '') = COALESCE(j.singleton_key, '')
    ) AS queued
    FROM pgboss.job j WHERE j.id = ANY($1::uuid[]) AND j.state = 'active'
  )
  UPDATE pgboss.job SET
    state = CASE WHEN handed.queued THEN 'cancelled'::pgboss.job_state ELSE 'created'::pgboss.job_state END,
    started_on = CASE WHEN handed.queued THEN pgboss.job.started_on END,
    start_after = CASE WHEN handed.queued THEN pgboss.job.start_after ELSE now() END,
    completed_on = CASE WHEN handed.queued THEN now() END
  FROM handed WHERE pgboss.job.id = handed.id`;

/** Tracks the jobs this process runs: heartbeats while they run, and a bounded drain on shutdown. */
export class JobRunner {
  private readonly running = new Map<string, Running>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly database: Database,
    private readonly log: Deps["log"],
    heartbeatMs = (DEFAULT_LEASE_SECONDS * 1000) / 4,
  ) {
    this.timer = setInterval(() => void this.beat(), heartbeatMs);
    this.timer.unref();
  }

  /** Run one job under a lease. */
  async run(queue: string, jobId: string, leaseSeconds: number, handler: () => Promise<void>): Promise<void> {
    let resolveDone: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      resolveDone = resolve;
    });
    this.running.set(jobId, { queue, leaseSeconds, done });
    try {
      await this.renew([jobId], leaseSeconds);
      await handler();
    } finally {
      this.running.delete(jobId);
      resolveDone();
    }
  }

  /** How many jobs run now. */
  get size(): number {
    return this.running.size;
  }

  /**
   * Shutdown: wait up to `timeoutMs` for running jobs to end, then hand the rest back to the queue so another
   * worker starts them at once. Returns how many were handed back.
   */
  async drain(timeoutMs: number): Promise<number> {
    const all = Promise.all([...this.running.values()].map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    clearInterval(this.timer);
    const left = [...this.running.keys()];
    if (left.length === 0) return 0;
    try {
      await this.database.executeSql(HAND_BACK_SQL, [left]);
      this.log.warn({ jobs: left.length }, "shutdown: handed running jobs back to the queue");
    } catch (err) {
      this.log.error({ err }, "shutdown: could not hand jobs back; they are retried when their lease runs out");
    }
    return left.length;
  }

  /** Stop heartbeats (the process is closing). */
  stop(): void {
    clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    const byLease = new Map<number, string[]>();
    for (const [id, r] of this.running) byLease.set(r.leaseSeconds, [...(byLease.get(r.leaseSeconds) ?? []), id]);
    for (const [lease, ids] of byLease) await this.renew(ids, lease);
  }

  private async renew(ids: string[], leaseSeconds: number): Promise<void> {
    try {
      await this.database.executeSql(RENEW_SQL, [ids, leaseSeconds]);
    } catch (err) {
      // the database is away: the lease may lapse and the job be retried; its handler is idempotent
      this.log.warn({ err }, "job heartbeat failed");
    }
  }
}
