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
export type GeneratorLoadResult = LoadResult & {
  generatorCpuMs: number | null;
  /** wrk only, when it counted statuses: the answers other than 200, `code=count` separated by spaces ("" none). */
  statuses?: string;
};

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

/**
 * The ratio run's generator, `BENCH_RATIO_GENERATOR`: `autocannon` (default, so the table's figures keep their
 * meaning) or `wrk` (an error when it is not installed). Linnet's rounds and the baseline's always use the same one.
 */
export function chooseRatioGenerator(env = process.env.BENCH_RATIO_GENERATOR): LoadGenerator {
  const wanted = (env || "autocannon").trim();
  if (wanted === "autocannon") return "autocannon";
  if (wanted !== "wrk") throw new Error(`BENCH_RATIO_GENERATOR: unknown "${wanted}" (autocannon, wrk)`);
  if (wrkVersion() === null) throw new Error("BENCH_RATIO_GENERATOR=wrk but wrk is not installed (apt-get install wrk)");
  return "wrk";
}

/** Above this many distinct paths the Lua script formats each request on the fly instead of building them all first. */
const PREBUILT_MAX = 200_000;

/**
 * How many requests a workload without a `pathTemplate` (POST, or GET without one) samples from `workload.next()`
 * before each run; wrk sends one of them, chosen uniformly at random, each time.
 */
export const WRK_SAMPLED_REQUESTS = 2_000;

/**
 * A Lua string literal of `s`'s UTF-8 bytes: printable ASCII as is except `"` and `\`, every other byte as a decimal
 * `\ddd` escape (what Lua 5.1 / LuaJIT read back byte for byte, as `string.format("%q")` writes control bytes).
 */
export function luaString(s: string): string {
  let out = '"';
  for (const byte of Buffer.from(s, "utf8")) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${String(byte).padStart(3, "0")}`;
  }
  return `${out}"`;
}

/** Where the wrk script takes its requests from. */
export type RequestSource =
  /** GET `path` with `{n}` a uniformly random integer in [0, n) (a workload's `pathTemplate`). */
  | { kind: "template"; path: string; n: number }
  /** One of the requests in `file` (written by `writeRequestFile`), uniformly at random. */
  | { kind: "file"; file: string };

/**
 * Write `requests` to `file` for the Lua script to read back without any escaping: per request a line
 * `METHOD PATH LENGTH` (LENGTH the body's bytes, `-` for no body) and then the body's bytes as they are.
 */
export function writeRequestFile(file: string, requests: { method: string; path: string; body?: string }[]): void {
  const parts: Buffer[] = [];
  for (const r of requests) {
    if (!/^[A-Z]+$/.test(r.method)) throw new Error(`not an HTTP method: ${JSON.stringify(r.method)}`);
    if (!/^\/[\x21-\x7e]*$/.test(r.path)) throw new Error(`not a request path wrk can send: ${JSON.stringify(r.path)}`);
    const body = r.body === undefined ? null : Buffer.from(r.body, "utf8");
    parts.push(Buffer.from(`${r.method} ${r.path} ${body ? body.length : "-"}\n`, "ascii"));
    if (body) parts.push(body);
  }
  fs.writeFileSync(file, Buffer.concat(parts));
}

/** The script's options beside its requests. */
export interface ScriptOptions {
  /** Headers of every request (the bearer token, a workload's `accept-encoding`); bodies add `content-type`. */
  headers: Record<string, string>;
  /** Seeds each thread's LuaJIT math.random. */
  seed: number;
  /**
   * Define wrk's `response()` to count answers other than 200 (a 202 "not ready" too; wrk itself counts only
   * status >= 400). It makes wrk copy every answer's headers and body into Lua strings, a cost that grows with the
   * body: measured in the header of `runWrkLoad`.
   */
  countStatuses: boolean;
}

/**
 * The wrk script: each request from `source`, with `options.headers`; `done` prints one `WRK_JSON {...}` line
 * (`non200` -1 when `response()` is not defined).
 */
export function luaScript(source: RequestSource, options: ScriptOptions): string {
  let requests: string;
  if (source.kind === "template") {
    const parts = source.path.split("{n}");
    if (parts.length !== 2) throw new Error(`path template needs exactly one {n}: ${source.path}`);
    if (!Number.isInteger(source.n) || source.n < 1) throw new Error(`path template n must be a positive integer: ${source.n}`);
    requests = `local N = ${source.n}
local PREFIX, SUFFIX = ${luaString(parts[0]!)}, ${luaString(parts[1]!)}

local prebuilt = nil
local function load_requests()
  if N <= ${PREBUILT_MAX} then
    prebuilt = {}
    for i = 0, N - 1 do prebuilt[i + 1] = wrk.format("GET", PREFIX .. i .. SUFFIX, headers_for(nil)) end
  end
end

function request()
  local i = math.random(0, N - 1)
  if prebuilt then return prebuilt[i + 1] end
  return wrk.format("GET", PREFIX .. i .. SUFFIX, headers_for(nil))
end`;
  } else {
    requests = `local prebuilt = {}
local function load_requests()
  local f = assert(io.open(${luaString(source.file)}, "rb"))
  while true do
    local line = f:read("*l")
    if not line then break end
    local method, path, length = line:match("^(%u+) (%S+) (%S+)$")
    if not method then error("bad request line in the request file: " .. line) end
    local body = nil
    if length ~= "-" then
      body = f:read(tonumber(length))
      if not body or #body ~= tonumber(length) then error("request file ends inside a body") end
    end
    prebuilt[#prebuilt + 1] = wrk.format(method, path, headers_for(body), body)
  end
  f:close()
  if #prebuilt == 0 then error("the request file is empty") end
end

function request()
  return prebuilt[math.random(1, #prebuilt)]
end`;
  }
  const headers = Object.entries(options.headers)
    .map(([name, value]) => `  [${luaString(name)}] = ${luaString(value)},`)
    .join("\n");
  const response = options.countStatuses
    ? `
-- answers other than 200 (thread globals, read by done through thread:get), statuses as "code=count ..."
non200 = 0
statuses = ""
local status_counts = {}
function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    status_counts[status] = (status_counts[status] or 0) + 1
    local list = {}
    for code, count in pairs(status_counts) do list[#list + 1] = code .. "=" .. count end
    table.sort(list)
    statuses = table.concat(list, " ")
  end
end
`
    : "";
  return `-- written by scripts/bench/wrk-load.ts
local HEADERS = {
${headers}
}

-- a fresh table each time: wrk.format adds Host and Content-Length to the one it is given
function headers_for(body)
  local h = {}
  for name, value in pairs(HEADERS) do h[name] = value end
  if body then h["content-type"] = "application/json" end
  return h
end

${requests}

-- setup and done run in the main Lua state; init, request and response in each thread's own state
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_seed", ${options.seed} + #threads * 7919)
end

function init(args)
  math.randomseed(thread_seed)
  load_requests()
end
${response}
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
  local non200, statuses = ${options.countStatuses ? "0" : "-1"}, {}
  for _, t in ipairs(threads) do
    if non200 >= 0 then
      non200 = non200 + (t:get("non200") or 0)
      local s = t:get("statuses")
      if s and s ~= "" then statuses[#statuses + 1] = s end
    end
  end
  io.write(string.format(
    '\\nWRK_JSON {"requests":%.0f,"duration_us":%.0f,"bytes":%.0f,"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f,"p50_us":%.0f,"p99_us":%.0f,"cpu_ms":%.0f,"non200":%.0f,"statuses":"%s"}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), cpu_ms(), non200, table.concat(statuses, " ")))
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
