import type { Soon } from "../../domain/caches/soon.js";

/** The verdict on one request. */
export interface HitResult {
  /** Whether the request may proceed. */
  allowed: boolean;
  /** Requests still available in the current window after this one (0 when refused). */
  remaining: number;
  /** When refused, milliseconds until one more request would be allowed; 0 when allowed. */
  retryAfterMs: number;
}

/**
 * A sliding-window counter shared by everything that enforces one limit.
 * Only allowed hits are recorded, so a refused request never pushes the window back and a client that backs off recovers.
 */
export interface RateLimitStore {
  /**
   * Count a request for `key` at `nowMs` if fewer than `limit` were allowed in the `windowMs` before it. The
   * in-process store answers at once (no promise), so a request the fast read path answers from caches stays free
   * of asynchronous steps; a shared store answers with a promise.
   */
  hit(key: string, limit: number, windowMs: number, nowMs: number): Soon<HitResult>;
  /** Release timers and connections. */
  close(): Promise<void>;
}
