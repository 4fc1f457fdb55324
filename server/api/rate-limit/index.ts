/** Per-application, per-endpoint rate limits (Finch's table by default; Redis-shared when REDIS_URL is set). */
export { ENDPOINT_NAMES, type EndpointName } from "../../config/rate-limit-settings.js";
export { applyRateLimit, createRateLimiter, enforceRateLimit, type RateLimiter } from "./rate-limiter.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The app's rate limiter, closed with the app. */
    rateLimiter: import("./rate-limiter.js").RateLimiter;
  }
}
