import { runDataSync } from "../commands/run-data-sync.js";
import { DATA_SYNC_QUEUE } from "../domain/data-syncs/automated-sync.js";
import type { JobDefinition } from "./registry.js";

/** Runs `data_sync_all` jobs requested through `/jobs/automated` or `/sandbox/jobs`. */
export const dataSyncJob: JobDefinition<{ jobId: string }> = {
  name: DATA_SYNC_QUEUE,
  // a run killed mid-way is retried within a minute: a 20 s lease, 10 s maintenance, 10 s retry delay
  queue: { retryLimit: 2, retryDelay: 10 },
  leaseSeconds: 20,
  async handle(deps, data) {
    await runDataSync(deps, data.jobId);
  },
};
