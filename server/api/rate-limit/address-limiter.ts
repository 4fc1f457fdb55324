import type { FastifyReply, FastifyRequest } from "fastify";
import { RATE_LIMIT_WINDOW_MS } from "../../config/rate-limit-settings.js";
import type { Config } from "../../config.js";
import type { Deps, Log } from "../../domain/deps.js";
import { FinchError } from "../../domain/errors.js";
import type { ZodApp } from "../types.js";
import { createMemoryStore } from "./memory-store.js";
import { createRedisStore } from "./redis-store.js";
import type { RateLimitStore } from "./store.js";

/**
 * Unauthenticated pages' APIs have no application to count against, so they are counted per client address:
 * hosted Connect's flow API and the employer status page (`/connect/api/…`) and the demo's backend (`/demo/api/…`).
 */
export const PUBLIC_API_PREFIXES = ["/connect/api/", "/demo/api/"] as const;

/** Per-address limiter for the public page APIs. */
export interface AddressLimiter {
  /** False when `LINNET_PUBLIC_RATE_LIMIT=off`. */
  readonly enabled: boolean;
  /** Count one request from `address` at `nowMs`; when refused, how long until a retry can succeed. */
  check(address: string, nowMs: number): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** Release the store. */
  close(): Promise<void>;
}

/** The limiter the configuration asks for (Redis-shared when `redisUrl` is set, like the per-application limits). */
export function createAddressLimiter(
  config: Pick<Config, "redisUrl" | "publicRateLimit">,
  log: Log,
  store?: RateLimitStore,
): AddressLimiter {
  const limit = config.publicRateLimit;
  if (limit === null) return { enabled: false, check: async () => ({ allowed: true, retryAfterMs: 0 }), close: async () => {} };
  const backing = store ?? (config.redisUrl ? createRedisStore({ url: config.redisUrl, log }) : createMemoryStore());
  return {
    enabled: true,
    // "public:" keeps these keys apart from the per-application ones in a shared Redis.
    check: async (address, nowMs) => backing.hit(`public:${address}`, limit, RATE_LIMIT_WINDOW_MS, nowMs),
    close: () => backing.close(),
  };
}

/** True for a URL under one of the public page APIs. */
export function isPublicApi(url: string): boolean {
  return PUBLIC_API_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** Count the request against its address; 429 `rate_limited` in the Finch error shape with `Retry-After` when over. */
async function enforce(limiter: AddressLimiter, deps: Pick<Deps, "clock">, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isPublicApi(request.url)) return;
  const decision = await limiter.check(request.ip, deps.clock.now().getTime());
  if (decision.allowed) return;
  reply.header("Retry-After", String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
  throw new FinchError("rate_limited", "Too many requests from this address; try again in a minute");
}

/** Install the per-address limit on the public page APIs (closed with the app). */
export function registerAddressLimit(app: ZodApp, deps: Pick<Deps, "clock" | "config" | "log">): void {
  const limiter = createAddressLimiter(deps.config, deps.log);
  if (!limiter.enabled) return;
  app.addHook("onRequest", (request, reply) => enforce(limiter, deps, request, reply));
  app.addHook("onClose", () => limiter.close());
}
