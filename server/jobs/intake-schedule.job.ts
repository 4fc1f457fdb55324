import { detectLateReports } from "../domain/intake/lateness.js";
import { queueDuePolls } from "../domain/intake/poll-source.js";
import type { JobDefinition } from "./registry.js";

/** Every minute: queue the pull sources whose poll interval has passed, and raise reports that are late. */
export const intakeScheduleJob: JobDefinition<Record<string, never>> = {
  name: "intake.schedule",
  queue: { retryLimit: 0 },
  cron: "* * * * *",
  async handle(deps) {
    await queueDuePolls(deps);
    await detectLateReports(deps);
  },
};
