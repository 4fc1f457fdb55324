import { INTAKE_PULL_QUEUE, pollPullSource } from "../domain/intake/poll-source.js";
import type { JobDefinition } from "./registry.js";

/** One poll of one pull source (the source's lease keeps it to one at a time; a retry takes no file twice). */
export const intakePullJob: JobDefinition<{ connectionId: string }> = {
  name: INTAKE_PULL_QUEUE,
  queue: { retryLimit: 2, retryDelay: 60, retryBackoff: true },
  async handle(deps, data) {
    const outcome = await pollPullSource(deps, data.connectionId);
    // an unreachable server is retried; a refusal (private address, changed host key) waits for an operator
    if (outcome.status === "failed") throw new Error(outcome.message);
  },
};
