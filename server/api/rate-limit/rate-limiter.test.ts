import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS } from "../../config/rate-limit-settings.js";
import type { Log } from "../../domain/deps.js";
import { FinchError } from "../../domain/errors.js";
import { errorHandler } from "../errors.js";
import { createMemoryStore } from "./memory-store.js";
import { createRateLimiter, enforceRateLimit } from "./rate-limiter.js";

const quiet: Log = { debug() {}, info() {}, warn() {}, error() {} };
const T0 = 1_767_625_200_000;

describe("rate limiter", () => {
  it("limits each application and endpoint separately, with Finch's numbers", async () => {
    const limiter = createRateLimiter({ redisUrl: undefined, rateLimits: DEFAULT_RATE_LIMITS }, quiet);
    for (let i = 0; i < 12; i++) expect((await limiter.check("app-1", "payment", T0 + i)).allowed).toBe(true);
    expect(await limiter.check("app-1", "payment", T0 + 12)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 59_988, limit: 12 });
    expect(await limiter.check("app-1", "directory", T0 + 12)).toMatchObject({ allowed: true, remaining: 19, limit: 20 });
    expect(await limiter.check("app-2", "payment", T0 + 12)).toMatchObject({ allowed: true, remaining: 11, limit: 12 });
    await limiter.close();
  });

  it("allows everything when limiting is off", async () => {
    const limiter = createRateLimiter({ redisUrl: "redis://127.0.0.1:1", rateLimits: null }, quiet);
    expect(limiter.enabled).toBe(false);
    for (let i = 0; i < 100; i++) expect((await limiter.check("app", "payment", T0)).allowed).toBe(true);
    await limiter.close();
  });

  it("answers 429 rate_limit_exceeded_error with Retry-After, and X-RateLimit-* on success", async () => {
    const limiter = createRateLimiter(
      { redisUrl: undefined, rateLimits: { ...DEFAULT_RATE_LIMITS, company: 2 } },
      quiet,
      createMemoryStore(),
    );
    let now = T0;
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    app.get("/employer/company", async (_request, reply) => {
      await enforceRateLimit(limiter, reply, "app-1", "company", now);
      return { ok: true };
    });

    const first = await app.inject({ method: "GET", url: "/employer/company" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-ratelimit-limit"]).toBe("2");
    expect(first.headers["x-ratelimit-remaining"]).toBe("1");
    now += 400;
    await app.inject({ method: "GET", url: "/employer/company" });
    now += 100;
    const refused = await app.inject({ method: "GET", url: "/employer/company" });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 429, name: "rate_limit_exceeded_error", finch_code: "finch_application_rl" });
    // 59.5 s until the first request leaves the window, rounded up to whole seconds.
    expect(refused.headers["retry-after"]).toBe("60");
    expect(refused.headers["x-ratelimit-remaining"]).toBe("0");

    await app.close();
    await limiter.close();
  });

  it("never sends Retry-After: 0", async () => {
    const limiter = createRateLimiter({ redisUrl: undefined, rateLimits: { ...DEFAULT_RATE_LIMITS, directory: 1 } }, quiet);
    const headers: Record<string, string> = {};
    const reply = {
      header(name: string, value: string) {
        headers[name] = value;
      },
    };
    await enforceRateLimit(limiter, reply, "app", "directory", T0);
    const refusal = enforceRateLimit(limiter, reply, "app", "directory", T0 + 59_999);
    await expect(refusal).rejects.toBeInstanceOf(FinchError);
    await expect(refusal).rejects.toMatchObject({ id: "rate_limited" });
    expect(headers["Retry-After"]).toBe("1");
    await limiter.close();
  });
});
