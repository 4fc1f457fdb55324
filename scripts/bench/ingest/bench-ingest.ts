/**
 * `npm run bench:ingest`: the ingestion pipeline on a 100,000-row ADP Workforce Now census (about 15 MB), against a
 * bare csv-parse pass over the same bytes. Each side runs in its own process (3 timed runs after a warm-up, median
 * reported); the pipeline is parseUpload → detectMapping → mapOrg → validateOrg → diffOrg against the previous
 * version of the same company. A benchmark, not a test: it prints whether each target is met and exits 0 unless
 * the run itself failed.
 *
 * Environment: BENCH_INGEST_ROWS (default 100000).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatTable, num, verdict } from "../table.js";
import { generateCensus } from "./generate-census.js";

const ROWS = Number(process.env.BENCH_INGEST_ROWS || 100_000);
const MAX_RATIO = 3;
const MAX_RSS_MIB = 500;
const HERE = path.dirname(fileURLToPath(import.meta.url));

interface Measurement {
  mode: string;
  times: number[];
  detail: Record<string, unknown> & { rows: number; steps?: Record<string, number> };
  peakSampledMiB: number;
  peakKernelMiB: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Run one measurement in a fresh Node process and read its JSON line. */
function measure(args: string[]): Measurement {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(HERE, "measure.ts"), ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  const line = out.trim().split("\n").at(-1)!;
  return JSON.parse(line) as Measurement;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-ingest-"));
try {
  const census = generateCensus(ROWS);
  const files = { next: path.join(dir, "next.csv"), previous: path.join(dir, "previous.csv"), warmup: path.join(dir, "warmup.csv") };
  fs.writeFileSync(files.next, census.next);
  fs.writeFileSync(files.previous, census.previous);
  fs.writeFileSync(files.warmup, generateCensus(Math.min(ROWS, 5_000), 7).next);
  const mb = fs.statSync(files.next).size / 1e6;
  console.log(`census: ${ROWS.toLocaleString("en-US")} rows, ${mb.toFixed(1)} MB (previous version: ${census.previous.split("\r\n").length - 2} rows), Node ${process.version}, ${os.cpus().length} CPUs`);

  const bare = measure(["bare", files.next, files.warmup]);
  const full = measure(["pipeline", files.next, files.warmup, files.previous]);
  const bareMs = median(bare.times);
  const fullMs = median(full.times);
  const rowsPerSecond = (ms: number) => num((ROWS / ms) * 1000);
  console.log("");
  console.log(
    formatTable(
      [{ title: "pass" }, { title: "median ms", right: true }, { title: "runs ms" }, { title: "rows/s", right: true }, { title: "peak RSS MiB (sampled / kernel)", right: true }],
      [
        ["bare csv-parse", num(bareMs), bare.times.join(" / "), rowsPerSecond(bareMs), `${bare.peakSampledMiB} / ${bare.peakKernelMiB}`],
        ["pipeline", num(fullMs), full.times.join(" / "), rowsPerSecond(fullMs), `${full.peakSampledMiB} / ${full.peakKernelMiB}`],
      ],
    ),
  );
  console.log("");
  console.log(`pipeline steps (fastest run, ms): ${Object.entries(full.detail.steps ?? {}).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const { template, score, report, diff } = full.detail as Record<string, unknown>;
  console.log(`detected ${String(template)} (score ${String(score)}); report ${JSON.stringify(report)}; diff ${JSON.stringify(diff)}`);
  console.log("");
  const ratio = fullMs / bareMs;
  const peak = Math.max(full.peakSampledMiB, full.peakKernelMiB);
  console.log(`ratio (pipeline ÷ bare parse)  ${verdict(ratio <= MAX_RATIO, `${ratio.toFixed(2)}×`, `≤ ${MAX_RATIO}×`)}`);
  console.log(`pipeline peak RSS              ${verdict(peak <= MAX_RSS_MIB, `${peak} MiB`, `≤ ${MAX_RSS_MIB} MiB`)}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
