import {
  type AttemptRecord,
  type ClaimedDelivery,
  claimDueDeliveries,
  fanOutEvents,
  recordAttempts,
  updateEndpointHealth,
} from "../../db/repositories/webhook-outbox.repository.js";
import type { Deps } from "../deps.js";
import { afterAttempt, DISABLE_AFTER_MS } from "./delivery-machine.js";
import { JOB_EVENT_PATTERN, SENT_EVENT_TYPES } from "./event-types.js";
import { postWebhook } from "./http-sender.js";
import { endpointSecrets } from "./secrets.js";
import { webhookHeaders } from "./signature.js";

/** Tuning of one dispatch pass. */
export interface DispatchOptions {
  /** Deliveries claimed per round trip (default 200). */
  batchSize?: number;
  /** Requests in flight at once (default 64). */
  concurrency?: number;
  /** Stop after this many attempts (default: drain everything due). */
  maxAttempts?: number;
  /** Events taken per fan-out transaction (default 5,000). */
  fanOutBatch?: number;
  /** Fan-out transactions per pass at most (default: until nothing is left). */
  fanOutBatches?: number;
  /** Stop claiming and fanning out once `Date.now()` passes this (the job's run budget). */
  deadline?: number;
}

/** What one pass did. */
export interface DispatchPass {
  /** Events newly published as envelopes. */
  published: number;
  /** Domain events the fan-out took (published or internal). */
  taken: number;
  /** Delivery attempts made. */
  attempts: number;
  delivered: number;
  /** Endpoints disabled after failing for 3 days. */
  disabled: number;
}

/** How long a claimed delivery is reserved for the worker that claimed it. */
const LEASE_MS = 120_000;
const FAN_OUT_BATCH = 5_000;

/**
 * Publish new Finch-visible events as envelopes, with a delivery per matching enabled endpoint, one bounded batch
 * per transaction (a 50,000-person re-publish makes 150,000 events: 30 short transactions, not one long one).
 * Stops when nothing is left, after `maxBatches`, or past `deadline`.
 */
export async function fanOutNewEvents(
  deps: Pick<Deps, "db" | "clock">,
  opts: { batch?: number; maxBatches?: number; deadline?: number } = {},
): Promise<{ taken: number; published: number }> {
  const limit = opts.batch ?? FAN_OUT_BATCH;
  const total = { taken: 0, published: 0 };
  for (let batches = 0; opts.maxBatches === undefined || batches < opts.maxBatches; batches++) {
    const { taken, events } = await deps.db.transaction((tx) =>
      fanOutEvents(tx, { now: deps.clock.now(), types: SENT_EVENT_TYPES, jobPattern: JOB_EVENT_PATTERN, limit }),
    );
    total.taken += taken;
    total.published += events;
    if (taken < limit || (opts.deadline !== undefined && Date.now() >= opts.deadline)) break;
  }
  return total;
}

/** Send one claimed delivery; never throws. */
async function attempt(
  deps: Pick<Deps, "clock" | "cipher" | "config">,
  claimed: ClaimedDelivery,
  secrets: Map<string, string[]>,
): Promise<AttemptRecord> {
  let keys = secrets.get(claimed.endpointId);
  if (!keys) {
    keys = endpointSecrets(deps, { ...claimed, id: claimed.endpointId });
    secrets.set(claimed.endpointId, keys);
  }
  const attemptedAt = deps.clock.now();
  const headers = webhookHeaders(keys, claimed.eventId, Math.floor(attemptedAt.getTime() / 1000), claimed.body);
  const outcome = await postWebhook(claimed.url, headers, claimed.body, { allowPrivate: deps.config.webhookAllowPrivate });
  const next = afterAttempt(outcome, claimed.step, deps.clock.now());
  return {
    deliveryId: claimed.id,
    attemptedAt,
    statusCode: "statusCode" in outcome ? outcome.statusCode : null,
    latencyMs: outcome.latencyMs,
    responseExcerpt: "statusCode" in outcome ? outcome.excerpt : null,
    error: "error" in outcome ? outcome.error : null,
    ...next,
  };
}

/** Run `fn` over items with at most `limit` at once. */
async function boundedAll<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * One dispatch pass: publish new events, then claim and send every due delivery in batches (bounded concurrency,
 * keep-alive connections), writing each batch's attempts, delivery moves and endpoint health in a few statements.
 * Everything time-based reads deps.clock, so a test moves a ManualClock and runs a pass to see due retries sent.
 */
export async function runWebhookDispatch(
  deps: Pick<Deps, "db" | "clock" | "cipher" | "log" | "config" | "metrics">,
  opts: DispatchOptions = {},
): Promise<DispatchPass> {
  const batchSize = opts.batchSize ?? 200;
  const concurrency = opts.concurrency ?? 64;
  const fanned = await fanOutNewEvents(deps, { batch: opts.fanOutBatch, maxBatches: opts.fanOutBatches, deadline: opts.deadline });
  const pass: DispatchPass = { ...fanned, attempts: 0, delivered: 0, disabled: 0 };
  const secrets = new Map<string, string[]>();
  while (
    (opts.maxAttempts === undefined || pass.attempts < opts.maxAttempts) &&
    (opts.deadline === undefined || Date.now() < opts.deadline)
  ) {
    const now = deps.clock.now();
    const claimed = await claimDueDeliveries(deps.db, { now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit: batchSize });
    if (claimed.length === 0) break;
    const records = await boundedAll(claimed, concurrency, (c) => attempt(deps, c, secrets));
    const after = deps.clock.now();
    await recordAttempts(deps.db, records, after);
    const byId = new Map(claimed.map((c) => [c.id, c.endpointId]));
    const succeeded = [...new Set(records.filter((r) => r.state === "delivered").map((r) => byId.get(r.deliveryId) as string))];
    const failed = [...new Set(records.filter((r) => r.state !== "delivered").map((r) => byId.get(r.deliveryId) as string))];
    const disabled = await updateEndpointHealth(deps.db, {
      succeeded,
      failed,
      failedAt: after,
      disableBefore: new Date(after.getTime() - DISABLE_AFTER_MS),
      reason: (since) => `Disabled automatically: every delivery attempt failed since ${since} (3 days). Fix the endpoint, then enable it.`,
    });
    if (disabled.length) deps.log.warn({ endpoints: disabled }, "webhook endpoints disabled after failing for 3 days");
    const delivered = records.filter((r) => r.state === "delivered").length;
    const failedForGood = records.filter((r) => r.state === "failed").length;
    deps.metrics?.countWebhookAttempts({ delivered, failed: failedForGood, retrying: records.length - delivered - failedForGood });
    pass.attempts += records.length;
    pass.delivered += delivered;
    pass.disabled += disabled.length;
  }
  return pass;
}
