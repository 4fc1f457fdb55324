import { sweepReceivedFiles } from "../commands/sweep-intake-files.js";
import type { JobDefinition } from "./registry.js";

/** Every minute: files left `received` by a crash are processed (at most once each, see process-file.ts). */
export const intakeSweepJob: JobDefinition<Record<string, never>> = {
  name: "intake.sweep",
  queue: { retryLimit: 0 },
  cron: "* * * * *",
  async handle(deps) {
    await sweepReceivedFiles(deps);
  },
};
