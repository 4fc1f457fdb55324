import type { Deps } from "../../domain/deps.js";
import type { ZodApp } from "../types.js";

/**
 * Per request, after the response: the latency histogram by route pattern (when metrics are on), and one log line at
 * `debug`. Both name the route pattern (`/connect/status/:token`), never the URL, so no token or id from a path or
 * query string reaches a label or a log line.
 */
export function observeRequests(app: ZodApp, deps: Pick<Deps, "metrics">): void {
  const metrics = deps.metrics;
  const debug = (log: unknown) => (log as { isLevelEnabled(level: string): boolean }).isLevelEnabled("debug");
  if (!metrics && !debug(app.log)) return; // nothing to do: no hook on the hot path
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    const seconds = reply.elapsedTime / 1000;
    metrics?.observeRequest(route, request.method, reply.statusCode, seconds);
    if (debug(request.log)) {
      request.log.debug(
        { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
        "request",
      );
    }
    done();
  });
}
