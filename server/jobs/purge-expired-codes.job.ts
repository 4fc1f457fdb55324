import { purgeExpiredIdempotencyKeys } from "../domain/benefits/purge-idempotency-keys.js";
import { purgeIdleSignInFailures } from "../domain/auth/sign-in.js";
import { purgeExpiredCodes } from "../domain/connections/purge-codes.js";
import { purgeExpiredUploads } from "../domain/ops/upload-content.js";
import { pruneOldEvents } from "../domain/retention/prune-events.js";
import type { JobDefinition } from "./registry.js";

/**
 * Hourly housekeeping: drop long-expired authorization codes, expired deduction idempotency keys, idle sign-in
 * failure counts, uploaded files older than LINNET_UPLOAD_RETENTION_DAYS, and events and finished webhook
 * deliveries past LINNET_EVENT_RETENTION_DAYS.
 */
export const purgeExpiredCodesJob: JobDefinition<Record<string, never>> = {
  name: "purge-expired-codes",
  queue: { retryLimit: 3, retryDelay: 60 },
  cron: "17 * * * *",
  async handle(deps) {
    const removed = await purgeExpiredCodes(deps);
    if (removed > 0) deps.log.info({ removed }, "purged expired authorization codes");
    const keys = await purgeExpiredIdempotencyKeys(deps);
    if (keys > 0) deps.log.info({ removed: keys }, "purged expired idempotency keys");
    await purgeIdleSignInFailures(deps);
    const files = await purgeExpiredUploads(deps);
    if (files > 0) deps.log.info({ purged: files }, "deleted uploaded files past LINNET_UPLOAD_RETENTION_DAYS");
    const pruned = await pruneOldEvents(deps);
    if (pruned.envelopes + pruned.events > 0) deps.log.info(pruned, "pruned events past their retention");
  },
};
