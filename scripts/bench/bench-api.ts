/**
 * `npm run bench:api`: load-test the employer-data API on the embedded default, then on PostgreSQL, against a bare `node:http`
 * baseline serving bytes captured from Linnet in the same run. A benchmark, not a test: it prints whether each target
 * is met and exits 0 unless the run itself failed.
 *
 * Each workload runs BENCH_ROUNDS rounds (default 3) alternating Linnet and the baseline, BENCH_SECONDS in all per
 * server (default 12, so 4 s rounds); DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test);
 * BENCH_WORKLOADS limits the ratio and scale runs to some workloads (`directory,individual,pay-statement`); BENCH_NODE_ARGS adds
 * flags to the node command of every process the bench starts, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` for a CPU
 * profile of Linnet under the load (written when it stops; `--cpu-prof` is refused in NODE_OPTIONS).
 *
 * BENCH_API_RUNS picks the runs (default `ratio,scale,scale-out`):
 *   ratio      the table above, on each database of BENCH_API_DATABASES (default `embedded,postgres`: the default
 *              embedded PostgreSQL server and the server at DATABASE_URL; `pglite` for the PGlite fallback);
 *   scale      companies of BENCH_SCALE_SIZES people (default 1000,10000,50000) side by side in one Linnet on each
 *              database of BENCH_SCALE_DATABASES (default postgres; embedded, pglite), every workload at 10
 *              connections in BENCH_ROUNDS rounds over the sizes: p50 per size (median of the rounds);
 *   scale-out  PostgreSQL only: the directory workload against one API process, then two (two ports, load split).
 *
 * BENCH_RATIO_GENERATOR picks the ratio run's load generator, the same for Linnet's rounds and the baseline's:
 *   autocannon (default)  inside this Node process, as the table's figures have always been measured;
 *   wrk                   wrk (an error when it is not installed), one process with one thread, outside this Node
 *                         process; POST workloads send one of 2,000 requests sampled from the workload up front.
 *                         Why: with big answers (pay-statement, 1.1 MB; ~96 KB gzip) autocannon's single JS thread,
 *                         parsing them, is the bottleneck on a small machine: the servers idle while it works, and
 *                         the p99 it reports (~200 ms for the bare baseline as for Linnet) is mostly its own
 *                         queueing. wrk takes whole seconds per round (BENCH_SECONDS / BENCH_ROUNDS is rounded); its
 *                         non-2xx is status >= 400 (counting every status would double wrk's CPU per 1.1 MB answer),
 *                         and each untimed warm-up run checks instead that every answer was 200 (not 202, not 3xx).
 *
 * BENCH_LOAD_GENERATOR picks the load generator of the scale and scale-out runs:
 *   auto (default)  wrk when installed (`apt-get install wrk`), else autocannon with a note in the report;
 *   wrk             wrk, an error when it is not installed: one process per API port, outside this Node process, so
 *                   the generator does not take a JS thread's worth of the cores the servers need (whole seconds
 *                   per round: BENCH_SECONDS / BENCH_ROUNDS is rounded);
 *   autocannon      autocannon inside this Node process, as the other runs (on 2 cores, likely the bottleneck).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scaleOutReport, scaleOutRun, scaleReport, scaleRun } from "./api-scale.js";
import { exitCleanlyOnSignals, withCleanup } from "./cleanup.js";
import { chooseLoadGenerator, chooseRatioGenerator, type LoadGenerator, wrkVersion } from "./load-generator.js";
import { createBenchDatabase, unreachableReason } from "./pg-database.js";
import { resultsTable, targetLines, timingsTable } from "./report.js";
import { runTarget, type TargetReport } from "./run-target.js";
import { num } from "./table.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS || 12);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const CONNECTIONS = 50;
const RUNS = new Set((process.env.BENCH_API_RUNS || "ratio,scale,scale-out").split(",").map((r) => r.trim()));
const SCALE_SIZES = (process.env.BENCH_SCALE_SIZES || "1000,10000,50000").split(",").map(Number);
const SCALE_DATABASES = new Set((process.env.BENCH_SCALE_DATABASES || "postgres").split(","));
const SCALE_CONNECTIONS = 10;

const loadAverage = () => os.loadavg()[0]!.toFixed(2);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

/** Which passes of the ratio run: the embedded default, the PostgreSQL server, and on request the PGlite fallback. */
const DATABASES = (process.env.BENCH_API_DATABASES || "embedded,postgres").split(",").map((d) => d.trim());

