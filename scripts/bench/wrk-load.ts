import { spawn, spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuMs } from "./child.js";
import { onInterrupt } from "./cleanup.js";
import type { LoadResult, LoadSettings } from "./load.js";
import type { Workload } from "./workloads.js";

/**
 * Which load generator drives a run: wrk (a C program, one epoll thread per process, outside the bench's Node
 * process) or autocannon (in the bench's own Node process, one JS thread).
 */
export type LoadGenerator = "wrk" | "autocannon";

/** A run's result with the load generator's own CPU time, ms (null: not readable). */
export type GeneratorLoadResult = LoadResult & { generatorCpuMs: number | null };

/** wrk's version line ("debian/4.1.0-3+b2"), or null when it is not installed (it prints usage and exits 1). */
export function wrkVersion(): string | null {
  const r = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (r.error) return null;
  return r.stdout.match(/^wrk (\S+)/)?.[1] ?? "unknown version";
}

/**
 * The generator `BENCH_LOAD_GENERATOR` asks for: `wrk`, `autocannon`, or unset/`auto` (wrk when installed, else
 * autocannon). `wrk` when it is not installed is an error.
 */
export function chooseLoadGenerator(env = process.env.BENCH_LOAD_GENERATOR): LoadGenerator {
  const wanted = (env || "auto").trim();
  if (wanted === "autocannon") return "autocannon";
  if (wanted !== "wrk" && wanted !== "auto") throw new Error(`BENCH_LOAD_GENERATOR: unknown "${wanted}" (wrk, autocannon, auto)`);
  if (wrkVersion() !== null) return "wrk";
  if (wanted === "wrk") throw new Error("BENCH_LOAD_GENERATOR=wrk but wrk is not installed (apt-get install wrk)");
  return "autocannon";
}

/** Above this many distinct paths the Lua script formats each request on the fly instead of building them all first. */
const PREBUILT_MAX = 200_000;

/** A Lua string literal (the JSON escapes of printable ASCII are valid Lua). */
function luaString(s: string): string {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`not printable ASCII: ${JSON.stringify(s)}`);
  return JSON.stringify(s);
}

/**
 * The wrk script: each request a GET of `template.path` with `{n}` a uniformly random integer in [0, n) (LuaJIT's
 * math.random, seeded per thread), with the bearer token; `done` prints one `WRK_JSON {...}` line.
 */
function luaScript(template: { path: string; n: number }, token: string, seed: number): string {
  const parts = template.path.split("{n}");
  if (parts.length !== 2) throw new Error(`path template needs exactly one {n}: ${template.path}`);
  if (!Number.isInteger(template.n) || template.n < 1) throw new Error(`path template n must be a positive integer: ${template.n}`);
  return `-- written by scripts/bench/wrk-load.ts
local N = ${template.n}
local PREFIX, SUFFIX = ${luaString(parts[0]!)}, ${luaString(parts[1]!)}

-- setup and done run in the main Lua state; init and request in each thread's own state
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_seed", ${seed} + threads * 7919)
end

local prebuilt = nil
function init(args)
  math.randomseed(thread_seed)
  wrk.headers["authorization"] = ${luaString(`Bearer ${token}`)}
  if N <= ${PREBUILT_MAX} then
    prebuilt = {}
    for i = 0, N - 1 do prebuilt[i + 1] = wrk.format("GET", PREFIX .. i .. SUFFIX) end
  end
end

function request()
  local i = math.random(0, N - 1)
  if prebuilt then return prebuilt[i + 1] end
  return wrk.format("GET", PREFIX .. i .. SUFFIX)
end

-- this process's CPU time (user + system, all threads), ms, from /proc/self/stat (clock ticks of 10 ms); -1 if unreadable
local function cpu_ms()
  local f = io.open("/proc/self/stat", "r")
  if not f then return -1 end
  local line = f:read("*l")
  f:close()
  local rest = line and line:match("%) (.*)")
  if not rest then return -1 end
  local fields = {}
  for x in rest:gmatch("%S+") do fields[#fields + 1] = x end
  return (tonumber(fields[12]) + tonumber(fields[13])) * 10
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nWRK_JSON {"requests":%.0f,"duration_us":%.0f,"bytes":%.0f,"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f,"p50_us":%.0f,"p99_us":%.0f,"cpu_ms":%.0f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), cpu_ms()))
end
`;
}

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
 * Drive `workload` (it needs a `pathTemplate`) with wrk: one process per URL, all started together, the connections
 * split between them, each with one thread (`-t1`: one epoll thread drives far more than a Linnet process serves, and
 * fewer threads leave more of a small machine's cores to the servers). Throughput, bytes and failures are summed over
 * the processes; with several URLs p50 and p99 are the slowest process's (wrk's histograms cannot be merged).
 * `settings.seconds` is rounded to whole seconds (wrk takes no fractions). `serverPids`: processes whose CPU time is
 * summed into `serverCpuMs`.
 */
export async function runWrkLoad(
  urls: string[],
  workload: Workload,
  settings: LoadSettings,
  serverPids: number[] = [],
): Promise<GeneratorLoadResult> {
  if (!workload.pathTemplate || workload.method !== "GET") throw new Error(`the ${workload.name} workload cannot run under wrk`);
  const connections = Math.floor(settings.connections / urls.length);
  if (connections < 1) throw new Error(`${settings.connections} connections cannot be split between ${urls.length} URLs`);
  // wrk takes whole seconds
  const seconds = Math.max(1, Math.round(settings.seconds));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-wrk-"));
  try {
    const cpuBefore = serverPids.map((pid) => cpuMs(pid));
    const summaries = await Promise.all(
      urls.map((url, i) => {
        const script = path.join(dir, `${i}.lua`);
        fs.writeFileSync(script, luaScript(workload.pathTemplate!, settings.token, randomInt(1, 2 ** 30)));
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
      non2xx: sum((s) => s.status),
      errors: sum((s) => s.connect + s.read + s.write + s.timeout),
      bytesPerSec: sum((s) => s.bytes / (s.duration_us / 1e6)),
      requests: sum((s) => s.requests),
      serverCpuMs,
      generatorCpuMs: summaries.some((s) => s.cpu_ms < 0) ? null : sum((s) => s.cpu_ms),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
