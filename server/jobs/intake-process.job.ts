import { processIntakeFile } from "../commands/process-intake-file.js";
import { INTAKE_PROCESS_QUEUE } from "../domain/intake/receive-file.js";
import type { JobDefinition } from "./registry.js";

/** Runs the pipeline and the quality gate on one delivered file (idempotent: a decided file is left alone). */
export const intakeProcessJob: JobDefinition<{ fileId: string }> = {
  name: INTAKE_PROCESS_QUEUE,
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  async handle(deps, data) {
    const result = await processIntakeFile(deps, data.fileId);
    if (!result.ok) throw result.error;
  },
};