/** An embedded pass (the default embedded PostgreSQL server, or PGlite), in a fresh temporary data directory. */
async function embeddedPass(kind: "embedded" | "pglite", generator: LoadGenerator): Promise<TargetReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-data-"));
  return withCleanup(
    () => fs.rmSync(dataDir, { recursive: true, force: true }),
    () => runTarget(ROOT, kind, { kind, dataDir }, { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, generator }, log),
  );
}

/** The PostgreSQL pass, in a fresh database dropped afterwards; null (with a note) when the server is unreachable. */
async function postgresPass(notes: string[], generator: LoadGenerator): Promise<TargetReport | null> {
  const reason = await unreachableReason(PG_URL);
  if (reason) {
    notes.push(`PostgreSQL skipped: ${new URL(PG_URL).host} is unreachable (${reason})`);
    return null;
  }
  const db = await createBenchDatabase(PG_URL);
  log(`[postgres] created database ${db.name}`);
  return withCleanup(
    () => db.drop().catch((err: unknown) => log(`[postgres] could not drop ${db.name}: ${String(err)}`)),
    () =>
      runTarget(
        ROOT,
        "postgres",
        { kind: "postgres", databaseUrl: db.url },
        { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, generator },
        log,
      ),
  );
}

/** How the scale run measures: BENCH_ROUNDS rounds of BENCH_SECONDS / BENCH_ROUNDS per workload and size. */
function scalePlan(generator: LoadGenerator) {
  return { seconds: SECONDS / ROUNDS, rounds: ROUNDS, connections: SCALE_CONNECTIONS, generator };
}

/** The scale run's table title. */
function scaleTitle(generator: LoadGenerator): string {
  const seconds = generator === "wrk" ? Math.max(1, Math.round(SECONDS / ROUNDS)) : SECONDS / ROUNDS;
  return `Scale run (${SCALE_CONNECTIONS} connections, ${ROUNDS} rounds of ${num(seconds, 1)} s per workload and size, the sizes in turn; p50 = median of the rounds; load generator ${generator})`;
}

/** The scale and scale-out runs (see the header), as report lines; `generator` drives both. */
async function extraRuns(notes: string[], generator: LoadGenerator): Promise<string[]> {
  const lines: string[] = [];
  for (const kind of (["embedded", "pglite"] as const).filter((k) => RUNS.has("scale") && SCALE_DATABASES.has(k))) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-scale-"));
    const points = await withCleanup(
      () => fs.rmSync(dataDir, { recursive: true, force: true }),
      () => scaleRun(ROOT, { kind, dataDir }, SCALE_SIZES, scalePlan(generator), (s) => log(`[${kind} scale] ${s}`)),
    );
    lines.push("", scaleTitle(generator), "", ...scaleReport(kind, points, generator));
  }
  const wantsPostgres = (RUNS.has("scale") && SCALE_DATABASES.has("postgres")) || RUNS.has("scale-out");
  const reason = wantsPostgres ? await unreachableReason(PG_URL) : null;
  if (reason) {
    notes.push(`PostgreSQL scale runs skipped: ${new URL(PG_URL).host} is unreachable (${reason})`);
    return lines;
  }
  if (RUNS.has("scale") && SCALE_DATABASES.has("postgres")) {
    const db = await createBenchDatabase(PG_URL);
    const points = await withCleanup(
      () => db.drop(),
      () =>
        scaleRun(ROOT, { kind: "postgres", databaseUrl: db.url }, SCALE_SIZES, scalePlan(generator), (s) => log(`[postgres scale] ${s}`)),
    );
    lines.push("", scaleTitle(generator), "", ...scaleReport("postgres", points, generator));
  }
  if (RUNS.has("scale-out")) {
    const db = await createBenchDatabase(PG_URL);
    const result = await withCleanup(
      () => db.drop(),
      () => scaleOutRun(ROOT, db.url, SECONDS, ROUNDS, CONNECTIONS, generator, (s) => log(`[postgres scale-out] ${s}`)),
    );
    const roundSeconds = generator === "wrk" ? Math.max(1, Math.round(SECONDS / ROUNDS)) : SECONDS / ROUNDS;
    lines.push(
      "",
      `Scale-out run (${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${num(roundSeconds, 1)} s, load generator ${generator})`,
      "",
      ...scaleOutReport(result),
    );
  }
  return lines;
}

