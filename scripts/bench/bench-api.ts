/**
 * `npm run bench:api`: load-test the employer-data API on PGlite, then on PostgreSQL, against a bare `node:http`
 * baseline serving bytes captured from Linnet in the same run. A benchmark, not a test: it prints whether each target
 * is met and exits 0 unless the run itself failed.
 *
 * Environment: BENCH_SECONDS (per run, default 10), DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exitCleanlyOnSignals, withCleanup } from "./cleanup.js";
import { createBenchDatabase, unreachableReason } from "./pg-database.js";
import { resultsTable, targetLines, timingsTable } from "./report.js";
import { runTarget, type TargetReport } from "./run-target.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;

const loadAverage = () => os.loadavg()[0]!.toFixed(2);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

/** The PGlite pass, in a fresh temporary data directory. */
async function pglitePass(): Promise<TargetReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-data-"));
  return withCleanup(
    () => fs.rmSync(dataDir, { recursive: true, force: true }),
    () => runTarget(ROOT, "pglite", { kind: "pglite", dataDir }, { connections: CONNECTIONS, seconds: SECONDS }, log),
  );
}

/** The PostgreSQL pass, in a fresh database dropped afterwards; null (with a note) when the server is unreachable. */
async function postgresPass(notes: string[]): Promise<TargetReport | null> {
  const reason = await unreachableReason(PG_URL);
  if (reason) {
    notes.push(`PostgreSQL skipped: ${new URL(PG_URL).host} is unreachable (${reason})`);
    return null;
  }
  const db = await createBenchDatabase(PG_URL);
  log(`[postgres] created database ${db.name}`);
  return withCleanup(
    () => db.drop().catch((err: unknown) => log(`[postgres] could not drop ${db.name}: ${String(err)}`)),
    () => runTarget(ROOT, "postgres", { kind: "postgres", databaseUrl: db.url }, { connections: CONNECTIONS, seconds: SECONDS }, log),
  );
}

/** Run both passes, print the tables, and exit. */
async function main(): Promise<number> {
  exitCleanlyOnSignals(log);
  if (!(SECONDS > 0)) throw new Error(`BENCH_SECONDS must be a positive number (got "${process.env.BENCH_SECONDS}")`);
  log(`bench:api: ${CONNECTIONS} connections, ${SECONDS} s per run, ${os.cpus().length} CPUs, Node ${process.version}, load average ${loadAverage()}`);
  const reports: TargetReport[] = [];
  const notes: string[] = [];
  let failed = false;
  for (const [name, pass] of [
    ["pglite", pglitePass],
    ["postgres", () => postgresPass(notes)],
  ] as const) {
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
    console.log(`Throughput and latency (${CONNECTIONS} connections, ${SECONDS} s each; ratio = Linnet req/s / baseline req/s;`);
    console.log("drain = seconds Linnet kept working off queued requests after the run ended)\n");
    console.log(resultsTable(reports));
    console.log("\nStart, seeding and SDK crawl\n");
    console.log(timingsTable(reports));
    console.log("\nTargets\n");
    for (const line of targetLines(reports)) console.log(line);
  }
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
