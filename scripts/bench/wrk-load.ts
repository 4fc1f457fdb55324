import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuMs } from "./child.js";
import { onInterrupt } from "./cleanup.js";
import type { LoadResult, LoadSettings } from "./load.js";
import type { Workload } from "./workloads.js";
import { luaScript, type RequestSource, WRK_SAMPLED_REQUESTS, writeRequestFile } from "./wrk-script.js";

/** A run's result with the load generator's own CPU time, ms (null: not readable). */
export type GeneratorLoadResult = LoadResult & {
  generatorCpuMs: number | null;
  /** wrk only, when it counted statuses: the answers other than 200, `code=count` separated by spaces ("" none). */
  statuses?: string;
};

/** What one wrk process printed in its WRK_JSON line. */
interface WrkSummary {
  requests: number;
  duration_us: number;
  bytes: number;
  connect: number;
  read: number;
  write: number;
  /** Responses with a status above 399 (wrk's count). */
  status: number;
  timeout: number;
  p50_us: number;
  p99_us: number;
  cpu_ms: number;
  /** Answers other than 200, -1 when not counted (no `response()`). */
  non200: number;
  /** Those answers' statuses, `code=count` separated by spaces. */
  statuses: string;
}

/** Run one wrk process to its end; its WRK_JSON summary. */
function runWrk(args: string[]): Promise<WrkSummary> {
  return new Promise((resolve, reject) => {
    const proc = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    proc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const unregister = onInterrupt(() => void proc.kill("SIGKILL"));
    proc.once("error", (err) => {
      unregister();
      reject(err);
    });
    proc.once("exit", (code, signal) => {
      unregister();
      const json = output.match(/^WRK_JSON (\{.*\})$/m)?.[1];
      if (code !== 0 || !json)
        reject(new Error(`wrk ${args.join(" ")} ended (${signal ?? code}) without a summary:\n${output.slice(-2000)}`));
      else resolve(JSON.parse(json) as WrkSummary);
    });
  });
}

/**
 * Drive `workload` with wrk: one process per URL, all started together, the connections split between them, each
 * with one thread (`-t1`: one epoll thread drives far more than a Linnet process serves, and fewer threads leave more
 * of a small machine's cores to the servers). A GET workload with a `pathTemplate` (directory) sends every path of
 * the template, formatted once in `init`, the exact distribution of `workload.next()`; any other workload (POST)
 * samples WRK_SAMPLED_REQUESTS requests from `workload.next()` up front, written to a file the script reads in `init`
 * and formats with `wrk.format`, and sends one of them at random each time. Every request carries the bearer token
 * and `workload.headers`, a body `content-type: application/json`.
 *
 * `options.countStatuses` (default false) defines `response()` so that `non2xx` counts every answer other than 200,
 * a 202 "not ready" too; without it `non2xx` is wrk's own count, status >= 400 only. It costs wrk a copy of every
 * answer into a Lua string: against a bare node:http server on this 2-core machine, 1.1 MB answers took 1,365 µs of
 * wrk's CPU per request with it, 748 µs without; 50 KB answers 41 µs either way. So the ratio run checks statuses in
 * its untimed warm-up run only (run-target.ts).
 *
 * Throughput, bytes and failures are summed over the processes; with several URLs p50 and p99 are the slowest
 * process's (wrk's histograms cannot be merged). `settings.seconds` is rounded to whole seconds (wrk takes no
 * fractions). `serverPids`: processes whose CPU time is summed into `serverCpuMs`.
 */
export async function runWrkLoad(
  urls: string[],
  workload: Workload,
  settings: LoadSettings,
  serverPids: number[] = [],
  options: { countStatuses?: boolean } = {},
): Promise<GeneratorLoadResult> {
  const connections = Math.floor(settings.connections / urls.length);
  if (connections < 1) throw new Error(`${settings.connections} connections cannot be split between ${urls.length} URLs`);
  // wrk takes whole seconds
  const seconds = Math.max(1, Math.round(settings.seconds));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-wrk-"));
  try {
    let source: RequestSource;
    if (workload.pathTemplate && workload.method === "GET") source = { kind: "template", ...workload.pathTemplate };
    else {
      source = { kind: "file", file: path.join(dir, "requests.dat") };
      writeRequestFile(
        source.file,
        Array.from({ length: WRK_SAMPLED_REQUESTS }, () => ({ method: workload.method, ...workload.next() })),
      );
    }
    const headers = { authorization: `Bearer ${settings.token}`, ...workload.headers };
    const countStatuses = options.countStatuses ?? false;
    const cpuBefore = serverPids.map((pid) => cpuMs(pid));
    const summaries = await Promise.all(
      urls.map((url, i) => {
        const script = path.join(dir, `${i}.lua`);
        fs.writeFileSync(script, luaScript(source, { headers, seed: randomInt(1, 2 ** 30), countStatuses }));
        return runWrk(["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "30s", "--latency", "-s", script, url]);
      }),
    );
    const cpuAfter = serverPids.map((pid) => cpuMs(pid));
    const serverCpuMs = cpuBefore.some((c, i) => c === null || cpuAfter[i] === null)
      ? null
      : cpuAfter.reduce((sum: number, c, i) => sum + c! - cpuBefore[i]!, 0);
    const sum = (f: (s: WrkSummary) => number) => summaries.reduce((total, s) => total + f(s), 0);
    return {
      rps: sum((s) => s.requests / (s.duration_us / 1e6)),
      p50Ms: Math.max(...summaries.map((s) => s.p50_us)) / 1000,
      p99Ms: Math.max(...summaries.map((s) => s.p99_us)) / 1000,
      non2xx: sum((s) => (s.non200 >= 0 ? s.non200 : s.status)),
      errors: sum((s) => s.connect + s.read + s.write + s.timeout),
      bytesPerSec: sum((s) => s.bytes / (s.duration_us / 1e6)),
      requests: sum((s) => s.requests),
      serverCpuMs,
      generatorCpuMs: summaries.some((s) => s.cpu_ms < 0) ? null : sum((s) => s.cpu_ms),
      ...(countStatuses
        ? {
            statuses: summaries
              .map((s) => s.statuses)
              .filter((x) => x !== "")
              .join(" "),
          }
        : {}),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
