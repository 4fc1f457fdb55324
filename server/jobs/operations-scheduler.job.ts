import { runOperationsScheduler } from "../domain/assisted/scheduler.js";
import type { JobDefinition } from "./registry.js";

/** Every minute: overdue tasks raise their event, stale pending connections are flagged for follow-up. */
export const operationsSchedulerJob: JobDefinition<Record<string, never>> = {
  name: "operations-scheduler",
  queue: { retryLimit: 1, retryDelay: 30 },
  cron: "* * * * *",
  async handle(deps) {
    const pass = await runOperationsScheduler(deps);
    if (pass.overdue || pass.followUps) deps.log.info(pass, "operations scheduler pass");
  },
};
