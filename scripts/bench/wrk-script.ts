import fs from "node:fs";

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
