import { createHash, timingSafeEqual } from "node:crypto";
import { FinchError } from "../../domain/errors.js";
import { refreshOperationalGauges } from "../../domain/metrics/metrics.js";
import type { RouteModule } from "../types.js";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * `GET /metrics`: Prometheus text format, only when `LINNET_METRICS_TOKEN` is set (otherwise there is no such
 * route: 404), and only with `Authorization: Bearer <that token>` (compared in constant time). Labels carry route
 * patterns, queue names, states and product groups: never an application, connection or person.
 */
export const getMetrics: RouteModule = (app, deps) => {
  const { metrics } = deps;
  const token = deps.config.metricsToken;
  if (!metrics || !token) return;
  const expected = digest(`Bearer ${token}`);
  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    const given = request.headers.authorization;
    if (typeof given !== "string" || !timingSafeEqual(digest(given), expected)) {
      const err = new FinchError("unauthorized", "Authorization: a bearer token equal to LINNET_METRICS_TOKEN is required");
      return reply.status(401).header("www-authenticate", 'Bearer realm="metrics"').send(err.toBody());
    }
    const refresh = await refreshOperationalGauges(metrics, deps.db, deps.clock.now());
    if (refresh) request.log.warn({ err: refresh.failed }, "metrics: database counts unavailable");
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
};
