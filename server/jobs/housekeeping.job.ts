import { purgeIdleSignInFailures } from "../domain/auth/sign-in.js";
import { purgeExpiredIdempotencyKeys } from "../domain/benefits/purge-idempotency-keys.js";
import { purgeExpiredCodes } from "../domain/connections/purge-codes.js";
import type { Deps } from "../domain/deps.js";
import { purgeExpiredUploads } from "../domain/ops/upload-content.js";
import { pruneOldEvents } from "../domain/retention/prune-events.js";
import type { JobDefinition } from "./registry.js";

/** Queue name the hourly housekeeping used before it was named for what it does; retired at start (queue.ts). */
export const LEGACY_HOUSEKEEPING_QUEUE = "purge-expired-codes";

/** Drop authorization codes long past their expiry. */
async function purgeAuthorizationCodes(deps: Deps): Promise<void> {
  const removed = await purgeExpiredCodes(deps);
  if (removed > 0) deps.log.info({ removed }, "purged expired authorization codes");
}

/** Drop deduction `Idempotency-Key`s past their 24 hours. */
async function purgeIdempotencyKeys(deps: Deps): Promise<void> {
  const removed = await purgeExpiredIdempotencyKeys(deps);
  if (removed > 0) deps.log.info({ removed }, "purged expired idempotency keys");
}

/** Delete uploaded files older than LINNET_UPLOAD_RETENTION_DAYS (their rows, reports and diffs stay). */
async function purgeUploadedFiles(deps: Deps): Promise<void> {
  const purged = await purgeExpiredUploads(deps);
  if (purged > 0) deps.log.info({ purged }, "deleted uploaded files past LINNET_UPLOAD_RETENTION_DAYS");
}

/** Delete events and finished webhook deliveries past LINNET_EVENT_RETENTION_DAYS. */
async function pruneEvents(deps: Deps): Promise<void> {
  const pruned = await pruneOldEvents(deps);
  if (pruned.envelopes + pruned.events > 0) deps.log.info(pruned, "pruned events past their retention");
}

/** The hourly steps, in order; a step that throws fails the run, and pg-boss retries the whole run. */
const HOUSEKEEPING_STEPS: ((deps: Deps) => Promise<unknown>)[] = [
  purgeAuthorizationCodes,
  purgeIdempotencyKeys,
  purgeIdleSignInFailures,
  purgeUploadedFiles,
  pruneEvents,
];

/**
 * Hourly housekeeping: expired authorization codes, expired deduction idempotency keys, idle sign-in failure
 * counts, uploaded files past their retention, and events and finished webhook deliveries past theirs.
 */
export const hourlyHousekeepingJob: JobDefinition<Record<string, never>> = {
  name: "hourly-housekeeping",
  queue: { retryLimit: 3, retryDelay: 60 },
  cron: "17 * * * *",
  async handle(deps) {
    for (const step of HOUSEKEEPING_STEPS) await step(deps);
  },
};
