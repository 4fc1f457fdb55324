import { spawnSync } from "node:child_process";

/**
 * Which load generator drives a run: wrk (a C program, one epoll thread per process, outside the bench's Node
 * process) or autocannon (in the bench's own Node process, one JS thread).
 */
export type LoadGenerator = "wrk" | "autocannon";

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
