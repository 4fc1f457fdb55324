import autocannon from "autocannon";
import { cpuMs } from "./child.js";
import type { LoadGenerator } from "./load-generator.js";
import type { Workload } from "./workloads.js";

/** Settings shared by every run, Linnet's and the baseline's alike. */
export interface LoadSettings {
  connections: number;
  /** Seconds per run. */
  seconds: number;
  /** Bearer token sent with every request. */
  token: string;
}

/**
 * How a workload is measured: `seconds` in all per server, split into `rounds` that alternate Linnet and the baseline,
 * every run (Linnet's and the baseline's alike) driven by `generator`.
 */
export interface LoadPlan {
  connections: number;
  seconds: number;
  rounds: number;
  generator: LoadGenerator;
}

/** What one run measured. */
export interface LoadResult {
  /** Mean requests per second over the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses outside 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Mean response bytes per second. */
  bytesPerSec: number;
  /** Requests completed. */
  requests: number;
  /** CPU time the server process used during the run, ms (null: its pid was not given or not readable). */
  serverCpuMs: number | null;
}

/**
 * Server CPU per request, µs: on a loaded machine this moves far less than req/s, which is whatever share of the
 * two cores the server got (the work per request is the same however long it waited for a core).
 */
export function cpuUsPerRequest(r: LoadResult): number | null {
  return r.serverCpuMs === null || r.requests === 0 ? null : (r.serverCpuMs * 1000) / r.requests;
}

/** Drive `workload` against `baseUrl` with autocannon, a fresh random request each time. */
export async function runLoad(baseUrl: string, workload: Workload, settings: LoadSettings, serverPid?: number): Promise<LoadResult> {
  const cpuBefore = cpuMs(serverPid);
  const headers: Record<string, string> = { authorization: `Bearer ${settings.token}`, ...workload.headers };
  if (workload.method === "POST") headers["content-type"] = "application/json";
  const result = await autocannon({
    url: baseUrl,
    connections: settings.connections,
    duration: settings.seconds,
    timeout: 30,
    method: workload.method,
    headers,
    requests: [
      {
        setupRequest: (request) => {
          const { path, body } = workload.next();
          return body === undefined ? { ...request, path } : { ...request, path, body };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerSec: result.throughput.average,
    requests: result.requests.total,
    serverCpuMs: cpuBefore === null ? null : (cpuMs(serverPid) ?? cpuBefore) - cpuBefore,
  };
}

/** Several rounds as one result: mean throughput, median p50, the worst p99, summed failures. */
export function combineRuns(runs: LoadResult[]): LoadResult {
  const mean = (f: (r: LoadResult) => number) => runs.reduce((sum, r) => sum + f(r), 0) / runs.length;
  const p50s = runs.map((r) => r.p50Ms).sort((a, b) => a - b);
  return {
    rps: mean((r) => r.rps),
    p50Ms: p50s[Math.floor(p50s.length / 2)]!,
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    bytesPerSec: mean((r) => r.bytesPerSec),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    serverCpuMs: runs.some((r) => r.serverCpuMs === null) ? null : runs.reduce((sum, r) => sum + r.serverCpuMs!, 0),
  };
}

/** Send `count` requests of a workload one after another (fills the server's snapshot caches). */
export async function warmUp(baseUrl: string, workload: Workload, token: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { path, body } = workload.next();
    // fetch asks for gzip unless told otherwise: ask as the load generator will
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, "accept-encoding": "identity", ...workload.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(baseUrl + path, { method: workload.method, headers, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`warm-up ${workload.method} ${path}: ${res.status}`);
  }
}

/**
 * Wait until the server has worked off requests still queued from a run (autocannon stops sending, the server does
 * not stop handling): `GET /readyz` (which asks the database) must answer within `quickMs` three times in a row. Failed requests count as
 * slow; `alive` false ends the wait with an error. Returns the ms waited.
 */
export async function waitUntilQuiet(baseUrl: string, alive: () => boolean, quickMs = 50, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  for (let quick = 0; quick < 3; ) {
    if (!alive()) throw new Error("the server exited while working off queued requests");
    if (performance.now() - started > timeoutMs) throw new Error(`the server was still busy ${timeoutMs / 1000} s after the run`);
    const t = performance.now();
    const ok = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(timeoutMs) }).then(
      (res) => res.arrayBuffer().then(() => res.ok),
      () => false,
    );
    quick = ok && performance.now() - t <= quickMs ? quick + 1 : 0;
    if (quick < 3) await new Promise((r) => setTimeout(r, ok ? 100 : 1000));
  }
  return performance.now() - started;
}
