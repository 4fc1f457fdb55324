import { publishInitialPay } from "../commands/publish-sandbox-data.js";
import type { JobDefinition } from "./registry.js";

/** Publishes the pay history of a large new sandbox company in the background (too big to do inside a request). */
export const sandboxInitialPayJob: JobDefinition<{ connectionId: string }> = {
  name: "sandbox-initial-pay",
  queue: { retryLimit: 2, retryDelay: 30 },
  async handle(deps, data) {
    await publishInitialPay(deps, data.connectionId);
  },
};
