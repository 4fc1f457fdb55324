/**
 * The periodic jobs the product runs (pg-boss crons in `server/jobs/`), run by the simulation on its clock instead of
 * on a schedule: the same job definitions, called with the simulation's deps.
 */
import type { Deps } from "../../../server/domain/deps.js";
import { intakeProcessJob } from "../../../server/jobs/intake-process.job.js";
import { intakeSweepJob } from "../../../server/jobs/intake-sweep.job.js";
import { operationsSchedulerJob } from "../../../server/jobs/operations-scheduler.job.js";
import type { JobDefinition } from "../../../server/jobs/registry.js";

/** A queue that keeps what the domain sends, so the simulation runs each job itself, in order, on its clock. */
export class SimulatedQueue {
  private readonly pending: { name: string; data: Record<string, unknown> }[] = [];

  /** The `deps.jobs` of the simulation. */
  readonly jobs: Deps["jobs"] = {
    send: async (name, data) => {
      this.pending.push({ name, data: data as Record<string, unknown> });
    },
  };

  /**
   * Run every queued job whose handler is known (the intake pipeline), including those queued meanwhile; other
   * queues (webhook dispatch and the like) are dropped: the simulation counts operations, not deliveries.
   */
  async drain(deps: Deps): Promise<number> {
    let ran = 0;
    for (let job = this.pending.shift(); job; job = this.pending.shift()) {
      if (job.name !== intakeProcessJob.name) continue;
      await intakeProcessJob.handle(deps, job.data as { fileId: string });
      ran++;
    }
    return ran;
  }
}

/** A periodic job as the simulation runs it: once per simulated day, after the day's deliveries. */
export interface PeriodicJob {
  name: string;
  run(deps: Deps): Promise<void>;
}

const fromCron = (job: JobDefinition<Record<string, never>>): PeriodicJob => ({ name: job.name, run: (deps) => job.handle(deps, {}) });

/**
 * The product's periodic jobs: the SLA sweep (overdue tasks raise `task.overdue`) and the intake sweep (files left
 * `received`).
 *
 * HOOK (late files): the pull sources' late-file detection (a periodic job on the clock that raises a follow-up task
 * and an `intake.report_late`-style event when a source's next file is past cadence + grace) plugs in here: add its
 * JobDefinition with `fromCron(...)`. Until then the simulation counts late files by its own schedule
 * (`LateWatch` in simulate-month.ts), and prints the event count from this list's job as "detected by the product".
 */
export const PERIODIC_JOBS: PeriodicJob[] = [fromCron(operationsSchedulerJob), fromCron(intakeSweepJob)];
