import { setTimeout as sleep } from "node:timers/promises";
import { WEBHOOK_DISPATCH_QUEUE } from "../domain/webhooks/deliveries.js";
import { runWebhookDispatch } from "../domain/webhooks/dispatcher.js";
import type { JobDefinition } from "./registry.js";

/** How long one dispatch job keeps polling before the next (cron) one takes over. */
const RUN_MS = 50_000;
/** Fan-out transactions (5,000 events each) per pass, so sending starts while a large backlog is still being fanned out. */
const FAN_OUT_BATCHES_PER_PASS = 2;
/** Pause after a pass that found nothing to do: doubling from the first to the last while the outbox stays empty. */
const IDLE_MS = { first: 250, max: 2_000 };

/**
 * Drains the webhook outbox. Started every minute (and kicked by test sends and redeliveries); each job runs passes
 * for up to 50 s. Idle pauses grow from 0.25 s to 2 s while nothing is due (each idle pass costs queries, and on
 * the embedded database those run on the API's own thread), so events go out within 2 s of a quiet spell and at
 * once while busy. The `stately`
 * policy keeps one running and one queued at most; the outbox rows, not the job, hold the state, so a restart loses
 * nothing (a delivery claimed by a dead worker is due again when its lease ends).
 */
export const webhookDispatchJob: JobDefinition<Record<string, never>> = {
  name: WEBHOOK_DISPATCH_QUEUE,
  queue: { policy: "stately", retryLimit: 0, expireInSeconds: 120 },
  cron: "* * * * *",
  async handle(deps, _data, ctx) {
    const started = Date.now();
    let idleMs = IDLE_MS.first;
    while (!ctx?.signal.aborted && Date.now() - started < RUN_MS) {
      // each pass fans out a bounded share of new events and stops at the run's end, so a job never outlives its
      // expiry however large the backlog (a 50,000-person re-publish is 150,000 events); the next run continues
      const pass = await runWebhookDispatch(deps, { fanOutBatches: FAN_OUT_BATCHES_PER_PASS, deadline: started + RUN_MS });
      if (pass.disabled) deps.log.info(pass, "webhook dispatch pass");
      if (pass.attempts > 0 || pass.taken > 0) {
        idleMs = IDLE_MS.first;
        continue;
      }
      await sleep(idleMs, undefined, { signal: ctx?.signal }).catch(() => {});
      idleMs = Math.min(idleMs * 2, IDLE_MS.max);
    }
  },
};
