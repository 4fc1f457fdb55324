/**
 * The life of one delivery (an event for one endpoint):
 *
 *   pending ──2xx──────────────▶ delivered
 *   pending ──4xx (not 408/429)▶ failed      (the receiver refused it: not retried)
 *   pending ──network error, timeout, 3xx/5xx/408/429──▶ pending, due again after the next backoff delay
 *   delivered | failed | pending ──manual redelivery──▶ pending, due now, backoff restarted
 *
 * A pending delivery of a disabled endpoint waits; re-enabling makes it due at once.
 */

import type { DeliveryState } from "../../db/schema/types/statuses.js";

/** Delivery states (defined once with the column). */
export type { DeliveryState };

/** Delays after each failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, then every 10 h (the first attempt is immediate). */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000] as const;

/** An endpoint whose attempts all failed for this long is disabled. */
export const DISABLE_AFTER_MS = 3 * 86_400_000;

/** Per-attempt network timeout. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

/** The outcome of one HTTP attempt. */
export type AttemptOutcome = { statusCode: number; excerpt: string; latencyMs: number } | { error: string; latencyMs: number };

/** Whether an attempt succeeded. */
export function isSuccess(outcome: AttemptOutcome): boolean {
  return "statusCode" in outcome && outcome.statusCode >= 200 && outcome.statusCode < 300;
}

/** Whether a failed attempt may be retried: network errors, timeouts, 5xx, 429 (and 3xx, 408); not other 4xx. */
export function isRetryable(outcome: AttemptOutcome): boolean {
  if (!("statusCode" in outcome)) return true;
  const s = outcome.statusCode;
  return !(s >= 400 && s < 500) || s === 408 || s === 429;
}

/** The delivery after an attempt made at `now` at backoff position `step`. */
export function afterAttempt(
  outcome: AttemptOutcome,
  step: number,
  now: Date,
): { state: DeliveryState; step: number; nextAttemptAt: Date | null } {
  if (isSuccess(outcome)) return { state: "delivered", step, nextAttemptAt: null };
  if (!isRetryable(outcome)) return { state: "failed", step, nextAttemptAt: null };
  const delay = RETRY_DELAYS_MS[Math.min(step, RETRY_DELAYS_MS.length - 1)] ?? 36_000_000;
  return { state: "pending", step: step + 1, nextAttemptAt: new Date(now.getTime() + delay) };
}
