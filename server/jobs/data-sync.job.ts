import { DATA_SYNC_QUEUE, runDataSync } from "../domain/jobs/automated-sync.js";
import type { JobDefinition } from "./registry.js";

/** Runs `data_sync_all` jobs requested through `/jobs/automated` or `/sandbox/jobs`. */
export const dataSyncJob: JobDefinition<{ jobId: string }> = {
  name: DATA_SYNC_QUEUE,
  queue: { retryLimit: 2, retryDelay: 30 },
  async handle(deps, data) {
    await runDataSync(deps, data.jobId);
  },
};
