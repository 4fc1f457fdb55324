import type { Queue } from "pg-boss";
import type { Deps } from "../domain/deps.js";
import { benefitWriteJob } from "./benefit-write.job.js";
import { dataSyncJob } from "./data-sync.job.js";
import { hourlyHousekeepingJob } from "./housekeeping.job.js";
import { intakeProcessJob } from "./intake-process.job.js";
import { intakePullJob } from "./intake-pull.job.js";
import { intakeScheduleJob } from "./intake-schedule.job.js";
import { intakeSweepJob } from "./intake-sweep.job.js";
import { operationsSchedulerJob } from "./operations-scheduler.job.js";
import { sandboxInitialPayJob } from "./sandbox-initial-pay.job.js";
import { webhookDispatchJob } from "./webhook-dispatch.job.js";

/** A job type: its queue name, policy, optional schedule and the one domain call it makes. */
export interface JobDefinition<T = unknown> {
  name: string;
  /** Queue options (retry policy and the like). */
  queue: Omit<Queue, "name">;
  /** Cron schedule, if it runs by itself. */
  cron?: string;
  /**
   * Seconds a running job may go without its process's heartbeat before pg-boss retries it elsewhere (a dead worker's
   * job restarts within lease + maintenance interval + retry delay). Default DEFAULT_LEASE_SECONDS in job-runner.ts.
   */
  leaseSeconds?: number;
  /** `ctx.signal` aborts when the process stops (long-running handlers end early). */
  handle(deps: Deps, data: T, ctx?: { signal: AbortSignal }): Promise<void>;
}

/** Every job type the workers run. */
export const JOBS: JobDefinition[] = [
  hourlyHousekeepingJob,
  dataSyncJob,
  sandboxInitialPayJob,
  operationsSchedulerJob,
  benefitWriteJob,
  webhookDispatchJob,
  intakeProcessJob,
  intakeSweepJob,
  intakePullJob,
  intakeScheduleJob,
] as JobDefinition[];
