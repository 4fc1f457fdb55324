import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { FinchError } from "../domain/errors.js";
import type { Linnet } from "../runtime.js";
import { beginShutdown, isShuttingDown } from "./shutdown-state.js";

/** Seconds a client is told to wait before retrying a request refused because the process is stopping. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Refuse new requests once the process is stopping: 503 in the Finch error shape with Retry-After and
 * `Connection: close` (the client reconnects, reaching another process). `/healthz` still answers: the process is alive.
 */
export function installStoppingHook(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    if (!isShuttingDown() || request.url === "/healthz") return;
    reply.header("Retry-After", String(RETRY_AFTER_SECONDS)).header("Connection", "close");
    return reply.status(503).send(new FinchError("service_unavailable", "This server is restarting; retry the request").toBody());
  });
}

/** Resolve after `ms` (a bound on a shutdown step, never a wait in a request). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), Math.max(0, ms)))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * SIGTERM: report not-ready and refuse new requests, let in-flight requests and running jobs finish within
 * `timeoutMs`, hand unfinished jobs back to the queue at once, close the pools. Resolves when it is safe to exit 0.
 */
export async function gracefulStop(
  linnet: Linnet,
  timeoutMs: number,
  log: Logger,
  opts: { beforeDatabaseClose?: () => Promise<void> | undefined } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  beginShutdown();
  const app = linnet.app;
  if (app) {
    // a moment for balancers polling readiness to see 503 before the listener closes
    await within(new Promise((resolve) => setTimeout(resolve, Math.min(1000, timeoutMs / 4))), timeoutMs);
    const closed = await within(app.close(), deadline - Date.now());
    if (closed === "timeout") {
      log.warn("shutdown: requests still running at the deadline were cut off");
      app.server.closeAllConnections();
    }
  }
  const handedBack = await linnet.jobs.drain(Math.max(0, deadline - Date.now()));
  linnet.jobs.abort();
  // pg-boss's own stop would fail the jobs just handed back ("failWip"): skip it then, the process exits anyway
  if (handedBack === 0) await within(linnet.boss.stop({ graceful: false, close: true, wait: true }), 2000).catch(() => {});
  await opts.beforeDatabaseClose?.();
  // the embedded server's fast shutdown ends with a checkpoint: give it time (a kill would only mean crash recovery)
  await within(linnet.database.close(), linnet.database.embeddedServer ? 30_000 : 2000).catch(() => {});
}

/** Log unhandled rejections instead of exiting: a dropped database connection must never end the process. */
export function installProcessGuards(log: Logger): void {
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection (kept running)"));
}