/** Run both passes, print the tables, and exit. */
async function main(): Promise<number> {
  exitCleanlyOnSignals(log);
  if (!(SECONDS > 0)) throw new Error(`BENCH_SECONDS must be a positive number (got "${process.env.BENCH_SECONDS}")`);
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
    throw new Error(`BENCH_ROUNDS must be a positive integer (got "${process.env.BENCH_ROUNDS}")`);
  log(
    `bench:api: ${CONNECTIONS} connections, ${SECONDS} s per server and workload in ${ROUNDS} alternating rounds, ${os.cpus().length} CPUs, Node ${process.version}, load average ${loadAverage()}`,
  );
  const generator = chooseLoadGenerator();
  const ratioGenerator = chooseRatioGenerator();
  if (RUNS.has("ratio")) log(`ratio load generator: ${ratioGenerator}`);
  if (RUNS.has("scale-out") || RUNS.has("scale")) {
    log(`scale and scale-out load generator: ${generator}`);
    if (generator === "autocannon" && process.env.BENCH_LOAD_GENERATOR?.trim() !== "autocannon")
      log(
        "hint: wrk is not installed; the scale and scale-out runs fall back to autocannon in this process (whole-millisecond latencies, and likely the bottleneck on a small machine: apt-get install wrk)",
      );
  }
  const reports: TargetReport[] = [];
  const notes: string[] = [];
  let failed = false;
  const passes: Record<string, () => Promise<TargetReport | null>> = {
    embedded: () => embeddedPass("embedded", ratioGenerator),
    pglite: () => embeddedPass("pglite", ratioGenerator),
    postgres: () => postgresPass(notes, ratioGenerator),
  };
  for (const name of RUNS.has("ratio") ? DATABASES : []) {
    const pass = passes[name];
    if (!pass) throw new Error(`BENCH_API_DATABASES: unknown "${name}" (embedded, pglite, postgres)`);
    try {
      const report = await pass();
      if (report) reports.push(report);
    } catch (err) {
      failed = true;
      notes.push(`${name} pass failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  console.log("");
  if (reports.length > 0) {
    const roundSeconds = ratioGenerator === "wrk" ? Math.max(1, Math.round(SECONDS / ROUNDS)) : SECONDS / ROUNDS;
    const generatorName =
      ratioGenerator === "wrk"
        ? `load generator wrk ${wrkVersion() ?? ""}, one process and thread outside this Node process`
        : "load generator autocannon, inside this Node process";
    console.log(
      `Throughput and latency (${generatorName}; ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${num(roundSeconds, 1)} s per server;`,
    );
    console.log("req/s = mean of the rounds, p50 = median, p99 = worst round; ratio = Linnet req/s / baseline req/s, then each round's;");
    if (ratioGenerator === "wrk") console.log("non-2xx = wrk's count, status >= 400 (each warm-up run checked that every answer was 200);");
    console.log("drain = the longest Linnet kept working off queued requests after a round ended)\n");
    console.log(resultsTable(reports));
    console.log("\nStart, seeding and SDK crawl\n");
    console.log(timingsTable(reports));
    console.log("\nTargets\n");
    for (const line of targetLines(reports)) console.log(line);
  }
  const scaleLines = await extraRuns(notes, generator).catch((err: unknown) => {
    failed = true;
    notes.push(`scale runs failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return [];
  });
  for (const line of scaleLines) console.log(line);
  console.log(`\n1-minute load average at the end: ${loadAverage()} (other work on the machine skews every number)`);
  for (const note of notes) console.log(`\nNote: ${note}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
