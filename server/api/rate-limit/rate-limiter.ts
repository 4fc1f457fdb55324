import { type EndpointName, RATE_LIMIT_WINDOW_MS } from "../../config/rate-limit-settings.js";
import type { Config } from "../../config.js";
import { type Soon, thenSoon } from "../../domain/caches/soon.js";
import type { Log } from "../../domain/deps.js";
import { FinchError } from "../../domain/errors.js";
import { createMemoryStore } from "./memory-store.js";
import { createRedisStore } from "./redis-store.js";
import type { RateLimitStore } from "./store.js";

/** The verdict on one request, with the limit it was judged against. */
export interface RateLimitDecision {
  /** Whether the request may proceed. */
  allowed: boolean;
  /** Requests left in the current window (Infinity when limiting is off). */
  remaining: number;
  /** When refused, milliseconds until a retry can succeed; otherwise 0. */
  retryAfterMs: number;
  /** Requests allowed per window for this endpoint (Infinity when limiting is off). */
  limit: number;
}

/** Per-application, per-endpoint limiter. */
export interface RateLimiter {
  /** False when `LINNET_RATE_LIMITS=off`: every check is allowed and no store exists. */
  readonly enabled: boolean;
  /** Count one request by `applicationId` (the client_id) to `endpoint` at `nowMs`; at once unless the store is shared. */
  check(applicationId: string, endpoint: EndpointName, nowMs: number): Soon<RateLimitDecision>;
  /** Release the store (the Redis connection, if any). */
  close(): Promise<void>;
}

/** Anything that takes response headers; a FastifyReply fits. */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/** Where limits come from; a full Config fits. */
export type RateLimiterConfig = Pick<Config, "redisUrl" | "rateLimits">;

/** What checks return when limiting is off. */
const UNLIMITED: RateLimitDecision = {
  allowed: true,
  remaining: Number.POSITIVE_INFINITY,
  retryAfterMs: 0,
  limit: Number.POSITIVE_INFINITY,
};

/**
 * The limiter the configuration asks for: Redis-backed when `redisUrl` is set, so every API process shares one count,
 * otherwise in-process (correct for a single process). Pass `store` to supply one directly (tests).
 */
export function createRateLimiter(config: RateLimiterConfig, log: Log, store?: RateLimitStore): RateLimiter {
  const limits = config.rateLimits;
  if (!limits) {
    return { enabled: false, check: () => UNLIMITED, close: async () => {} };
  }
  const backing = store ?? (config.redisUrl ? createRedisStore({ url: config.redisUrl, log }) : createMemoryStore());
  return {
    enabled: true,
    check(applicationId, endpoint, nowMs) {
      const limit = limits[endpoint];
      // The endpoint comes last and has no colon, so the key stays unambiguous whatever the client_id holds.
      const result = backing.hit(`${applicationId}:${endpoint}`, limit, RATE_LIMIT_WINDOW_MS, nowMs);
      return thenSoon(result, (r) => ({ ...r, limit }));
    },
    close: () => backing.close(),
  };
}

/**
 * For handlers: count the request and either set `X-RateLimit-Limit` / `X-RateLimit-Remaining`, or set `Retry-After`
 * (whole seconds, at least 1) and throw Finch's 429 `rate_limited` error for the error handler to present.
 */
export async function enforceRateLimit(
  limiter: RateLimiter,
  reply: HeaderSink,
  applicationId: string,
  endpoint: EndpointName,
  nowMs: number,
): Promise<void> {
  applyRateLimit(await limiter.check(applicationId, endpoint, nowMs), reply);
}

/** `enforceRateLimit` once the request is counted: the headers of `decision`, or its 429. */
export function applyRateLimit(decision: RateLimitDecision, reply: HeaderSink): void {
  if (Number.isFinite(decision.limit)) {
    reply.header("X-RateLimit-Limit", String(decision.limit));
    reply.header("X-RateLimit-Remaining", String(decision.remaining));
  }
  if (!decision.allowed) {
    reply.header("Retry-After", String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
    throw new FinchError("rate_limited", "Too many requests for token");
  }
}
