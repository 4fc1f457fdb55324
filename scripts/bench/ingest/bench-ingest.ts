/**
 * `npm run bench:ingest`: the ingestion pipeline on a 100,000-row ADP Workforce Now census (about 15 MB), against a
 * bare csv-parse pass over the same bytes. The pipeline is parseUpload → detectMapping → mapOrg → validateOrg →
 * diffOrg against the previous version of the same company. Each pass runs in a fresh process (a warm-up, then one
 * timed pass), bare and pipeline alternating for ROUNDS rounds so that load from other work on the machine hits both
 * alike; medians are reported. A benchmark, not a test: it prints whether each target is met and exits 0 unless
 * the run itself failed.
 *
 * Environment: BENCH_INGEST_ROWS (default 100000), BENCH_INGEST_ROUNDS (default 3).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatTable, num, verdict } from "../table.js";
import { generateCensus } from "./generate-census.js";

const ROWS = Number(process.env.BENCH_INGEST_ROWS || 100_000);
const ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS || 3);
const MAX_RATIO = 1.5;
const MAX_RSS_MIB = 400;
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** What one measurement process prints. */
interface Measurement {
  ms: number;
  cpuMs: number;
  detail: { rows: number; steps?: Record<string, number>; template?: string; score?: number; report?: unknown; diff?: unknown };
  peakSampledMiB: number;
  peakKernelMiB: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const peakOf = (m: Measurement) => Math.max(m.peakSampledMiB, m.peakKernelMiB);

/** Run one measurement in a fresh Node process and read its JSON line. */
function measure(args: string[]): Measurement {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(HERE, "measure.ts"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Measurement;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-ingest-"));
try {
  const census = generateCensus(ROWS);
  const files = { next: path.join(dir, "next.csv"), previous: path.join(dir, "previous.csv"), warmup: path.join(dir, "warmup.csv") };
  fs.writeFileSync(files.next, census.next);
  fs.writeFileSync(files.previous, census.previous);
  fs.writeFileSync(files.warmup, generateCensus(Math.min(ROWS, 5_000), 7).next);
  const mb = fs.statSync(files.next).size / 1e6;
  const previousRows = census.previous.split("\r\n").length - 2;
  console.log(
    `census: ${ROWS.toLocaleString("en-US")} rows, ${mb.toFixed(1)} MB; previous version ${previousRows.toLocaleString("en-US")} rows`,
  );
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}; ${ROUNDS} rounds of bare + pipeline, each in a fresh process`,
  );

  const bare: Measurement[] = [];
  const full: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(measure(["bare", files.next, files.warmup]));
    full.push(measure(["pipeline", files.next, files.warmup, files.previous]));
  }
  const bareMs = median(bare.map((m) => m.ms));
  const fullMs = median(full.map((m) => m.ms));
  const perSecond = (ms: number) => num((ROWS / ms) * 1000);
  console.log("");
  console.log(
    formatTable(
      [
        { title: "pass" },
        { title: "median ms", right: true },
        { title: "rounds ms" },
        { title: "rows/s", right: true },
        { title: "median CPU ms", right: true },
        { title: "peak RSS MiB", right: true },
      ],
      [
        [
          "bare csv-parse",
          num(bareMs),
          bare.map((m) => m.ms).join(" / "),
          perSecond(bareMs),
          num(median(bare.map((m) => m.cpuMs))),
          String(Math.max(...bare.map(peakOf))),
        ],
        [
          "pipeline",
          num(fullMs),
          full.map((m) => m.ms).join(" / "),
          perSecond(fullMs),
          num(median(full.map((m) => m.cpuMs))),
          String(Math.max(...full.map(peakOf))),
        ],
      ],
    ),
  );
  const fastest = full.reduce((a, b) => (b.ms < a.ms ? b : a));
  const { steps, template, score, report, diff } = fastest.detail;
  console.log("");
  console.log(
    `pipeline steps, fastest round (ms): ${Object.entries(steps ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  console.log(`detected ${template} (score ${score}); report ${JSON.stringify(report)}`);
  console.log(`diff ${JSON.stringify(diff)}`);
  console.log(
    `ratio per round: ${full.map((m, i) => (m.ms / bare[i]!.ms).toFixed(2)).join(" / ")}; of median CPU time: ${(median(full.map((m) => m.cpuMs)) / median(bare.map((m) => m.cpuMs))).toFixed(2)}`,
  );
  console.log("");
  const ratio = fullMs / bareMs;
  const peak = Math.max(...full.map(peakOf));
  console.log(`ratio (pipeline ÷ bare parse, medians)  ${verdict(ratio <= MAX_RATIO, `${ratio.toFixed(2)}×`, `≤ ${MAX_RATIO}×`)}`);
  console.log(`pipeline peak RSS (50 ms samples, kernel max)  ${verdict(peak <= MAX_RSS_MIB, `${peak} MiB`, `≤ ${MAX_RSS_MIB} MiB`)}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
